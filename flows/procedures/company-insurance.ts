// Social and labour insurance of a new company: health and pension insurance for every company that
// pays its directors, labour and employment insurance once it employs someone.
import { employmentEnrolmentForm, employmentOfficeForm, labourInsuranceForm, labourPremiumForm, socialInsuranceForm } from "./forms/company";
import { japanPensionService } from "../agencies";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { headOfficeHelloWork, headOfficeLabourStandardsOffice } from "./routes";

const labourInsuranceMissing = { code: "labour-insurance-missing", text: { ja: "労働保険番号が確認できません", en: "No labour insurance number was found" } };

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
  rejectionReasons: [reasons.incomplete, labourInsuranceMissing],
  prerequisites: ["labour-insurance-establishment"],
});

/** The first year's premium, estimated from the wages expected until 31 March and paid when the coverage starts. */
export const labourInsurancePremiumDeclaration = defineProcedure({
  id: "labour-insurance-premium-declaration",
  form: labourPremiumForm,
  name: { ja: "労働保険 概算保険料申告書", en: "Labour insurance: estimated premium declaration" },
  handledBy: headOfficeLabourStandardsOffice,
  legalBasis: { ja: "労働保険の保険料の徴収等に関する法律第15条第1項", en: "Labour Insurance Premium Collection Act, Article 15(1)" },
  // 「保険関係が成立した日から50日以内」: counted from the day after the first employee starts.
  deadline: { days: 50, from: "firstEmploymentDate" },
  dataItems: ["labourInsuranceNumber", "companyName", "headOffice", "representativeName", "businessPurposes", "employeeCount", "firstEmploymentDate", "expectedAnnualWages", "filedAt"],
  fromPrerequisite: { labourInsuranceNumber: "labour-insurance-establishment" },
  rejectionReasons: [reasons.incomplete, labourInsuranceMissing],
  prerequisites: ["labour-insurance-establishment"],
});

/** Each employee's enrolment, once Hello Work has registered the workplace and given it its number. */
export const employmentInsuranceEnrolment = defineProcedure({
  id: "employment-insurance-enrolment",
  form: employmentEnrolmentForm,
  name: { ja: "雇用保険 被保険者資格取得届", en: "Employment insurance: enrolment of the employees" },
  handledBy: headOfficeHelloWork,
  legalBasis: { ja: "雇用保険法第7条・雇用保険法施行規則第6条第1項", en: "Employment Insurance Act, Article 7; Enforcement Regulations, Article 6(1)" },
  // 「その事実のあつた日の属する月の翌月10日までに」
  deadline: { dayOfNextMonth: 10, from: "firstEmploymentDate" },
  dataItems: ["employmentInsuranceOfficeNumber", "companyName", "headOffice", "representativeName", "employees", "firstEmploymentDate", "filedAt"],
  fromPrerequisite: { employmentInsuranceOfficeNumber: "employment-insurance-office" },
  rejectionReasons: [reasons.incomplete, { code: "workplace-not-registered", text: { ja: "適用事業所番号が確認できません", en: "No workplace number was found" } }],
  prerequisites: ["employment-insurance-office"],
});
