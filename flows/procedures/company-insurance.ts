// Social and labour insurance of a new company: health and pension insurance for every company that
// pays its directors, labour and employment insurance once it employs someone.
import { employmentOfficeForm, labourInsuranceForm, socialInsuranceForm } from "./forms/company";
import { japanPensionService } from "../agencies";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { headOfficeHelloWork, headOfficeLabourStandardsOffice } from "./routes";

export const socialInsuranceEnrolment = defineProcedure({
  id: "social-insurance-enrolment",
  form: socialInsuranceForm,
  name: { ja: "健康保険・厚生年金保険 新規適用届", en: "Health insurance and employees' pension: registration of a new employer" },
  handledBy: japanPensionService,
  legalBasis: { ja: "健康保険法第48条・厚生年金保険法第27条", en: "Health Insurance Act, Article 48; Employees' Pension Insurance Act, Article 27" },
  deadline: { days: 5, from: "foundingDate" },
  dataItems: ["corporateNumber", "companyName", "companyNameKana", "headOffice", "representativeName", "foundingDate", "employeeCount", "filedAt"],
  optionalItems: ["employeeCount"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["company-registration"],
});

export const labourInsuranceEstablishment = defineProcedure({
  id: "labour-insurance-establishment",
  form: labourInsuranceForm,
  name: { ja: "労働保険 保険関係成立届", en: "Labour insurance: notification of coverage" },
  handledBy: headOfficeLabourStandardsOffice,
  legalBasis: { ja: "労働保険の保険料の徴収等に関する法律第4条の2", en: "Labour Insurance Premium Collection Act, Article 4-2" },
  deadline: { days: 10, from: "firstEmploymentDate" },
  dataItems: ["corporateNumber", "companyName", "headOffice", "representativeName", "businessPurposes", "employeeCount", "firstEmploymentDate", "filedAt", "expectedAnnualWages"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["company-registration"],
});

export const employmentInsuranceOffice = defineProcedure({
  id: "employment-insurance-office",
  form: employmentOfficeForm,
  name: { ja: "雇用保険 適用事業所設置届", en: "Employment insurance: registration of the workplace" },
  handledBy: headOfficeHelloWork,
  legalBasis: { ja: "雇用保険法第7条・同法施行規則第141条", en: "Employment Insurance Act, Article 7; Enforcement Regulations, Article 141" },
  deadline: { days: 10, from: "firstEmploymentDate" },
  dataItems: ["corporateNumber", "companyName", "headOffice", "representativeName", "employeeCount", "firstEmploymentDate", "filedAt", "labourInsuranceNumber", "businessPurposes"],
  fromPrerequisite: { corporateNumber: "company-registration", labourInsuranceNumber: "labour-insurance-establishment" },
  rejectionReasons: [reasons.incomplete, { code: "labour-insurance-missing", text: { ja: "労働保険番号が確認できません", en: "No labour insurance number was found" } }],
  prerequisites: ["labour-insurance-establishment"],
});
