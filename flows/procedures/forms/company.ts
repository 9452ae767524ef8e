// The forms of starting a company: the articles, the registration, the tax notifications, social and
// labour insurance, and the corporate bank account.
import { because, fill, notNeeded, type OfficialForm } from "../../lib/official-form";

const read = "現行法令（2026-12-02 確認）";
const nta = (name: string) => `国税庁 https://www.nta.go.jp/ 税務手続の案内「${name}」`;
const contact = {
  ja: "機関は窓口の申請を通じて会社に連絡するため、様式の電話番号欄は任意です。",
  en: "The office contacts the company through the case in Madoguchi; the phone line of the form is optional for it.",
};
const headOnly = { ja: "新設の会社には本店しかなく、支店等の記載はありません。", en: "A new company has only its head office: no branch or other office to list." };
const newCompany = { ja: "常に新設の会社です（窓口は設立だけを扱います）。", en: "Always a newly founded company (新設): Madoguchi files for incorporations only." };

const company = [
  fill("法人名（商号）", "companyName"),
  fill("フリガナ", "companyNameKana"),
  fill("法人番号", "corporateNumber"),
  fill("本店所在地", "headOffice"),
  fill("代表者氏名", "representativeName"),
];

export const articlesForm: OfficialForm = {
  name: "定款（株式会社）認証の嘱託",
  date: read,
  source: "e-Gov法令検索 https://laws.e-gov.go.jp/ 会社法第26条〜第30条（定款の絶対的記載事項は第27条）",
  items: [
    fill("会社の種類", "companyType"),
    fill("目的", "businessPurposes"),
    fill("商号", "companyName"),
    fill("本店の所在地", "headOffice"),
    fill("設立に際して出資される財産の価額", "capital"),
    fill("発起人の氏名", "representativeName"),
    fill("発起人の住所", "representativeAddress"),
    fill("事業年度", "fiscalYearEndMonth"),
    notNeeded("発行可能株式総数", { ja: "認証の後、設立までに発起人全員の同意で定めることができます（会社法第37条第1項）。", en: "May be set by all founders' consent after certification and before incorporation (会社法第37条第1項)." }),
    notNeeded("公告方法", { ja: "定款に定めがないときは、官報に掲載する方法になります（会社法第939条第4項）。", en: "When the articles name none, the company gives notice in the official gazette (会社法第939条第4項)." }),
    notNeeded("実質的支配者となるべき者の申告", { ja: "テレビ電話による認証の際に、発起人が公証人に申告します（公証人法施行規則第13条の4）。", en: "Declared by the founder to the notary during the video-call certification (公証人法施行規則第13条の4)." }),
    notNeeded("署名・電子署名", because.signed),
  ],
};

export const registrationForm: OfficialForm = {
  name: "株式会社・合同会社設立登記申請書",
  date: read,
  source: "法務局 https://houmukyoku.moj.go.jp/ 商業・法人登記の申請書様式（設立）; e-Gov法令検索 会社法第911条・第914条",
  items: [
    fill("商号", "companyName"),
    fill("商号のフリガナ", "companyNameKana"),
    fill("会社の種類", "companyType"),
    fill("本店", "headOffice"),
    fill("目的", "businessPurposes"),
    fill("資本金の額・課税標準金額", "capital"),
    fill("申請年月日（設立の日）", "foundingDate"),
    fill("代表取締役（代表社員）の氏名", "representativeName"),
    fill("代表取締役（代表社員）の住所", "representativeAddress"),
    notNeeded("登記の事由", newCompany),
    notNeeded("登録免許税額", { ja: "資本金の額から計算し（0.7%、最低15万円。合同会社は6万円）、本人がオンラインで納付します。", en: "Computed from the capital (0.7 %, at least 150,000 yen; 60,000 yen for a godo kaisha) and paid online by the person." }),
    notNeeded("定款", { ja: "前提の手続で公証人が認証します（合同会社の定款は認証不要です）。", en: "Certified by the notary in the prerequisite procedure (a godo kaisha's articles need no certification)." }),
    notNeeded("払込みを証する書面", { ja: "法務局が必要とするときは、追加情報の依頼で発起人に求めます（却下理由：払込みの証明がない）。", en: "Asked from the founder by a request for information when the bureau needs it (rejection reason: capital not evidenced)." }),
    notNeeded("印鑑届書", { ja: "2021年からオンライン申請では任意です（商業登記法第20条）。", en: "Optional for an online application since 2021 (商業登記法第20条)." }),
    notNeeded("電子署名", because.signed),
  ],
};

