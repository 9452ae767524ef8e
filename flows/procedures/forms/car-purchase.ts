// The forms of acquiring a car: the parking space certificate, the registration (new or change of owner), the
// automobile tax declaration, and the kei car's inspection, parking notification and tax declaration.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const read = "現行法令（2026-12-02 確認）";
const egov = "e-Gov法令検索 https://laws.e-gov.go.jp/";

const fee = { ja: "手数料・税はワンストップで本人がオンライン納付します。", en: "Fees and taxes are paid online by the person through the one-stop service." };
const sameUser = {
  ja: "所有者と使用者は本人で同じです（所有権留保のローン購入は販売店が申請します）。",
  en: "The person is both owner and user (a car bought on credit with the ownership reserved is filed by the dealer).",
};
const residentRegister = {
  ja: "住所は住民基本台帳ネットワークで確認するため、住民票の写しは不要です。",
  en: "The office confirms the address through the resident register network, so no copy of the resident record is attached.",
};
const parkingFirst = {
  ja: "保管場所証明は前提の手続として先に証明され、警察から登録官署へ電子的に通知されます。",
  en: "The parking space certificate is a prerequisite, issued first and notified by the police to the registration office.",
};
const plateNumber = {
  ja: "自動車登録番号は登録時に運輸支局（自動車検査登録事務所）が付し、税事務所へ車台番号とともに通知されます。",
  en: "The registration number is given at registration by the transport bureau's office, which tells the tax office with the chassis number.",
};

