// Acquiring a car (自動車保有関係手続): a standard car needs its parking space certified before it is registered
// (new, or a change of owner) and its automobile tax declared; a kei car is inspected and recorded by the Light
// Motor Vehicle Inspection Organization, its parking space notified afterwards, and its tax declared to the municipality.
import {
  automobileTaxAcquisitionForm,
  keiInspectionForm,
  keiNewInspectionForm,
  keiOwnerChangeForm,
  keiParkingNotificationForm,
  keiTaxForm,
  newRegistrationForm,
  parkingCertificatePurchaseForm,
  transferRegistrationForm,
} from "./forms/car-purchase";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { parkingLightVehicleOffice, parkingMunicipality, parkingPolice, vehiclePrefecturalTaxOffice, vehicleTransportBureau } from "./routes";

const parkingUnsuitable = {
  code: "parking-unsuitable",
  text: {
    ja: "保管場所の要件（距離・広さ・使用権原）を満たしていません",
    en: "The parking space does not meet the requirements (distance, size or right of use)",
  },
};
const noParkingCertificate = {
  code: "no-parking-certificate",
  text: {
    ja: "保管場所証明が確認できません",
    en: "No parking space certificate was found",
  },
};
const vehicleNotFound = {
  code: "vehicle-not-found",
  text: {
    ja: "車台番号（登録番号）の自動車が確認できません",
    en: "No vehicle with this chassis (registration) number was found",
  },
};

export const parkingCertificatePurchase = defineProcedure({
  id: "parking-certificate-purchase",
  form: parkingCertificatePurchaseForm,
  name: {
    ja: "自動車保管場所証明（車庫証明）の申請",
    en: "Parking space certificate for the car",
  },
  description: {
    ja: "自動車を登録する前に、保管場所を管轄する警察署が保管場所を確認して証明します（都道府県警察が受け付け、その警察署長が証明書を交付します）。",
    en: "Before the car is registered, the police station with jurisdiction over the parking place checks and certifies the space (the prefectural police receive the application; the station's chief issues the certificate).",
  },
  handledBy: parkingPolice,
  legalBasis: {
    ja: "自動車の保管場所の確保等に関する法律第4条第1項",
    en: "Act on Securing Parking Spaces for Motor Vehicles, Article 4(1)",
  },
  // No days: the registration cannot be made without it (第4条第2項), and it serves a registration within about a month.
  deadline: null,
  // The transport bureau accepts a certificate issued within about one month (国土交通省, 新規・移転登録の必要書類:
  // 「保管場所証明書（証明日からおおむね1か月以内のもの）」), and the police take some days to issue it: applied for
  // today, it serves a car acquired (and registered) within 30 days.
  filingWindow: {
    around: "acquisitionDate",
    opensDaysBefore: 30,
    text: {
      ja: "車庫証明は証明日からおおむね1か月以内の登録に使えるため、申請できるのは取得日の30日前からです（自動車の保管場所の確保等に関する法律第4条）。",
      en: "A parking space certificate serves a registration within about a month of its issue, so it can be applied for from 30 days before you acquire the car (Act on Securing Parking Spaces for Motor Vehicles, Article 4).",
    },
  },
  dataItems: ["name", "nameKana", "phone", "address", "parkingAddress", "policeStation", "acquiredVehicle", "parkingSpace", "filedAt"],
  optionalItems: ["nameKana", "phone"],
  rejectionReasons: [reasons.incomplete, parkingUnsuitable],
});

