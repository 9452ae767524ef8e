// Procedures for families and pets: child allowance, changing school, and the dog register.
import { childAllowanceClaimForm, dogRegistrationForm, schoolTransferForm } from "./forms/family";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { newMunicipality } from "./routes";

export const childAllowanceClaim = defineProcedure({
  id: "child-allowance-claim",
  form: childAllowanceClaimForm,
  name: { ja: "児童手当 認定請求（新住所地）", en: "Child allowance: claim at the new municipality" },
  description: {
    ja: "転出予定日の翌日から15日以内に新しい市区町村へ請求すると、手当が途切れません。",
    en: "Claimed within 15 days of the move so that the allowance continues without a gap.",
  },
  handledBy: newMunicipality,
  legalBasis: { ja: "児童手当法第7条", en: "Child Allowance Act, Article 7" },
  deadline: { days: 15, from: "moveDate" },
  dataItems: ["name", "birthDate", "newAddress", "moveDate", "children", "filedAt"],
  rejectionReasons: [reasons.incomplete, reasons.notEligible, reasons.duplicate],
  prerequisites: ["move-in-notification"],
});

export const schoolTransfer = defineProcedure({
  id: "school-transfer",
  form: schoolTransferForm,
  name: { ja: "転校（就学校の指定）", en: "School transfer (assignment of a new school)" },
  description: {
    ja: "新しい住所の教育委員会が就学する小・中学校を指定します。",
    en: "The board of education of the new address assigns the elementary or junior high school.",
  },
  handledBy: newMunicipality,
  legalBasis: { ja: "学校教育法施行令第5条・第6条", en: "Order for Enforcement of the School Education Act, Articles 5 and 6" },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["name", "newAddress", "moveDate", "schoolChildren", "currentSchool", "filedAt"],
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});

export const dogRegistrationChange = defineProcedure({
  id: "dog-registration-change",
  form: dogRegistrationForm,
  name: { ja: "犬の登録事項変更届（所在地の変更）", en: "Dog registration: change of address" },
  handledBy: newMunicipality,
  legalBasis: { ja: "狂犬病予防法第4条・同法施行令第1条", en: "Rabies Prevention Act, Article 4; Enforcement Order, Article 1" },
  deadline: { days: 30, from: "moveDate" },
  dataItems: ["name", "phone", "currentAddress", "newAddress", "dogs", "filedAt", "moveDate"],
  optionalItems: ["phone"],
  rejectionReasons: [reasons.incomplete, reasons.noContract],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});
