// Tax notifications of a new company. All wait for the registration, which gives the corporate number.
import { blueReturnForm, corporationNotificationForm, municipalNotificationForm, prefecturalNotificationForm, salaryOfficeForm } from "./forms/company";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { headOfficeMunicipality, headOfficePrefecturalTaxOffice, headOfficeTaxOffice } from "./routes";

const companyItems = ["corporateNumber", "companyName", "companyNameKana", "headOffice", "representativeName", "foundingDate"] as const;

export const corporationEstablishmentNotification = defineProcedure({
  id: "corporation-establishment-notification",
  form: corporationNotificationForm,
  name: { ja: "法人設立届出書", en: "Notification of incorporation (national tax)" },
  handledBy: headOfficeTaxOffice,
  legalBasis: { ja: "法人税法第148条", en: "Corporation Tax Act, Article 148" },
  // 設立の日以後2月以内: founded 1 April → 31 May.
  deadline: { months: 2, from: "foundingDate", firstDayCounts: true },
  dataItems: [...companyItems, "representativeAddress", "businessPurposes", "capital", "fiscalYearEndMonth", "filedAt"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["company-registration"],
});

export const blueReturnApproval = defineProcedure({
  id: "blue-return-approval",
  form: blueReturnForm,
  name: { ja: "青色申告の承認申請書", en: "Application for approval of blue-form tax returns" },
  handledBy: headOfficeTaxOffice,
  legalBasis: { ja: "法人税法第122条", en: "Corporation Tax Act, Article 122" },
  // 法人税法第122条第2項第1号: the day before the earlier of the day three months have passed since
  // incorporation (設立の日以後3月を経過した日) and the end of the first business year.
  deadline: {
    earliestOf: [
      { months: 3, from: "foundingDate", firstDayCounts: true },
      { before: "firstBusinessYearEnd", days: 1 },
    ],
  },
  dataItems: [...companyItems, "fiscalYearEndMonth", "filedAt"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.deadlinePassed],
  prerequisites: ["company-registration"],
});

export const salaryPaymentOffice = defineProcedure({
  id: "salary-payment-office",
  form: salaryOfficeForm,
  name: { ja: "給与支払事務所等の開設届出書", en: "Notification of opening a salary payment office" },
  handledBy: headOfficeTaxOffice,
  legalBasis: { ja: "所得税法第230条", en: "Income Tax Act, Article 230" },
  // その事実があった日から1月以内: the first day is not counted, so 1 April → 1 May.
  deadline: { months: 1, from: "foundingDate" },
  dataItems: [...companyItems, "employeeCount", "filedAt", "firstEmploymentDate"],
  optionalItems: ["employeeCount", "firstEmploymentDate"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete],
  prerequisites: ["company-registration"],
});

export const prefecturalEstablishmentNotification = defineProcedure({
  id: "prefectural-establishment-notification",
  form: prefecturalNotificationForm,
  name: { ja: "法人設立届（都道府県）", en: "Notification of incorporation (prefectural tax)" },
  handledBy: headOfficePrefecturalTaxOffice,
  legalBasis: {
    ja: "地方税法（法人事業税・法人都道府県民税）及び都道府県税条例",
    en: "Local Tax Act (corporate enterprise tax and prefectural inhabitant tax) and the prefectural tax ordinance",
  },
  deadline: { days: 15, from: "foundingDate" },
  dataItems: [...companyItems, "businessPurposes", "capital", "fiscalYearEndMonth", "filedAt"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["company-registration"],
});

export const municipalEstablishmentNotification = defineProcedure({
  id: "municipal-establishment-notification",
  form: municipalNotificationForm,
  name: { ja: "法人設立届（市町村）", en: "Notification of incorporation (municipal tax)" },
  description: {
    ja: "東京23区に本店がある場合は都に届け出るため不要です。",
    en: "Not needed for a head office in Tokyo's 23 wards, where the Metropolis collects this tax.",
  },
  handledBy: headOfficeMunicipality,
  legalBasis: { ja: "地方税法（法人市町村民税）及び市町村税条例", en: "Local Tax Act (municipal corporate inhabitant tax) and the municipal tax ordinance" },
  deadline: { days: 30, from: "foundingDate" },
  dataItems: [...companyItems, "capital", "fiscalYearEndMonth", "filedAt", "businessPurposes"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["company-registration"],
});
