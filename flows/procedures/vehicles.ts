// Driving and vehicles: the licence, the parking certificate and the vehicle registration follow the new address.
import { licenceForm, parkingCertificateForm, registrationChangeForm } from "./forms/vehicles";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { newPrefecturalPolice, parkingPolice, vehicleTransportBureau } from "./routes";

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
  dataItems: ["name", "newAddress", "parkingAddress", "vehicles", "filedAt", "parkingSpace"],
  rejectionReasons: [reasons.incomplete, { code: "parking-unsuitable", text: { ja: "保管場所の要件（距離・広さ・使用権原）を満たしていません", en: "The parking space does not meet the requirements (distance, size or right of use)" } }],
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
