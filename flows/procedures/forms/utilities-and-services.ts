// The forms of water, energy, broadband, post and banking: each company's own move form (a representative
// company's where a route picks a regional one), which the law does not prescribe.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const customerNumber = (what: { ja: string; en: string }) => ({
  ja: `${what.ja}は氏名・電話番号・住所から契約を特定し、請求書にあるお客さま番号は様式上任意です。`,
  en: `The ${what.en} finds the contract from the name, phone number and the address supplied; the customer number printed on the bill is optional on its form.`,
});

export const waterStopForm: OfficialForm = {
  name: "水道の使用中止の申込み（引越し）",
  date: "東京都水道局 お引越しの手続（2026-12-02 確認）",
  source: "東京都水道局 https://www.waterworks.metro.tokyo.lg.jp/ お客さまサポート「引越し」",
  items: [
    fill("申込者の氏名", "name"),
    fill("電話番号", "phone"),
    fill("使用中止の場所（旧住所）", "currentAddress"),
    fill("使用中止日", "moveDate"),
    notNeeded("お客さま番号", customerNumber({ ja: "水道局", en: "waterworks" })),
    notNeeded("精算方法・新住所（請求書送付先）", { ja: "最終の料金は契約中の支払方法で精算し、請求書は郵便の転送で新住所に届きます。", en: "The final bill follows the payment method on the contract; the new address reaches the person by mail forwarding." }),
  ],
};

export const waterStartForm: OfficialForm = {
  name: "水道の使用開始の申込み（引越し）",
  date: "東京都水道局 お引越しの手続（2026-12-02 確認）",
  source: "東京都水道局 https://www.waterworks.metro.tokyo.lg.jp/ お客さまサポート「引越し」",
  items: [
    fill("申込者の氏名", "name"),
    fill("電話番号", "phone"),
    fill("使用開始の場所（新住所）", "newAddress"),
    fill("使用開始日", "moveDate"),
    notNeeded("支払方法", { ja: "初回の請求時に本人が選ぶもので（払込票・口座振替・カード）、申込みには不要です。", en: "Chosen by the person on the first bill (payment slip, account transfer or card); the application does not need it." }),
  ],
};

export const electricityForm: OfficialForm = {
  name: "引越し（電気の使用停止・使用開始）のお申込み",
  date: "東京電力エナジーパートナー 引越しのお手続き（2026-12-02 確認）",
  source: "東京電力エナジーパートナー https://www.tepco.co.jp/ep/ 引越し・電気の使用開始/停止",
  items: [
    fill("契約者の氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("電話番号", "phone"),
    fill("メールアドレス（任意）", "email"),
    fill("現住所（停止する場所）", "currentAddress"),
    fill("新住所（開始する場所）", "newAddress"),
    fill("停止日・開始日", "moveDate"),
    notNeeded("お客さま番号・供給地点特定番号", customerNumber({ ja: "電力会社", en: "electricity company" })),
    notNeeded("料金プラン・支払方法", { ja: "現在の契約の料金プランと支払方法を引き継ぎ、変更は本人が事業者と行います。", en: "The plan and payment method of the current contract are carried over; the person changes them with the company." }),
  ],
};

export const gasForm: OfficialForm = {
  name: "ガスの使用開始・停止のお申込み（開栓の予約）",
  date: "東京ガス 引越し（ガスの開始・停止）（2026-12-02 確認）",
  source: "東京ガス https://www.tokyo-gas.co.jp/ 引越しのお手続き",
  items: [
    fill("契約者の氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("電話番号（開栓の日時の連絡先）", "phone"),
    fill("現住所（停止する場所）", "currentAddress"),
    fill("新住所（開栓する場所）", "newAddress"),
    fill("停止日・開栓日", "moveDate"),
    notNeeded("お客さま番号", customerNumber({ ja: "ガス会社", en: "gas company" })),
    notNeeded("開栓の立会い時間帯", { ja: "開栓の立会いは、事業者が電話番号に連絡して日時を調整します（立会いの案内）。", en: "The company calls the phone number to arrange the reconnection visit (presence note)." }),
  ],
};

export const internetForm: OfficialForm = {
  name: "フレッツ光 移転のお申込み",
  date: "NTT東日本 移転手続き（2026-12-02 確認）",
  source: "NTT東日本 https://flets.com/ 移転のお手続き",
  items: [
    fill("契約者の氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("連絡先電話番号", "phone"),
    fill("メールアドレス（任意）", "email"),
    fill("現在の設置場所", "currentAddress"),
    fill("移転先の住所", "newAddress"),
    fill("移転希望日", "moveDate"),
    notNeeded("お客さまID", customerNumber({ ja: "通信事業者", en: "telecom company" })),
    notNeeded("工事日の調整", { ja: "申込みの後、事業者が電話で工事日を提案します。", en: "The company proposes the installation date by phone after the request." }),
  ],
};

export const mailForwardingForm: OfficialForm = {
  name: "転居届（郵便物等の転送）",
  date: "日本郵便 転居届・e転居（2026-12-02 確認）",
  source: "日本郵便 https://www.post.japanpost.jp/ 転居・転送サービス（e転居）",
  items: [
    fill("届出日", "filedAt"),
    fill("転居者の氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("電話番号", "phone"),
    fill("旧住所", "currentAddress"),
    fill("新住所", "newAddress"),
    fill("転送開始希望日（転居予定日）", "moveDate"),
    fill("転居者（同時に転居する家族の氏名）", "movingMembers"),
    notNeeded("本人確認（窓口では証明書の提示、e転居では携帯電話番号の認証）", because.identityChecked),
  ],
};

export const bankForm: OfficialForm = {
  name: "住所変更届（届出事項変更届）",
  date: "ゆうちょ銀行 住所等の変更（2026-12-02 確認）",
  source: "ゆうちょ銀行 https://www.jp-bank.japanpost.jp/ 住所・氏名等の変更手続き",
  items: [
    fill("氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("生年月日", "birthDate"),
    fill("電話番号", "phone"),
    fill("旧住所", "currentAddress"),
    fill("新住所", "newAddress"),
    notNeeded("口座番号（記号・番号）", { ja: "銀行は氏名・生年月日・旧住所から口座を特定し、オンラインの様式では口座番号は任意です。", en: "The bank finds the accounts from the name, date of birth and old address; the account number is optional on its online form." }),
    notNeeded("届出印・署名", because.signed),
    notNeeded("本人確認書類", because.identityChecked),
  ],
};