export const corporationNotificationForm: OfficialForm = {
  name: "法人設立届出書",
  date: "国税庁 様式（2026-12-02 確認）",
  source: nta("[手続名]内国普通法人等の設立の届出"),
  items: [
    fill("提出年月日", "filedAt"),
    ...company,
    fill("代表者住所", "representativeAddress"),
    fill("設立年月日", "foundingDate"),
    fill("事業年度", "fiscalYearEndMonth"),
    fill("設立時の資本金又は出資金の額", "capital"),
    fill("事業の目的", "businessPurposes"),
    notNeeded("支店・出張所・工場等", headOnly),
    notNeeded("設立の形態", newCompany),
    notNeeded("電話番号", contact),
    notNeeded("定款等の写し", { ja: "税務署が定款から読み取る事項（目的・事業年度・資本金）はデータとして送ります。", en: "The particulars the tax office takes from the articles (purposes, business year, capital) are sent as data." }),
    notNeeded("税理士署名", { ja: "窓口では税理士が会社に代わって提出することはありません。", en: "No tax accountant files for the company through Madoguchi." }),
  ],
};

export const blueReturnForm: OfficialForm = {
  name: "青色申告の承認申請書",
  date: "国税庁 様式（2026-12-02 確認）",
  source: nta("[手続名]青色申告の承認申請"),
  items: [
    fill("提出年月日", "filedAt"),
    ...company,
    fill("設立年月日（この事業年度の開始の日）", "foundingDate"),
    fill("事業年度", "fiscalYearEndMonth"),
    notNeeded("参考事項（帳簿組織の状況）", { ja: "様式の任意の参考欄です。", en: "An optional reference section of the form." }),
    notNeeded("電話番号", contact),
  ],
};

export const salaryOfficeForm: OfficialForm = {
  name: "給与支払事務所等の開設・移転・廃止届出書",
  date: "国税庁 様式（2026-12-02 確認）",
  source: nta("[手続名]給与支払事務所等の開設・移転・廃止の届出"),
  items: [
    fill("提出年月日", "filedAt"),
    ...company,
    fill("開設年月日", "foundingDate"),
    fill("給与支払を開始する年月日", "firstEmploymentDate"),
    fill("従事員数", "employeeCount"),
    notNeeded("届出の内容（開設・移転・廃止）", { ja: "設立時の開設に限られます。", en: "Always an opening, at incorporation." }),
    notNeeded("開設した支店等の所在地", headOnly),
    notNeeded("電話番号", contact),
  ],
};

const localNotification = (name: string, source: string): OfficialForm => ({
  name,
  date: read,
  source,
  items: [
    fill("提出年月日", "filedAt"),
    ...company,
    fill("設立年月日", "foundingDate"),
    fill("事業年度", "fiscalYearEndMonth"),
    fill("資本金の額", "capital"),
    fill("事業種目", "businessPurposes"),
    notNeeded("支店等の所在地", headOnly),
    notNeeded("電話番号", contact),
    notNeeded("登記事項証明書・定款の写し", { ja: "設立登記は前提の手続で、登記事項はデータとして送り、法人番号で特定できます。", en: "The registration is the prerequisite procedure; its particulars are sent as data and the corporate number identifies it." }),
  ],
});

export const prefecturalNotificationForm = localNotification(
  "法人設立・設置届出書（都道府県税）",
  "東京都主税局 https://www.tax.metro.tokyo.lg.jp/ 法人設立・設置届出書（各道府県税条例による）",
);

export const municipalNotificationForm = localNotification(
  "法人設立・設置届出書（市町村民税）",
  "e-Gov法令検索 https://laws.e-gov.go.jp/ 地方税法第317条の2・各市町村税条例（法人設立・設置届出書）",
);