export const parkingCertificatePurchaseForm: OfficialForm = {
  name: "自動車保管場所証明申請書（新規）",
  date: read,
  source: `${egov} 自動車の保管場所の確保等に関する法律第4条・同法施行令第1条・同法施行規則第1条（別記様式第1号）`,
  items: [
    fill("申請年月日", "filedAt"),
    fill("宛先（保管場所の位置を管轄する警察署長）", "policeStation"),
    fill("車名・型式・車台番号・自動車の大きさ（長さ・幅・高さ）", "acquiredVehicle"),
    fill("自動車の使用の本拠の位置", "address"),
    fill("自動車の保管場所の位置", "parkingAddress"),
    fill("申請者の住所", "address"),
    fill("申請者の氏名", "name"),
    fill("申請者の氏名（フリガナ）", "nameKana"),
    fill("申請者の電話番号", "phone"),
    fill("保管場所の所在図・配置図と使用権原（自認書・使用承諾証明書）", "parkingSpace"),
    notNeeded("保管場所標章番号（代替車両）", { ja: "同じ保管場所で車を入れ替える場合だけの欄で、新たに取得する車には記入しません。", en: "Only when a car replaces another at the same parking space; not for a car newly acquired." }),
    notNeeded("保管場所標章交付申請書", { ja: "標章は証明書とともに警察が交付するもので、申請事項はこの申請書と同じです。", en: "The sticker is issued by the police with the certificate; its application repeats this form." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

const registrationItems = [
  fill("申請年月日", "filedAt"),
  fill("所有者の氏名", "name"),
  fill("所有者の住所", "address"),
  notNeeded("使用者の氏名・住所", sameUser),
  fill("使用の本拠の位置", "address"),
  fill("保管場所の位置（保管場所証明書と照合）", "parkingAddress"),
];

export const newRegistrationForm: OfficialForm = {
  name: "申請書（第1号様式）新規登録・新規検査",
  date: read,
  source: `${egov} 道路運送車両法第7条・第59条・第75条第4項; 自動車登録規則（第1号様式）; 国土交通省 自動車保有関係手続のワンストップサービス https://www.oss.mlit.go.jp/`,
  items: [
    ...registrationItems,
    fill("車台番号・型式・車名（完成検査終了証の記載事項）", "acquiredVehicle"),
    notNeeded("完成検査終了証", { ja: "メーカーが電子的に登録した完成検査終了証を車台番号で参照します。", en: "The maker's completion inspection certificate is registered electronically and found by the chassis number." }),
    notNeeded("譲渡証明書", { ja: "販売店からの譲渡は完成検査終了証とともに電子的に提出されます。", en: "The dealer's transfer to the person is filed electronically with the completion inspection certificate." }),
    notNeeded("印鑑証明書", { ja: "マイナンバーカードの電子署名で本人確認するため不要です。", en: "The My Number Card's electronic signature replaces the seal registration certificate." }),
    notNeeded("保管場所証明書", parkingFirst),
    notNeeded("自動車重量税納付書・手数料納付書", fee),
    notNeeded("自動車損害賠償責任保険証明書", { ja: "販売店が加入した自賠責保険を電子的に照会します。", en: "The compulsory insurance the dealer took out is checked electronically." }),
    notNeeded("自動車登録番号（番号指示）", plateNumber),
    notNeeded("署名・押印", because.signed),
  ],
};

export const transferRegistrationForm: OfficialForm = {
  name: "申請書（第1号様式）移転登録",
  date: read,
  source: `${egov} 道路運送車両法第13条第1項; 自動車登録令第10条; 自動車登録規則（第1号様式）`,
  items: [
    ...registrationItems,
    fill("自動車登録番号・車台番号", "acquiredVehicle"),
    fill("登録の原因（売買）とその日付", "acquisitionDate"),
    notNeeded("旧所有者（譲渡人）の氏名・住所", { ja: "登録番号から、自動車登録ファイルに記録された現所有者（売主）の氏名・住所が分かります。", en: "The registration file names the current owner (the seller) of the registration number, with their address." }),
    notNeeded("譲渡証明書・旧所有者の印鑑証明書", { ja: "売主（または販売店）が自分の電子署名で提出するもので、買主の申請事項ではありません。", en: "The seller (or the dealer) files them with their own electronic signature; they are not the buyer's to fill." }),
    notNeeded("自動車検査証", { ja: "有効な検査証の記録を登録番号で参照します。", en: "The valid inspection certificate's record is found by the registration number." }),
    notNeeded("新所有者の印鑑証明書", { ja: "マイナンバーカードの電子署名で本人確認するため不要です。", en: "The My Number Card's electronic signature replaces the seal registration certificate." }),
    notNeeded("保管場所証明書", parkingFirst),
    notNeeded("手数料納付書", fee),
    notNeeded("署名・押印", because.signed),
  ],
};

export const automobileTaxAcquisitionForm: OfficialForm = {
  name: "自動車税（環境性能割・種別割）申告（報告）書（新規登録・移転登録）",
  date: read,
  source: `${egov} 地方税法第145条以下（自動車税の環境性能割・種別割）; 道府県税条例の申告（報告）書（例：都道府県の申告書様式の所有者「（フリガナ）氏名」「電話番号」欄）`,
  items: [
    fill("申告（報告）年月日", "filedAt"),
    fill("納税義務者（取得者・所有者）の氏名", "name"),
    fill("納税義務者の氏名（フリガナ）", "nameKana"),
    fill("納税義務者の電話番号", "phone"),
    fill("納税義務者の住所", "address"),
    fill("主たる定置場", "parkingAddress"),
    fill("車名・型式・車台番号・新車／中古車の別", "acquiredVehicle"),
    fill("取得年月日", "acquisitionDate"),
    notNeeded("自動車登録番号", plateNumber),
    notNeeded("取得価額・課税標準額", { ja: "環境性能割の課税標準は支払った価格ではなく、型式ごとの課税標準基準額と経過年数から都道府県が算定します。", en: "The levy's base is not the price paid: the prefecture computes it from the model's standard value and the car's age." }),
    notNeeded("税率区分（燃費基準の達成度）", { ja: "型式から都道府県が判定します。", en: "Set by the prefecture from the model's type approval." }),
    notNeeded("申告区分（新規登録・移転登録）", { ja: "取得する自動車の新車・中古車の別から決まります。", en: "Follows from whether the car is new or used." }),
    notNeeded("署名・押印", because.signed),
  ],
};

/** Version 1's single kei form (new car or change of owner), kept for the cases it made. */
export const keiInspectionForm: OfficialForm = {
  name: "申請書（軽第1号様式）新規検査・自動車検査証記入申請",
  date: read,
  source: `${egov} 道路運送車両法第59条・第67条; 軽自動車検査協会 https://www.keikenkyo.or.jp/ 手続案内（軽第1号様式）`,
  items: [
    fill("申請年月日", "filedAt"),
    fill("使用者・所有者の氏名", "name"),
    fill("使用者・所有者の住所", "address"),
    fill("使用の本拠の位置", "parkingAddress"),
    fill("車台番号・型式・車名（中古車は車両番号）", "acquiredVehicle"),
    fill("取得（譲渡）の日", "acquisitionDate"),
    notNeeded("使用者の住所を証する書面（住民票の写し）", residentRegister),
    notNeeded("完成検査終了証・自動車検査証返納証明書", { ja: "新車は電子化された完成検査終了証、中古車は検査証の記録を車台番号・車両番号で参照します。", en: "A new car's electronic completion inspection certificate, or a used car's inspection record, is found by its number." }),
    notNeeded("自動車重量税納付書・申請手数料", fee),
    notNeeded("車両番号（番号指示）", { ja: "新しい車両番号は軽自動車検査協会が付します。", en: "A new number is given by the Light Motor Vehicle Inspection Organization." }),
    notNeeded("署名・押印", because.signed),
  ],
};

const keiApplication = [
  fill("申請年月日", "filedAt"),
  fill("使用者・所有者の氏名", "name"),
  fill("使用者・所有者の住所", "address"),
  fill("使用の本拠の位置", "parkingAddress"),
];
const keiFee = notNeeded("自動車重量税納付書・申請手数料", fee);
const keiSigned = notNeeded("署名・押印", because.signed);

export const keiNewInspectionForm: OfficialForm = {
  name: "申請書（軽第1号様式）新規検査",
  date: read,
  source: `${egov} 道路運送車両法第58条・第59条・第60条; 軽自動車検査協会 https://www.keikenkyo.or.jp/ 手続案内（軽第1号様式）`,
  items: [
    ...keiApplication,
    fill("車台番号・型式・車名（完成検査終了証の記載事項）", "acquiredVehicle"),
    fill("取得（譲渡）の日", "acquisitionDate"),
    notNeeded("使用者の住所を証する書面（住民票の写し）", residentRegister),
    notNeeded("完成検査終了証・譲渡証明書", {
      ja: "メーカーが電子的に登録した完成検査終了証と販売店からの譲渡を、車台番号で参照します。",
      en: "The maker's electronic completion inspection certificate and the dealer's transfer are found by the chassis number.",
    }),
    keiFee,
    notNeeded("車両番号（番号指定）", { ja: "車両番号は軽自動車検査協会が指定します。", en: "The number is designated by the Light Motor Vehicle Inspection Organization." }),
    keiSigned,
  ],
};

export const keiOwnerChangeForm: OfficialForm = {
  name: "申請書（軽第1号様式）自動車検査証記入申請",
  date: read,
  source: `${egov} 道路運送車両法第67条第1項; 軽自動車検査協会 https://www.keikenkyo.or.jp/ 手続案内（軽第1号様式・名義変更）`,
  items: [
    ...keiApplication,
    fill("車両番号・車台番号", "acquiredVehicle"),
    fill("変更の原因（売買）とその日付", "acquisitionDate"),
    notNeeded("旧所有者の氏名・住所", {
      ja: "車両番号から、軽自動車検査ファイルに記録された現所有者（売主）が分かります。",
      en: "The light vehicle inspection file names the current owner (the seller) of the number.",
    }),
    notNeeded("自動車検査証", { ja: "有効な検査証の記録を車両番号で参照します。", en: "The valid inspection certificate's record is found by the number." }),
    notNeeded("使用者の住所を証する書面（住民票の写し）", residentRegister),
    notNeeded("旧所有者の申請依頼書・署名", {
      ja: "売主（または販売店）が自分の電子署名で提出するもので、買主の申請事項ではありません。",
      en: "The seller (or the dealer) files it with their own electronic signature; it is not the buyer's to fill.",
    }),
    keiFee,
    notNeeded("車両番号の変更（管轄の変更）", {
      ja: "使用の本拠が別の軽自動車検査協会の事務所の管轄に移るときだけ、新しい車両番号が指定されます。",
      en: "A new number is designated only when the base moves to another office's area.",
    }),
    keiSigned,
  ],
};

export const keiParkingNotificationForm: OfficialForm = {
  name: "自動車保管場所届出書（新規）",
  date: read,
  source: `${egov} 自動車の保管場所の確保等に関する法律第5条・附則第2項・同法施行令附則（別表第二）・同法施行規則（別記様式第2号）`,
  items: [
    fill("届出年月日", "filedAt"),
    fill("宛先（保管場所の位置を管轄する警察署長）", "policeStation"),
    fill("車名・型式・車台番号・自動車の大きさ・車両番号", "acquiredVehicle"),
    fill("自動車の使用の本拠の位置", "address"),
    fill("自動車の保管場所の位置", "parkingAddress"),
    fill("届出者の住所", "address"),
    fill("届出者の氏名", "name"),
    fill("届出者の氏名（フリガナ）", "nameKana"),
    fill("届出者の電話番号", "phone"),
    fill("保管場所の所在図・配置図と使用権原", "parkingSpace"),
    notNeeded("自動車の区分（登録・軽）", { ja: "この届出は軽自動車だけのものです。", en: "This notification is for kei cars only." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const keiTaxForm: OfficialForm = {
  name: "軽自動車税（環境性能割・種別割）申告（報告）書",
  date: read,
  source: `${egov} 地方税法第442条以下（軽自動車税の環境性能割・種別割）; 市町村税条例の申告（報告）書（例：旭川市 軽自動車税新規等申告書の「（フリガナ）氏名」「電話番号」欄）`,
  items: [
    fill("申告（報告）年月日", "filedAt"),
    fill("納税義務者の氏名", "name"),
    fill("納税義務者の氏名（フリガナ）", "nameKana"),
    fill("納税義務者の電話番号", "phone"),
    fill("納税義務者の住所", "address"),
    fill("主たる定置場", "parkingAddress"),
    fill("車名・型式・車台番号・新車／中古車の別", "acquiredVehicle"),
    fill("取得年月日", "acquisitionDate"),
    notNeeded("車両番号", { ja: "軽自動車検査協会が付した番号を、前提の手続の結果として市町村が参照します。", en: "Given by the Light Motor Vehicle Inspection Organization in the prerequisite procedure, which the municipality reads." }),
    notNeeded("取得価額・課税標準額", { ja: "課税標準は型式ごとの基準額と経過年数から算定されます。", en: "The base is computed from the model's standard value and the car's age." }),
    notNeeded("署名・押印", because.signed),
  ],
};
