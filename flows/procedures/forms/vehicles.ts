// The forms of the driving licence, the parking space certificate and vehicle registration.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const read = "現行法令（2026-12-02 確認）";

export const licenceForm: OfficialForm = {
  name: "運転免許証 記載事項変更届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 道路交通法第94条第1項・道路交通法施行規則 第21条",
  items: [
    fill("氏名", "name"),
    fill("生年月日", "birthDate"),
    fill("免許証の番号", "driversLicenceNumber"),
    fill("変更前の住所", "currentAddress"),
    fill("変更後の住所", "newAddress"),
    fill("変更年月日", "moveDate"),
    notNeeded("住民票の写し（新住所を証する書面）", { ja: "転入届が先に受理され（前提の手続）、警察は住民基本台帳で新しい住所を確認します。", en: "The move-in is accepted first (a prerequisite), and the police see the new address in the resident register." }),
    notNeeded("本籍・国籍の変更", { ja: "本籍・国籍の変更の場合だけの欄で、住所の変更には不要です。", en: "Only for a change of registered domicile or nationality, not for an address." }),
    notNeeded("免許証の提示", { ja: "来庁時に窓口で免許証を提示し、新しい住所を記載します。", en: "The licence is shown at the counter visit, where the new address is written on it." }),
  ],
};

export const parkingCertificateForm: OfficialForm = {
  name: "自動車保管場所証明申請書",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 自動車の保管場所の確保等に関する法律第4条・同法施行令第1条・同法施行規則 第1条（様式第1号）",
  items: [
    fill("申請年月日", "filedAt"),
    fill("宛先（保管場所の位置を管轄する警察署長）", "policeStation"),
    fill("申請者の氏名", "name"),
    fill("申請者の住所（使用の本拠の位置）", "newAddress"),
    fill("保管場所の位置", "parkingAddress"),
    fill("車名・型式・車台番号・自動車の大きさ", "vehicles"),
    fill("保管場所の所在図・配置図（位置・大きさ）と使用の権原", "parkingSpace"),
    notNeeded("保管場所標章の交付", { ja: "証明書とともに警察が交付するもので、記入事項はありません。", en: "Issued by the police with the certificate; nothing to fill." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const registrationChangeForm: OfficialForm = {
  name: "申請書（第1号様式）変更登録",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 道路運送車両法第12条・自動車登録規則（第1号様式）",
  items: [
    fill("申請年月日", "filedAt"),
    fill("所有者・使用者の氏名", "name"),
    fill("旧住所", "currentAddress"),
    fill("新住所", "newAddress"),
    fill("使用の本拠の位置", "newAddress"),
    fill("自動車登録番号・車台番号", "vehicles"),
    notNeeded("保管場所証明書", { ja: "保管場所証明は前提の手続で、警察から運輸支局へ送られます。", en: "Sent to the transport bureau by the police: the parking certificate is a prerequisite." }),
    notNeeded("住民票の写し", { ja: "転入届が先に受理され、運輸支局は住民基本台帳ネットワークで住所を確認します。", en: "The move-in is accepted first, and the transport bureau confirms the address through the resident register network." }),
    notNeeded("手数料納付書", { ja: "手数料は申請の際に本人がオンラインで納付します。", en: "The fee is paid online by the person when the case is filed." }),
    notNeeded("署名・押印", because.signed),
  ],
};

export const automobileTaxForm: OfficialForm = {
  name: "自動車税（環境性能割・種別割）申告（報告）書（住所変更）",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 地方税法第148条（種別割の申告又は報告の義務）; 道府県税条例（例：東京都都税条例）の申告（報告）書",
  items: [
    fill("申告（報告）年月日", "filedAt"),
    fill("納税義務者の氏名", "name"),
    fill("旧住所", "currentAddress"),
    fill("新住所", "newAddress"),
    fill("主たる定置場", "parkingAddress"),
    fill("自動車登録番号・車名", "vehicles"),
    fill("異動年月日", "moveDate"),
    notNeeded("申告の区分（変更）", { ja: "常に住所の変更で、手続そのものが区分を示します。", en: "Always an address change: the procedure itself says it." }),
    notNeeded("税額・課税標準", { ja: "住所の変更で税額は変わらず、金額は都道府県が課税台帳から確認します。", en: "An address change changes no tax: the amounts are the prefecture's to read from its register." }),
    notNeeded("署名・押印", because.signed),
  ],
};

export const numberPlateForm: OfficialForm = {
  name: "申請書（第1号様式）変更登録（自動車登録番号の変更）・自動車登録番号標交付",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 道路運送車両法第11条（封印）・第12条・第19条; 自動車登録規則（第1号様式）",
  items: [
    fill("申請年月日", "filedAt"),
    fill("所有者・使用者の氏名", "name"),
    fill("使用の本拠の位置", "parkingAddress"),
    fill("自動車登録番号（旧）・車台番号", "vehicles"),
    notNeeded("新しい自動車登録番号", { ja: "変更登録を受理するときに、新しい使用の本拠の運輸支局が付します。", en: "Assigned by the transport bureau of the new base when it accepts the registration change." }),
    notNeeded("旧番号標の返納", { ja: "来庁時に旧番号標を返納し、新しい番号標を取り付けて封印します。", en: "The old plates are handed in at the counter visit, where the new ones are fixed and sealed." }),
    notNeeded("手数料納付書（番号標交付代金）", { ja: "手数料は申請の際に本人がオンラインで納付します。", en: "The fee is paid online by the person when the case is filed." }),
    notNeeded("署名・押印", because.signed),
  ],
};