export const socialInsuranceForm: OfficialForm = {
  name: "健康保険・厚生年金保険 新規適用届",
  date: "日本年金機構 様式（2026-12-02 確認）",
  source: "日本年金機構 https://www.nenkin.go.jp/ 届書様式「新規適用届」; e-Gov法令検索 健康保険法施行規則第19条",
  items: [
    fill("提出年月日", "filedAt"),
    fill("事業所の名称", "companyName"),
    fill("事業所の名称（フリガナ）", "companyNameKana"),
    fill("法人番号", "corporateNumber"),
    fill("事業所の所在地", "headOffice"),
    fill("事業主（代表者）の氏名", "representativeName"),
    fill("適用年月日", "foundingDate"),
    fill("被保険者数", "employeeCount"),
    notNeeded("事業所整理記号", because.office),
    notNeeded("個人・法人等区分", { ja: "常に法人です（先に設立登記をします）。", en: "Always a corporation (法人): the company is registered first." }),
    notNeeded("本店・支店区分／内・外国区分", { ja: "常に内国法人の本店です。", en: "Always the head office of a domestic company." }),
    notNeeded("電話番号", contact),
    notNeeded("法人（商業）登記簿謄本", { ja: "設立登記は前提の手続で、法人番号で特定できます。", en: "The registration is the prerequisite procedure and the corporate number identifies it." }),
  ],
};

export const labourInsuranceForm: OfficialForm = {
  name: "労働保険 保険関係成立届（継続）",
  date: "厚生労働省 様式第1号（2026-12-02 確認）",
  source: "厚生労働省 https://www.mhlw.go.jp/ 労働保険の成立手続; e-Gov法令検索 労働保険の保険料の徴収等に関する法律施行規則 第4条",
  items: [
    fill("提出年月日", "filedAt"),
    fill("事業の名称", "companyName"),
    fill("法人番号", "corporateNumber"),
    fill("事業場の所在地", "headOffice"),
    fill("事業主の氏名（代表者）", "representativeName"),
    fill("事業の概要・種類", "businessPurposes"),
    fill("保険関係成立年月日", "firstEmploymentDate"),
    fill("常時使用労働者数・雇用保険被保険者数", "employeeCount"),
    fill("賃金総額の見込額", "expectedAnnualWages"),
    notNeeded("労働保険番号", { ja: "受理の際に労働基準監督署が付番し、この手続の決定の参照番号になります。", en: "Assigned by the labour standards office on acceptance; it is this procedure's decision reference." }),
    notNeeded("電話番号", contact),
  ],
};

export const employmentOfficeForm: OfficialForm = {
  name: "雇用保険 適用事業所設置届",
  date: "厚生労働省 様式（2026-12-02 確認）",
  source: "ハローワークインターネットサービス https://www.hellowork.mhlw.go.jp/ 雇用保険関係の各種届出用紙; e-Gov法令検索 雇用保険法施行規則第141条",
  items: [
    fill("提出年月日", "filedAt"),
    fill("事業所の名称", "companyName"),
    fill("法人番号", "corporateNumber"),
    fill("事業所の所在地", "headOffice"),
    fill("事業主の氏名（代表者）", "representativeName"),
    fill("労働保険番号", "labourInsuranceNumber"),
    fill("設置年月日", "firstEmploymentDate"),
    fill("事業の種類", "businessPurposes"),
    fill("雇用保険被保険者数", "employeeCount"),
    notNeeded("保険関係成立届の控え", { ja: "労働基準監督署の受理（前提の手続）に労働保険番号が含まれます。", en: "The labour standards office's acceptance (the prerequisite) carries the labour insurance number." }),
    notNeeded("電話番号", contact),
  ],
};

export const corporateAccountForm: OfficialForm = {
  name: "法人口座開設申込書",
  date: "三菱UFJ銀行 法人口座開設（2026-12-02 確認）",
  source: "三菱UFJ銀行 https://www.bk.mufg.jp/ 法人のお客さま「口座開設」",
  items: [
    fill("法人名", "companyName"),
    fill("フリガナ", "companyNameKana"),
    fill("法人番号", "corporateNumber"),
    fill("所在地", "headOffice"),
    fill("事業内容・取引の目的", "businessPurposes"),
    fill("資本金", "capital"),
    fill("代表者の氏名", "representativeName"),
    fill("代表者の住所", "representativeAddress"),
    notNeeded("実質的支配者の申告", { ja: "本人確認済みの代表者との銀行自身の取引時確認で申告します（犯収法第4条）。", en: "Declared in the bank's own customer due diligence with the representative, whose identity is verified (犯収法第4条)." }),
    notNeeded("電話番号", contact),
    notNeeded("届出印", because.signed),
  ],
};