export const vehicleNewRegistration = defineProcedure({
  id: "vehicle-new-registration",
  form: newRegistrationForm,
  name: { ja: "自動車の新規登録（新車）", en: "Registration of a new car" },
  handledBy: vehicleTransportBureau,
  legalBasis: {
    ja: "道路運送車両法第4条・第7条・第59条",
    en: "Road Transport Vehicle Act, Articles 4, 7 and 59",
  },
  deadline: null,
  dataItems: ["name", "address", "parkingAddress", "acquiredVehicle", "filedAt"],
  inPerson: true,
  inPersonNote: {
    ja: "ナンバープレートを取り付けて封印するため、車を運輸支局（自動車検査登録事務所）へ持ち込むか、販売店の出張封印を依頼します。",
    en: "The number plates must be fixed and sealed: bring the car to the transport bureau's office, or ask the dealer to seal them at your home.",
  },
  rejectionReasons: [reasons.incomplete, noParkingCertificate, vehicleNotFound],
  prerequisites: ["parking-certificate-purchase"],
});

export const vehicleTransferRegistration = defineProcedure({
  id: "vehicle-transfer-registration",
  form: transferRegistrationForm,
  name: {
    ja: "自動車の移転登録（名義変更）",
    en: "Registration of a change of owner (used car)",
  },
  handledBy: vehicleTransportBureau,
  legalBasis: {
    ja: "道路運送車両法第13条第1項",
    en: "Road Transport Vehicle Act, Article 13(1)",
  },
  // 「その事由があつた日から15日以内」: counted from the day after the purchase (民法第140条).
  deadline: { days: 15, from: "acquisitionDate" },
  // Filed once the change of owner has happened, within its 15 days; sent ahead from 30 days before, like the certificate.
  filingWindow: {
    around: "acquisitionDate",
    opensDaysBefore: 30,
    closesDaysAfter: 15,
    text: {
      ja: "移転登録（名義変更）は、自動車を取得した日から15日以内に申請する必要があります（道路運送車両法第13条第1項）。データの事前送付は取得日の30日前からできます。",
      en: "A change of owner must be registered within 15 days of acquiring the car (Road Transport Vehicle Act, Article 13(1)). Your data can be sent ahead from 30 days before you acquire it.",
    },
  },
  dataItems: ["name", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  rejectionReasons: [reasons.incomplete, noParkingCertificate, vehicleNotFound],
  prerequisites: ["parking-certificate-purchase"],
});

export const automobileTaxAcquisition = defineProcedure({
  id: "automobile-tax-acquisition",
  form: automobileTaxAcquisitionForm,
  name: {
    ja: "自動車税（環境性能割・種別割）の申告",
    en: "Automobile tax declaration (environmental performance levy and annual tax)",
  },
  description: {
    ja: "取得した自動車を、主たる定置場の都道府県に申告します。環境性能割は登録の時に納め、種別割は翌月分から課税されます。",
    en: "Declares the car to the prefecture of its main garage: the environmental performance levy is paid at registration, the annual tax is charged from the next month.",
  },
  handledBy: vehiclePrefecturalTaxOffice,
  legalBasis: {
    ja: "地方税法第145条以下・都道府県税条例",
    en: "Local Tax Act, Articles 145 ff.; the prefecture's tax ordinance",
  },
  // Declared and the environmental performance levy paid with the registration (環境性能割は登録の申請の時に申告納付);
  // the Act sets no separate number of days, so its window is the registration's (a prerequisite).
  deadline: null,
  // Its declaration form asks the taxpayer's kana and phone, as the parking certificate's does.
  dataItems: ["name", "nameKana", "phone", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  optionalItems: ["nameKana", "phone"],
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["vehicle-new-registration", "vehicle-transfer-registration"],
});

/**
 * Version 1 of car ownership only, kept for the cases it made: one procedure for a new kei car and a change of owner,
 * so a new kei car got the change's 15 days (第67条). Version 2 splits it into `keiVehicleNewInspection` and
 * `keiVehicleOwnerChange`.
 */
export const keiVehicleInspection = defineProcedure({
  id: "kei-vehicle-inspection",
  form: keiInspectionForm,
  name: {
    ja: "軽自動車の新規検査・検査証記入（名義変更）",
    en: "Kei car: inspection and record (new car or change of owner)",
  },
  handledBy: parkingLightVehicleOffice,
  legalBasis: {
    ja: "道路運送車両法第59条・第67条",
    en: "Road Transport Vehicle Act, Articles 59 and 67",
  },
  // 第67条: a change of owner within 15 days; a new kei car is inspected before it is used.
  deadline: { days: 15, from: "acquisitionDate" },
  // The data goes ahead and the visit is booked from 30 days before the acquisition, as for a move-in.
  filingWindow: {
    around: "acquisitionDate",
    opensDaysBefore: 30,
    closesDaysAfter: 15,
    text: {
      ja: "軽自動車の名義変更（自動車検査証の記入）は、取得した日から15日以内に申請する必要があります（道路運送車両法第67条第1項）。新車は使用する前に検査を受けます。データの事前送付と来所の予約は、取得日の30日前からできます。",
      en: "A kei car's change of owner must be recorded within 15 days of acquiring it (Road Transport Vehicle Act, Article 67(1)); a new kei car is inspected before it is used. Your data can be sent ahead and the visit booked from 30 days before you acquire it.",
    },
  },
  dataItems: ["name", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  inPerson: true,
  inPersonNote: {
    ja: "新しいナンバープレートを受け取り取り付けるため、軽自動車検査協会の事務所へ行くか、販売店に依頼します。",
    en: "Collect and fit the new number plates at the Light Motor Vehicle Inspection Organization's office, or ask the dealer to.",
  },
  rejectionReasons: [reasons.incomplete, vehicleNotFound],
});

const inspectionVisit = {
  ja: "新しいナンバープレートを受け取り取り付けるため、軽自動車検査協会の事務所へ行くか、販売店に依頼します。",
  en: "Collect and fit the new number plates at the Light Motor Vehicle Inspection Organization's office, or ask the dealer to.",
};

export const keiVehicleNewInspection = defineProcedure({
  id: "kei-vehicle-new-inspection",
  form: keiNewInspectionForm,
  name: {
    ja: "軽自動車の新規検査（新車）",
    en: "Kei car: new inspection (new car)",
  },
  description: {
    ja: "新車の軽自動車は、使用する前に新規検査を受け、自動車検査証と車両番号の指定を受けます。取得から何日以内という期間はありません。",
    en: "A new kei car is inspected before it is used, and gets its inspection certificate and number. The law sets no number of days after the purchase.",
  },
  handledBy: parkingLightVehicleOffice,
  legalBasis: {
    ja: "道路運送車両法第58条・第59条・第60条",
    en: "Road Transport Vehicle Act, Articles 58, 59 and 60",
  },
  // 第58条: it may not be used before it is inspected; 第59条 sets the application, with no period after the acquisition,
  // as for a new standard car's registration (第7条).
  deadline: null,
  // The data goes ahead and the visit is booked from 30 days before the acquisition, as for the parking certificate.
  filingWindow: {
    around: "acquisitionDate",
    opensDaysBefore: 30,
    text: {
      ja: "新車の軽自動車は使用する前に新規検査を受けます（道路運送車両法第58条・第59条）。取得後の期限はありませんが、データの事前送付と来所の予約は取得日の30日前からです。",
      en: "A new kei car is inspected before it is used (Road Transport Vehicle Act, Articles 58 and 59). There is no period after you acquire it, but your data can be sent ahead and the visit booked only from 30 days before.",
    },
  },
  dataItems: ["name", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  inPerson: true,
  inPersonNote: inspectionVisit,
  rejectionReasons: [reasons.incomplete, vehicleNotFound],
});

export const keiVehicleOwnerChange = defineProcedure({
  id: "kei-vehicle-owner-change",
  form: keiOwnerChangeForm,
  name: {
    ja: "軽自動車の自動車検査証記入申請（名義変更）",
    en: "Kei car: change of owner on the inspection certificate (used car)",
  },
  description: {
    ja: "中古の軽自動車を取得したときは、取得した日から15日以内に自動車検査証の所有者・使用者の記入を申請します。",
    en: "When you acquire a used kei car, the new owner and user are recorded on its inspection certificate within 15 days.",
  },
  handledBy: parkingLightVehicleOffice,
  legalBasis: {
    ja: "道路運送車両法第67条第1項",
    en: "Road Transport Vehicle Act, Article 67(1)",
  },
  // 「その事由があつた日から15日以内」: counted from the day after the purchase (民法第140条).
  deadline: { days: 15, from: "acquisitionDate" },
  filingWindow: {
    around: "acquisitionDate",
    opensDaysBefore: 30,
    closesDaysAfter: 15,
    text: {
      ja: "軽自動車の名義変更（自動車検査証の記入）は、取得した日から15日以内に申請する必要があります（道路運送車両法第67条第1項）。データの事前送付は取得日の30日前からできます。",
      en: "A kei car's change of owner must be recorded within 15 days of acquiring it (Road Transport Vehicle Act, Article 67(1)). Your data can be sent ahead from 30 days before you acquire it.",
    },
  },
  dataItems: ["name", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  // Recorded without a visit while the number stays; a base moved to another office's area (new plates) is not modelled yet.
  rejectionReasons: [reasons.incomplete, vehicleNotFound],
});

export const keiParkingNotification = defineProcedure({
  id: "kei-parking-notification",
  form: keiParkingNotificationForm,
  name: {
    ja: "軽自動車の保管場所届出",
    en: "Kei car: parking space notification",
  },
  handledBy: parkingPolice,
  legalBasis: {
    ja: "自動車の保管場所の確保等に関する法律第5条・附則第2項",
    en: "Act on Securing Parking Spaces for Motor Vehicles, Article 5 and Supplementary Provisions, paragraph 2",
  },
  description: {
    ja: "使用の本拠の位置が届出の必要な地域（東京都の特別区と政令で定める市）にある軽自動車は、使用を始めるとき、保管場所を管轄する警察署長に届け出ます。",
    en: "A kei car based in an area where the law applies (Tokyo's special wards and the cities the cabinet order lists) is notified, when it starts being used, to the chief of the police station with jurisdiction over its parking place.",
  },
  // 第5条: 「新規に運行の用に供しようとするときは」, with no number of days; the police ask it within about 15 days of
  // the inspection in practice, which is not the law's, so no deadline is computed.
  deadline: null,
  dataItems: ["name", "nameKana", "phone", "address", "parkingAddress", "policeStation", "acquiredVehicle", "parkingSpace", "filedAt"],
  optionalItems: ["nameKana", "phone"],
  rejectionReasons: [reasons.incomplete, parkingUnsuitable],
  prerequisites: ["kei-vehicle-inspection", "kei-vehicle-new-inspection", "kei-vehicle-owner-change"],
});

export const keiVehicleTax = defineProcedure({
  id: "kei-vehicle-tax",
  form: keiTaxForm,
  name: {
    ja: "軽自動車税（環境性能割・種別割）の申告",
    en: "Kei car tax declaration",
  },
  description: {
    ja: "取得した軽自動車を主たる定置場の市町村に申告します。種別割は市町村が課税し、環境性能割は当分の間、都道府県が市町村に代わって賦課徴収します。",
    en: "Declares the kei car to the municipality of its main garage: the municipality charges the annual tax, and for the time being the prefecture assesses and collects the environmental performance levy on its behalf.",
  },
  handledBy: parkingMunicipality,
  legalBasis: {
    ja: "地方税法第442条以下・市町村税条例",
    en: "Local Tax Act, Articles 442 ff.; the municipality's tax ordinance",
  },
  deadline: null,
  // Its declaration form asks the taxpayer's kana and phone, as the parking certificate's does.
  dataItems: ["name", "nameKana", "phone", "address", "parkingAddress", "acquiredVehicle", "acquisitionDate", "filedAt"],
  optionalItems: ["nameKana", "phone"],
  rejectionReasons: [reasons.incomplete, reasons.jurisdiction],
  prerequisites: ["kei-vehicle-inspection", "kei-vehicle-new-inspection", "kei-vehicle-owner-change"],
});
