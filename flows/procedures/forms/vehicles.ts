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
    notNeeded("住民票の写し（新住所を証する書面）", "The move-in is accepted first (a prerequisite), and the police see the new address in the resident register."),
    notNeeded("本籍・国籍の変更", "Only for a change of registered domicile or nationality, not for an address."),
    notNeeded("免許証の提示", "The licence is shown at the counter visit, where the new address is written on it."),
  ],
};

export const parkingCertificateForm: OfficialForm = {
  name: "自動車保管場所証明申請書",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 自動車の保管場所の確保等に関する法律第4条・同法施行令第1条・同法施行規則 第1条（様式第1号）",
  items: [
    fill("申請年月日", "filedAt"),
    fill("申請者の氏名", "name"),
    fill("申請者の住所（使用の本拠の位置）", "newAddress"),
    fill("保管場所の位置", "parkingAddress"),
    fill("車名・型式・車台番号・自動車の大きさ", "vehicles"),
    fill("保管場所の所在図・配置図（位置・大きさ）と使用の権原", "parkingSpace"),
    notNeeded("保管場所標章の交付", "Issued by the police with the certificate; nothing to fill."),
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
    notNeeded("保管場所証明書", "Sent to the transport bureau by the police: the parking certificate is a prerequisite."),
    notNeeded("住民票の写し", "The move-in is accepted first, and the transport bureau confirms the address through the resident register network."),
    notNeeded("手数料納付書", "The fee is paid online by the person when the case is filed."),
    notNeeded("署名・押印", because.signed),
  ],
};
