// Health insurance, pensions and long-term care when moving: what the municipalities and the
// Japan Pension Service must be told. Each is selected only for the people it concerns.
import { longTermCareForm, nationalPensionForm, nhiEnrolmentForm, nhiWithdrawalForm, pensionRecipientForm } from "./forms/insurance-and-pension";
import { japanPensionService } from "../agencies";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { newMunicipality, oldMunicipality } from "./routes";

export const nhiWithdrawal = defineProcedure({
  id: "nhi-withdrawal",
  form: nhiWithdrawalForm,
  name: { ja: "国民健康保険 資格喪失届（旧住所地）", en: "National Health Insurance: withdrawal at the old municipality" },
  handledBy: oldMunicipality,
  legalBasis: { ja: "国民健康保険法第9条第1項・同法施行規則第11条", en: "National Health Insurance Act, Article 9(1); Enforcement Regulations, Article 11" },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["name", "birthDate", "currentAddress", "moveDate", "movingMembers", "filedAt", "filedBy", "householderName", "relationshipToHouseholder"],
  rejectionReasons: [reasons.incomplete, reasons.noContract],
  prerequisites: ["move-out-notification"],
});

export const nhiEnrolment = defineProcedure({
  id: "nhi-enrolment",
  form: nhiEnrolmentForm,
  name: { ja: "国民健康保険 資格取得届（新住所地）", en: "National Health Insurance: enrolment at the new municipality" },
  handledBy: newMunicipality,
  legalBasis: { ja: "国民健康保険法第9条第1項・同法施行規則第2条", en: "National Health Insurance Act, Article 9(1); Enforcement Regulations, Article 2" },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["name", "nameKana", "birthDate", "newAddress", "moveDate", "movingMembers", "filedAt", "filedBy", "householderName", "relationshipToHouseholder"],
  rejectionReasons: [reasons.incomplete, reasons.notEligible],
  prerequisites: ["move-in-notification"],
});

export const nationalPensionAddressChange = defineProcedure({
  id: "national-pension-address-change",
  form: nationalPensionForm,
  name: { ja: "国民年金 第1号被保険者 住所変更届", en: "National Pension (category 1): change of address" },
  handledBy: newMunicipality,
  legalBasis: { ja: "国民年金法第12条第1項", en: "National Pension Act, Article 12(1)" },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["name", "birthDate", "currentAddress", "newAddress", "moveDate", "filedAt"],
  rejectionReasons: [reasons.incomplete, reasons.notEligible],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});

export const pensionRecipientAddressChange = defineProcedure({
  id: "pension-recipient-address-change",
  form: pensionRecipientForm,
  name: { ja: "年金受給権者 住所変更届", en: "Pension recipient: change of address" },
  handledBy: japanPensionService,
  legalBasis: { ja: "国民年金法第105条・厚生年金保険法第98条", en: "National Pension Act, Article 105; Employees' Pension Insurance Act, Article 98" },
  deadline: { days: 10, from: "moveDate" },
  dataItems: ["name", "nameKana", "birthDate", "basicPensionNumber", "currentAddress", "newAddress", "moveDate", "filedAt"],
  rejectionReasons: [reasons.incomplete, reasons.identity, reasons.noContract],
});

export const longTermCareInsurance = defineProcedure({
  id: "long-term-care-insurance",
  form: longTermCareForm,
  name: { ja: "介護保険 資格取得届（第1号被保険者の転入）", en: "Long-term care insurance: enrolment on moving in (aged 65 or over)" },
  handledBy: newMunicipality,
  legalBasis: { ja: "介護保険法第12条第1項", en: "Long-Term Care Insurance Act, Article 12(1)" },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["careInsuredPersons", "currentAddress", "newAddress", "moveDate", "filedAt", "filedBy"],
  rejectionReasons: [reasons.incomplete, reasons.notEligible],
  prerequisites: ["move-in-notification"],
});
