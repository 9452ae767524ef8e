// Resident registration when moving house (住民基本台帳法) and the My Number Card address.
import { changeOfAddressForm, moveInForm, moveOutForm, myNumberCardForm } from "./forms/residence";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { newMunicipality, oldMunicipality } from "./routes";

export const moveOutNotification = defineProcedure({
  id: "move-out-notification",
  form: moveOutForm,
  name: { ja: "転出届", en: "Move-out notification" },
  description: {
    ja: "他の市区町村へ引っ越すときに、今の市区町村へ届け出ます。マイナンバーカードがあればオンラインで届け出られます（転出証明書は不要）。",
    en: "Tells your current municipality that you are moving to another one. With a My Number Card it can be done online, with no move-out certificate.",
  },
  handledBy: oldMunicipality,
  legalBasis: { ja: "住民基本台帳法第24条", en: "Basic Resident Registration Act, Article 24" },
  deadline: { before: "moveDate" },
  // Online (マイナポータル) from 30 days before the move until 10 days after it (デジタル庁, 引越し手続オンラインサービス).
  filingWindow: {
    around: "moveDate",
    opensDaysBefore: 30,
    closesDaysAfter: 10,
    text: {
      ja: "転出届はオンラインでは引越しの30日前から引越し後10日以内まで届け出られます。",
      en: "A move-out notification can be made online from 30 days before the move until 10 days after it.",
    },
  },
  offlineNote: {
    ja: "マイナンバーカードがないため、転出届はオンラインでは届け出られません。記入済みの届出書を印刷し、署名して本人確認書類の写しと返信用封筒を添えて郵送するか、旧住所の市区町村の窓口にお持ちください。",
    en: "Without a My Number Card the move-out notification cannot be made online. Print the prefilled form, sign it and post it with a copy of your ID and a return envelope, or bring it to the counter of your current municipality.",
  },
  dataItems: ["name", "nameKana", "birthDate", "currentAddress", "newAddress", "moveDate", "movingMembers", "filedAt", "filedBy", "householderName", "relationshipToHouseholder"],
  inPerson: false,
  rejectionReasons: [reasons.incomplete, reasons.identity, reasons.duplicate],
});

export const moveInNotification = defineProcedure({
  id: "move-in-notification",
  form: moveInForm,
  name: { ja: "転入届", en: "Move-in notification" },
  description: {
    ja: "新しい市区町村へ住所を移す届出です。本人確認とマイナンバーカードの継続利用のため、来庁が必要です（予約とデータの事前送付を行います）。",
    en: "Registers you at your new municipality. A visit is still required to verify identity and keep your My Number Card valid; we book it and send your data ahead.",
  },
  handledBy: newMunicipality,
  legalBasis: { ja: "住民基本台帳法第22条", en: "Basic Resident Registration Act, Article 22" },
  deadline: { days: 14, from: "moveDate" },
  filingWindow: {
    around: "moveDate",
    closesDaysAfter: 14,
    text: { ja: "転入届は引越しの日から14日以内に届け出る必要があります（住民基本台帳法第22条）。", en: "A move-in notification must be made within 14 days of moving in (Basic Resident Registration Act, Article 22)." },
  },
  dataItems: ["name", "nameKana", "birthDate", "gender", "nationality", "residenceCardNumber", "currentAddress", "newAddress", "moveDate", "movingMembers", "filedAt", "filedBy", "householderName", "relationshipToHouseholder", "residenceStatus", "periodOfStay"],
  optionalItems: ["gender", "nationality", "residenceCardNumber", "residenceStatus", "periodOfStay"],
  inPerson: true,
  inPersonNote: {
    ja: "転入届は窓口での手続が法律上必要です。マイナンバーカード（外国籍の方は在留カード）をお持ちください。",
    en: "The law requires the move-in notification to be made at the counter. Bring your My Number Card (foreign residents: residence card).",
  },
  rejectionReasons: [reasons.incomplete, reasons.identity, reasons.deadlinePassed],
  prerequisites: ["move-out-notification"],
});

export const changeOfAddressNotification = defineProcedure({
  id: "change-of-address-notification",
  form: changeOfAddressForm,
  name: { ja: "転居届", en: "Change-of-address notification (within the municipality)" },
  description: {
    ja: "同じ市区町村の中で引っ越したときの届出です。",
    en: "For a move within the same municipality.",
  },
  handledBy: newMunicipality,
  legalBasis: { ja: "住民基本台帳法第23条", en: "Basic Resident Registration Act, Article 23" },
  deadline: { days: 14, from: "moveDate" },
  filingWindow: {
    around: "moveDate",
    closesDaysAfter: 14,
    text: { ja: "転居届は引越しの日から14日以内に届け出る必要があります（住民基本台帳法第23条）。", en: "A change-of-address notification must be made within 14 days of the move (Basic Resident Registration Act, Article 23)." },
  },
  dataItems: ["name", "nameKana", "birthDate", "residenceCardNumber", "currentAddress", "newAddress", "moveDate", "movingMembers", "filedAt", "filedBy", "householderName", "relationshipToHouseholder"],
  optionalItems: ["residenceCardNumber"],
  inPerson: true,
  inPersonNote: {
    ja: "転居届は窓口での手続が必要です。マイナンバーカードをお持ちください。",
    en: "The change-of-address notification is made at the counter. Bring your My Number Card.",
  },
  rejectionReasons: [reasons.incomplete, reasons.identity, reasons.deadlinePassed],
});

export const myNumberCardAddressUpdate = defineProcedure({
  id: "my-number-card-address-update",
  form: myNumberCardForm,
  name: { ja: "マイナンバーカードの住所変更（券面記載事項の変更）", en: "My Number Card address update" },
  handledBy: newMunicipality,
  legalBasis: {
    ja: "行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）第17条第4項",
    en: "My Number Act (Act on the Use of Numbers to Identify a Specific Individual in Administrative Procedures), Article 17(4)",
  },
  deadline: { days: 14, from: "moveDate" },
  dataItems: ["name", "birthDate", "newAddress", "moveDate"],
  inPerson: true,
  inPersonNote: {
    ja: "カードの券面に新住所を記載し暗証番号を入力するため、転入届と同じ来庁時に手続します。",
    en: "The new address is written on the card and your PIN is entered, during the same visit as the move-in notification.",
  },
  rejectionReasons: [reasons.identity, reasons.incomplete],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});
