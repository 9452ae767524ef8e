// The forms of child allowance, school transfer and the dog register.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const read = "現行法令（2026-12-02 確認）";

export const childAllowanceClaimForm: OfficialForm = {
  name: "児童手当 認定請求書",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 児童手当法第7条・児童手当法施行規則 第1条の4（様式第1号）",
  items: [
    fill("請求年月日", "filedAt"),
    fill("請求者の氏名", "name"),
    fill("請求者の生年月日", "birthDate"),
    fill("請求者の住所", "newAddress"),
    fill("住所を定めた日（転入の日）", "moveDate"),
    fill("支給要件児童の氏名・生年月日・続柄", "children"),
    notNeeded("請求者の個人番号", { ja: "転入届（前提の手続）で作られる住民記録により、新しい市区町村が請求者を特定します。", en: "The new municipality identifies the claimant by its resident register, which the move-in creates first (a prerequisite)." }),
    notNeeded("配偶者の氏名・個人番号", { ja: "転入後の住民記録から、新しい市区町村が世帯を確認します。", en: "The new municipality reads the household from its resident register after the move-in." }),
    notNeeded("加入している年金の種類", { ja: "公務員（勤務先に請求する人）を見分けるための欄で、それ以外の人の請求内容は同じです。", en: "Asked to find public servants, who claim from their employer instead; the claim is the same for everyone else." }),
    notNeeded("振込先口座", { ja: "請求者の公金受取口座に振り込まれ、市区町村がデジタル庁から口座情報を取得します。", en: "Paid into the claimant's public-funds receipt account (公金受取口座), which the municipality obtains from the Digital Agency." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const childAllowanceEndForm: OfficialForm = {
  name: "児童手当 受給事由消滅届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 児童手当法施行規則第7条（受給事由消滅の届出）; 市区町村の様式（例：安城市・美馬市の児童手当受給事由消滅届）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("受給者の氏名", "name"),
    fill("受給者の生年月日", "birthDate"),
    fill("住所（消滅前）", "currentAddress"),
    fill("新住所（転出先）", "newAddress"),
    fill("消滅の事由が生じた年月日（転出の日）", "moveDate"),
    fill("支給要件児童", "children"),
    notNeeded("消滅の事由", { ja: "常に市区町村外への転出で、手続そのものが事由を示します。", en: "Always a move out of the municipality: the procedure itself says it." }),
    notNeeded("受給者の個人番号", { ja: "旧住所の市区町村が自らの記録で受給者を特定します。", en: "The old municipality identifies its recipient by its own records." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const schoolTransferForm: OfficialForm = {
  name: "転入学届（就学校の指定）",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 学校教育法施行令 第5条・第6条（市区町村教育委員会の様式）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("保護者の氏名", "name"),
    fill("住所", "newAddress"),
    fill("転入の日", "moveDate"),
    fill("児童生徒の氏名・生年月日", "schoolChildren"),
    fill("在籍していた学校", "currentSchool"),
    notNeeded("在学証明書・教科書給与証明書", { ja: "在籍校が保護者に交付し、保護者が初日に新しい学校へ渡します。", en: "Issued by the current school to the parents, who hand them to the new school on the first day." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const dogRegistrationForm: OfficialForm = {
  name: "犬の登録事項変更届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 狂犬病予防法第4条・狂犬病予防法施行令 第1条",
  items: [
    fill("届出年月日", "filedAt"),
    fill("所有者の氏名", "name"),
    fill("電話番号", "phone"),
    fill("旧所在地", "currentAddress"),
    fill("新所在地", "newAddress"),
    fill("変更年月日", "moveDate"),
    fill("犬の名前・種類・登録番号", "dogs"),
    notNeeded("鑑札", { ja: "旧住所の市区町村が交付した鑑札は転居後も有効で（施行令第1条）、提出しません。", en: "The tag issued by the old municipality stays valid after a move (施行令第1条); it is not handed in." }),
    notNeeded("受付・処理欄", because.office),
  ],
};