export const labourPremiumForm: OfficialForm = {
  name: "労働保険 概算保険料申告書（様式第6号）",
  date: "厚生労働省 様式第6号（2026-12-02 確認）",
  source: "厚生労働省 https://www.mhlw.go.jp/ 労働保険の成立手続; e-Gov法令検索 労働保険の保険料の徴収等に関する法律第15条・同法施行規則第24条",
  items: [
    fill("提出年月日", "filedAt"),
    fill("労働保険番号", "labourInsuranceNumber"),
    fill("事業の名称", "companyName"),
    fill("事業の所在地", "headOffice"),
    fill("事業主の氏名（代表者）", "representativeName"),
    fill("事業の種類", "businessPurposes"),
    fill("常時使用労働者数・雇用保険被保険者数", "employeeCount"),
    fill("算定期間（保険関係成立日から3月31日まで）", "firstEmploymentDate"),
    fill("保険料算定基礎額の見込額（賃金総額）", "expectedAnnualWages"),
    notNeeded("保険料率", { ja: "事業の種類に応じて厚生労働省が定める率を、労働基準監督署が当てはめます。", en: "Set by the Ministry's table for the kind of business, which the labour standards office applies." }),
    notNeeded("概算保険料額", { ja: "賃金総額の見込額に保険料率を掛けた額で、電子納付で納めます。", en: "The expected wages times the rate; paid online (電子納付)." }),
    notNeeded("延納の申請", { ja: "窓口からは延納を申請せず、一括で納付します。", en: "Instalments (延納) are not requested through Madoguchi; the premium is paid in one sum." }),
    notNeeded("一般拠出金", { ja: "一般拠出金は確定保険料の申告の際に納めるもので、最初の概算申告にはありません。", en: "The general contribution is paid with the final (確定) declaration, not with the first estimate." }),
    notNeeded("電話番号", contact),
  ],
};

export const employmentEnrolmentForm: OfficialForm = {
  name: "雇用保険被保険者資格取得届（様式第2号）",
  date: "厚生労働省 様式第2号（2026-12-02 確認）",
  source: "ハローワークインターネットサービス https://www.hellowork.mhlw.go.jp/ 雇用保険関係の各種届出用紙; e-Gov法令検索 雇用保険法第7条・雇用保険法施行規則第6条",
  items: [
    fill("提出年月日", "filedAt"),
    fill("事業所番号", "employmentInsuranceOfficeNumber"),
    fill("事業所の名称", "companyName"),
    fill("事業主の住所（所在地）", "headOffice"),
    fill("事業主の氏名（代表者）", "representativeName"),
    fill("被保険者氏名・フリガナ・性別・生年月日", "employees"),
    fill("賃金（月額）・雇用形態・職種・1週間の所定労働時間", "employees"),
    fill("資格取得年月日", "firstEmploymentDate"),
    notNeeded("個人番号", {
      ja: "従業員の個人番号は、事業主が本人確認のうえ本人から取得し（番号法第16条）、個人番号登録届でハローワークに届けます。窓口は他人の個人番号を設立者から預かりません。",
      en: "The employer obtains each employee's Individual Number from them with an identity check (My Number Act, Article 16) and registers it with Hello Work separately; Madoguchi does not take other people's numbers from the founder.",
    }),
    notNeeded("被保険者番号・取得区分", {
      ja: "以前に被保険者だった人だけの欄で、ハローワークが氏名・生年月日から以前の番号を照合し、不明なときは追加情報を依頼します。",
      en: "Only for someone insured before: Hello Work matches an earlier number from the name and date of birth, and asks by a request for information when it cannot.",
    }),
    notNeeded("被保険者となったことの原因", { ja: "常に新たに設置した適用事業所での雇入れ（原因4）です。", en: "Always employees of a newly set up workplace (cause 4)." }),
    notNeeded("契約期間の定め", { ja: "雇用形態（有期契約）から分かり、契約期間の詳細はハローワークが必要なときに追加情報で依頼します。", en: "Follows from the employment type (fixed term); Hello Work asks for the contract's dates by a request for information when it needs them." }),
    notNeeded("就職経路", { ja: "ハローワークの統計のための欄で、資格取得そのものには影響しません。", en: "A statistics field of Hello Work's; it does not affect the enrolment." }),
    notNeeded("外国人の国籍・在留資格（17〜23欄）", {
      ja: "窓口はまだ外国人従業員の情報を扱わないため、該当者がいればハローワークが追加情報で依頼します。",
      en: "Madoguchi does not yet take a foreign employee's details; Hello Work asks for them by a request for information.",
    }),
    notNeeded("署名", because.signed),
  ],
};
