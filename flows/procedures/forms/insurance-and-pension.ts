// The forms of health insurance, pensions and long-term care when moving.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const read = "現行法令（2026-12-02 確認）";

const municipalNumber = {
  ja: "市区町村は個人番号を記録した自らの住民基本台帳で住民を特定するため、窓口から個人番号は送りません。",
  en: "The municipality identifies its residents by its own resident register, which holds their Individual Numbers; Madoguchi does not send the number to it.",
};

export const nhiWithdrawalForm: OfficialForm = {
  name: "国民健康保険 被保険者資格喪失届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 国民健康保険法施行規則 第11条（市区町村の様式は同条の記載事項による）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("届出人", "filedBy"),
    fill("世帯主の氏名", "householderName"),
    fill("住所", "currentAddress"),
    fill("資格を喪失した者の氏名", "name"),
    fill("生年月日", "birthDate"),
    fill("世帯主との続柄", "relationshipToHouseholder"),
    fill("ともに資格を喪失する世帯員", "movingMembers"),
    fill("資格喪失の年月日（転出の日）", "moveDate"),
    notNeeded("資格喪失の理由", { ja: "常に市区町村外への転出で、手続そのものが事由を示します。", en: "Always a move out of the municipality: the procedure itself says it." }),
    notNeeded("個人番号", municipalNumber),
    notNeeded("資格確認書・保険証の返還", { ja: "資格確認書・保険証は郵送で返還し、そのためのデータは不要です。", en: "A card or certificate is returned by post; no data is needed for it." }),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const nhiEnrolmentForm: OfficialForm = {
  name: "国民健康保険 被保険者資格取得届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 国民健康保険法施行規則 第2条（市区町村の様式は同条の記載事項による）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("届出人", "filedBy"),
    fill("世帯主の氏名", "householderName"),
    fill("住所", "newAddress"),
    fill("資格を取得した者の氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("生年月日", "birthDate"),
    fill("世帯主との続柄", "relationshipToHouseholder"),
    fill("ともに資格を取得する世帯員", "movingMembers"),
    fill("資格取得の年月日（転入の日）", "moveDate"),
    notNeeded("資格取得の理由", { ja: "常に市区町村への転入で、手続そのものが理由を示します。", en: "Always a move into the municipality: the procedure itself says it." }),
    notNeeded("個人番号", municipalNumber),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const nationalPensionForm: OfficialForm = {
  name: "国民年金 被保険者住所変更届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 国民年金法第12条第1項・国民年金法施行規則（住所の変更の届出）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("氏名", "name"),
    fill("生年月日", "birthDate"),
    fill("変更前の住所", "currentAddress"),
    fill("変更後の住所", "newAddress"),
    fill("住所変更年月日", "moveDate"),
    notNeeded("基礎年金番号又は個人番号", municipalNumber),
    notNeeded("受付・処理欄", because.office),
  ],
};

export const pensionRecipientForm: OfficialForm = {
  name: "年金受給権者 住所変更届",
  date: "日本年金機構の現行様式（2026-12-02 確認）",
  source: "日本年金機構 届書様式「年金受給権者 住所変更届」 https://www.nenkin.go.jp/",
  items: [
    fill("届出年月日", "filedAt"),
    fill("基礎年金番号", "basicPensionNumber"),
    notNeeded("個人番号", { ja: "様式は個人番号か基礎年金番号のいずれかを求めます。窓口は基礎年金番号を送るため、個人番号は送りません。", en: "The form asks the Individual Number or the basic pension number; Madoguchi sends the basic pension number, so the Individual Number is not sent." }),
    notNeeded("年金コード", { ja: "日本年金機構が基礎年金番号から本人のすべての年金を特定します。", en: "The Japan Pension Service finds every pension of the person from the basic pension number." }),
    fill("氏名", "name"),
    fill("フリガナ", "nameKana"),
    fill("生年月日", "birthDate"),
    fill("変更前の住所", "currentAddress"),
    fill("変更後の住所", "newAddress"),
    fill("住所変更年月日", "moveDate"),
    notNeeded("電話番号", { ja: "様式上は任意の欄で、日本年金機構は窓口の申請を通じて本人に連絡します。", en: "Optional on the form; the Japan Pension Service contacts the person through the case in Madoguchi." }),
    notNeeded("署名", because.signed),
  ],
};

export const longTermCareForm: OfficialForm = {
  name: "介護保険 被保険者資格取得・異動届",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 介護保険法第12条第1項・介護保険法施行規則（資格取得の届出）",
  items: [
    fill("届出年月日", "filedAt"),
    fill("届出人", "filedBy"),
    fill("被保険者の氏名・生年月日", "careInsuredPersons"),
    fill("住所", "newAddress"),
    fill("前住所", "currentAddress"),
    fill("異動年月日（転入の日）", "moveDate"),
    notNeeded("被保険者番号", { ja: "資格取得の際に新しい市区町村が付番します。", en: "Assigned by the new municipality on enrolment." }),
    notNeeded("個人番号", municipalNumber),
    notNeeded("受給資格証明書", { ja: "要介護認定を受けた人にだけ旧住所の市区町村が交付し、本人が14日以内に新しい市区町村へ持参します。窓口が持つデータではありません。", en: "Issued by the old municipality only to people certified as needing care, who bring it to the new one within 14 days; not data Madoguchi holds." }),
    notNeeded("受付・処理欄", because.office),
  ],
};
