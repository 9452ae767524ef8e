// Forming a company: the articles, the registration that brings the company (and its corporate
// number) into being, and the corporate bank account that needs the registration.
import { articlesForm, corporateAccountForm, registrationForm } from "./forms/company";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { chosenCorporateBank, headOfficeLegalAffairsBureau, headOfficeNotary } from "./routes";

export const articlesCertification = defineProcedure({
  id: "articles-certification",
  form: articlesForm,
  name: { ja: "定款認証", en: "Certification of the articles of incorporation" },
  description: {
    ja: "株式会社の定款を公証人が認証します（電子定款なら印紙代不要）。合同会社には不要です。",
    en: "A notary certifies the articles of a kabushiki kaisha (no stamp duty on electronic articles). Not needed for a godo kaisha.",
  },
  handledBy: headOfficeNotary,
  legalBasis: { ja: "会社法第30条第1項", en: "Companies Act, Article 30(1)" },
  deadline: { before: "foundingDate", days: 7 },
  dataItems: ["companyName", "companyType", "headOffice", "businessPurposes", "capital", "fiscalYearEndMonth", "representativeName", "representativeAddress"],
  inPerson: false,
  inPersonNote: { ja: "電子定款はテレビ電話による認証が可能です。", en: "Electronic articles can be certified by video call." },
  rejectionReasons: [
    reasons.incomplete,
    { code: "articles-defective", text: { ja: "定款の絶対的記載事項に不備があります", en: "A mandatory clause of the articles is missing or defective" } },
    reasons.identity,
  ],
});

export const companyRegistration = defineProcedure({
  id: "company-registration",
  form: registrationForm,
  name: { ja: "会社設立登記", en: "Company registration" },
  description: {
    ja: "登記の申請日が会社の設立日になります。登記が終わると法人番号が指定されます。",
    en: "The filing date becomes the date of incorporation. Once registered, the company is given its corporate number.",
  },
  handledBy: headOfficeLegalAffairsBureau,
  legalBasis: { ja: "会社法第49条・第911条、商業登記法第47条", en: "Companies Act, Articles 49 and 911; Commercial Registration Act, Article 47" },
  deadline: { before: "foundingDate" },
  dataItems: ["companyName", "companyNameKana", "companyType", "headOffice", "businessPurposes", "capital", "foundingDate", "representativeName", "representativeAddress"],
  rejectionReasons: [
    reasons.incomplete,
    { code: "name-conflict", text: { ja: "同一本店所在場所に同一の商号が登記されています", en: "The same name is already registered at the same address" } },
    { code: "capital-not-evidenced", text: { ja: "出資の履行を証する書面が確認できません", en: "Payment of the capital is not evidenced" } },
  ],
  prerequisites: ["articles-certification"],
});

export const corporateBankAccount = defineProcedure({
  id: "corporate-bank-account",
  form: corporateAccountForm,
  name: { ja: "法人口座の開設", en: "Corporate bank account" },
  handledBy: chosenCorporateBank,
  legalBasis: {
    ja: "銀行取引約款・犯罪による収益の移転防止に関する法律第4条（取引時確認）",
    en: "The bank's account terms; Act on Prevention of Transfer of Criminal Proceeds, Article 4 (customer due diligence)",
  },
  deadline: null,
  dataItems: ["corporateNumber", "companyName", "companyNameKana", "headOffice", "businessPurposes", "capital", "representativeName", "representativeAddress"],
  fromPrerequisite: { corporateNumber: "company-registration" },
  rejectionReasons: [
    reasons.identity,
    { code: "business-unclear", text: { ja: "事業の実態が確認できません", en: "The business activity could not be confirmed" } },
  ],
  prerequisites: ["company-registration"],
});
