// The forms of resident registration: the items the Basic Resident Registration Act lists (Articles 22–24,
// 30-46) as municipalities print them on the 住民異動届, and the My Number Card's change of entries.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const act = "e-Gov法令検索 https://laws.e-gov.go.jp/ 住民基本台帳法";
const read = "住民基本台帳法（昭和42年法律第81号）現行法令、2026-12-02 確認";

const filing = [fill("届出年月日", "filedAt"), fill("届出人（本人・代理人）", "filedBy")];
const person = [fill("氏名", "name"), fill("フリガナ", "nameKana"), fill("生年月日", "birthDate")];
const household = [fill("世帯主の氏名", "householderName"), fill("世帯主との続柄", "relationshipToHouseholder"), fill("異動する世帯員（氏名・生年月日・続柄）", "movingMembers")];
const closing = [notNeeded("署名・押印", because.signed), notNeeded("受付・処理欄", because.office)];

export const moveOutForm: OfficialForm = {
  name: "住民異動届（転出届）",
  date: read,
  source: `${act} 第24条（氏名・転出先・転出の予定年月日）`,
  items: [
    ...filing,
    ...person,
    fill("住所（転出元）", "currentAddress"),
    ...household,
    fill("転出先（新住所）", "newAddress"),
    fill("転出の予定年月日", "moveDate"),
    notNeeded("本人確認書類", because.identityChecked),
    ...closing,
  ],
};

export const moveInForm: OfficialForm = {
  name: "住民異動届（転入届）",
  date: read,
  source: `${act} 第22条・第30条の46（外国人住民）`,
  items: [
    ...filing,
    ...person,
    fill("性別", "gender"),
    fill("住所（転入先）", "newAddress"),
    fill("転入をした年月日", "moveDate"),
    fill("従前の住所", "currentAddress"),
    ...household,
    notNeeded("転入前の住民票コード", { ja: "旧住所の市区町村が住民基本台帳ネットワークで転出証明書情報とともに送るため、本人が知っている必要はありません。", en: "The old municipality sends it with the move-out notice through the resident register network (転出証明書情報); the person need not know it." }),
    fill("国籍・地域（外国人住民）", "nationality"),
    fill("在留資格（外国人住民）", "residenceStatus"),
    fill("在留期間の満了の日（外国人住民）", "periodOfStay"),
    fill("在留カード等の番号（外国人住民）", "residenceCardNumber"),
    notNeeded("転出証明書", { ja: "マイナンバーカードがあれば旧住所の市区町村が転出情報を電子的に送ります（特例転入、第24条の2）。ない場合は証明書が郵送で届き、窓口に持参します。", en: "With a My Number Card the old municipality sends the move-out information electronically (特例転入, Article 24-2); without one the certificate comes back by post and is brought to the counter visit." }),
    ...closing,
  ],
};

export const changeOfAddressForm: OfficialForm = {
  name: "住民異動届（転居届）",
  date: read,
  source: `${act} 第23条`,
  items: [
    ...filing,
    ...person,
    fill("住所（転居先）", "newAddress"),
    fill("転居をした年月日", "moveDate"),
    fill("従前の住所", "currentAddress"),
    ...household,
    fill("在留カード等の番号（外国人住民）", "residenceCardNumber"),
    ...closing,
  ],
};

export const myNumberCardForm: OfficialForm = {
  name: "個人番号カード 券面記載事項変更届",
  date: "行政手続における特定の個人を識別するための番号の利用等に関する法律 第17条第4項（現行法令、2026-12-02 確認）",
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 行政手続における特定の個人を識別するための番号の利用等に関する法律 第17条第4項",
  items: [
    fill("氏名", "name"),
    fill("生年月日", "birthDate"),
    fill("変更後の住所", "newAddress"),
    fill("変更年月日", "moveDate"),
    notNeeded("個人番号カードの提示", { ja: "転入の来庁時に窓口でカードを提示し、新しい住所を券面に記載します。", en: "The card is shown at the counter during the move-in visit, where the new address is written on it." }),
    notNeeded("暗証番号", { ja: "本人が窓口の端末で入力するもので、窓口（Madoguchi）は送信も保存もしません。", en: "Entered by the person on the counter's terminal; never sent or stored by Madoguchi." }),
    notNeeded("受付・処理欄", because.office),
  ],
};
