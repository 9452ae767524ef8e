// Driving and vehicles: the licence, the parking certificate and the vehicle registration follow the new address.
import { automobileTaxForm, licenceForm, numberPlateForm, parkingCertificateForm, registrationChangeForm } from "./forms/vehicles";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { newPrefecturalPolice, parkingPolice, vehiclePrefecturalTaxOffice, vehicleTransportBureau } from "./routes";

export const driversLicenceAddressChange = defineProcedure({
  id: "drivers-licence-address-change",
  form: licenceForm,
  name: { ja: "運転免許証の記載事項変更届（住所変更）", en: "Driving licence: change of address" },
  handledBy: newPrefecturalPolice,
  legalBasis: { ja: "道路交通法第94条第1項", en: "Road Traffic Act, Article 94(1)" },
  // The law says "without delay" (速やかに): no fixed number of days.
  deadline: null,
  dataItems: ["name", "birthDate", "driversLicenceNumber", "currentAddress", "newAddress", "moveDate"],
  inPerson: true,
  inPersonNote: {
    ja: "新しい住所を免許証に記載するため、警察署または運転免許センターで免許証を提示します（マイナ免許証の方はワンストップで不要です）。",
    en: "Show your licence at a police station or licence centre so the new address can be written on it (not needed for a licence on the My Number Card).",
  },
  rejectionReasons: [reasons.incomplete, reasons.identity],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});

export const parkingCertificate = defineProcedure({
  id: "parking-certificate",
  form: parkingCertificateForm,
  name: { ja: "自動車保管場所証明（車庫証明）", en: "Parking space certificate" },
  handledBy: parkingPolice,
  legalBasis: {
    ja: "自動車の保管場所の確保等に関する法律第4条・第7条",
    en: "Act on Securing Parking Spaces for Motor Vehicles, Articles 4 and 7",
  },
  deadline: { days: 15, from: "moveDate" },
  dataItems: ["name", "newAddress", "parkingAddress", "policeStation", "vehicles", "filedAt", "parkingSpace"],
  rejectionReasons: [reasons.incomplete, { code: "parking-unsuitable", text: { ja: "保管場所の要件（距離・広さ・使用権原）を満たしていません", en: "The parking space does not meet the requirements (distance, size or right of use)" }, nextStep: "counter" }],
  prerequisites: ["move-in-notification", "change-of-address-notification"],
});

export const vehicleRegistrationChange = defineProcedure({
  id: "vehicle-registration-change",
  form: registrationChangeForm,
  name: { ja: "自動車の変更登録（住所変更）", en: "Vehicle registration: change of address" },
  handledBy: vehicleTransportBureau,
  legalBasis: { ja: "道路運送車両法第12条第1項", en: "Road Transport Vehicle Act, Article 12(1)" },
  deadline: { days: 15, from: "moveDate" },
  dataItems: ["name", "currentAddress", "newAddress", "vehicles", "filedAt"],
  rejectionReasons: [reasons.incomplete, { code: "no-parking-certificate", text: { ja: "保管場所証明が確認できません", en: "No parking space certificate was found" } }],
  prerequisites: ["parking-certificate"],
});

/**
 * A move to the area of another registration office changes the registration number: new plates, fixed and
 * sealed at the new office, so the car is brought there once.
 */
export const numberPlateChange = defineProcedure({
  id: "number-plate-change",
  form: numberPlateForm,
  name: { ja: "ナンバープレートの変更（管轄の変更）", en: "Number plates: new registration number after a change of registration office" },
  handledBy: vehicleTransportBureau,
  legalBasis: { ja: "道路運送車両法第11条・第12条・第19条", en: "Road Transport Vehicle Act, Articles 11, 12 and 19" },
  deadline: { days: 15, from: "moveDate" },
  dataItems: ["name", "parkingAddress", "vehicles", "filedAt"],
  inPerson: true,
  inPersonNote: {
    ja: "新しいナンバープレートを取り付けて封印するため、車を新しい運輸支局（自動車検査登録事務所）へ持ち込み、古いプレートを返納します。",
    en: "Bring the car to the new transport bureau (registration office): the old plates are handed in and the new ones fixed and sealed.",
  },
  rejectionReasons: [reasons.incomplete],
  // After the registration that changes the base: a move's change of address, or a used car's change of owner.
  prerequisites: ["vehicle-registration-change", "vehicle-transfer-registration"],
});

export const automobileTaxAddressChange = defineProcedure({
  id: "automobile-tax-address-change",
  form: automobileTaxForm,
  name: { ja: "自動車税（種別割）の住所変更", en: "Automobile tax: change of address" },
  description: {
    ja: "納税通知書が新しい住所に届くように、自動車を保管する都道府県に住所の変更を申告します。",
    en: "Tells the prefecture where the car is kept of the new address, so that the tax notice reaches it.",
  },
  handledBy: vehiclePrefecturalTaxOffice,
  legalBasis: { ja: "地方税法第148条・都道府県税条例", en: "Local Tax Act, Article 148; the prefecture's tax ordinance" },
  // Declared with the registration change, at the tax office beside the transport bureau; the Act sets no days.
  deadline: null,
  dataItems: ["name", "currentAddress", "newAddress", "parkingAddress", "vehicles", "moveDate", "filedAt"],
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["vehicle-registration-change"],
});
