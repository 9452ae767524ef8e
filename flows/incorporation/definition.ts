// Starting a company (会社設立): the articles, the registration, and every notification that follows
// it, sent once the registration gives the company its corporate number.
import { bankIds, isTokyoSpecialWard } from "../agencies";
import { defineLifeEvent, type ProcedureRule } from "../lib/life-event";
import { questionsFor, type AnswersOf } from "../lib/questions";
import type { FlowContext } from "../lib/types";
import * as catalogue from "../procedures";
import { incorporationSamples } from "./samples";
import { tradeNameMatchesType } from "./trade-name";
import { firstBusinessYearEnd } from "../lib/dates";
import { filedAt, filedBy } from "../lib/filing";
import { occupations } from "../lib/types";

const q = questionsFor("incorporation");

const questions = [
  q.choice("companyType", { hint: true, options: ["kabushiki", "godo"], examples: ["kabushiki", "godo"] }),
  q.text("companyName", { hint: true, prefillFrom: "company.name", maxLength: 100, examples: ["株式会社山田商店", "合同会社ナカムラデザイン"] }),
  q.text("companyNameKana", { hint: true, prefillFrom: "company.nameKana", pattern: /^[\u30A0-\u30FF\u3000\s・ー]+$/, example: "ヤマダショウテン" }),
  q.address("headOffice", { hint: true, prefillFrom: "company.headOffice" }),
  q.group("businessPurposes", {
    hint: true,
    min: 1,
    max: 20,
    fields: (f) => [f.text("purpose", { maxLength: 200, example: "食料品の販売" })],
  }),
  q.money("capital", { hint: true, min: 1 }),
  q.date("foundingDate", { hint: true, example: "2026-04-01" }),
  q.number("fiscalYearEndMonth", { hint: true, min: 1, max: 12, examples: [3] }),
  q.text("representativeName", { prefillFrom: "name.kanji", example: "山田 太郎" }),
  q.address("representativeAddress", { hint: true, prefillFrom: "address" }),
  q.yesNo("hasEmployees", { hint: true }),
  q.number("employeeCount", { min: 1, max: 10_000, examples: [2] }),
  q.date("firstEmploymentDate", { hint: true, example: "2026-05-01" }),
  q.money("expectedAnnualWages", { hint: true, min: 1, examples: [6_000_000] }),
  // Each employee as the employment insurance enrolment form asks (資格取得届), without their Individual Number.
  q.group("employees", {
    hint: true,
    min: 1,
    max: 50,
    fields: (f) => [
      f.text("name", { maxLength: 50, example: "鈴木 一郎" }),
      f.text("nameKana", { maxLength: 50, pattern: /^[\u30A0-\u30FF\u3000\s・ー]+$/, example: "スズキ イチロウ" }),
      f.choice("gender", { options: ["female", "male"], examples: ["male"] }),
      f.date("birthDate", { example: "1995-04-02" }),
      f.money("monthlyWage", { min: 1, examples: [300_000] }),
      f.number("weeklyHours", { min: 1, max: 60, examples: [40] }),
      f.choice("employmentType", { options: ["regular", "fixedTerm", "partTime"], examples: ["regular"] }),
      f.choice("occupation", { options: occupations, examples: ["sales"] }),
    ],
  }),
  q.yesNo("blueReturn", { hint: true }),
  q.choice("corporateBank", { hint: true, options: [...bankIds, "none"], examples: ["mufg-bank", "none"] }),
] as const;

export type IncorporationAnswers = AnswersOf<typeof questions>;
type Context = FlowContext<IncorporationAnswers>;

export const isKabushikiKaisha = ({ answers }: Context) => answers.companyType === "kabushiki";
export const hasEmployees = ({ answers }: Context) => answers.hasEmployees === true;
export const wantsBlueReturn = ({ answers }: Context) => answers.blueReturn === true;
export const opensCorporateAccount = ({ answers }: Context) => !!answers.corporateBank && answers.corporateBank !== "none";
/** In Tokyo's 23 wards the Metropolis collects the municipal part of corporate tax. */
export const needsMunicipalNotification = ({ answers }: Context) => !!answers.headOffice && !isTokyoSpecialWard(answers.headOffice);
const always = () => true;

/** Which procedures a new company can set off, and the rule that selects each, in the order the pages list them. */
const procedureRules: ProcedureRule<IncorporationAnswers>[] = [
  { procedure: catalogue.articlesCertification, when: isKabushikiKaisha },
  { procedure: catalogue.companyRegistration, when: always },
  { procedure: catalogue.corporationEstablishmentNotification, when: always },
  { procedure: catalogue.blueReturnApproval, when: wantsBlueReturn },
  { procedure: catalogue.salaryPaymentOffice, when: always },
  { procedure: catalogue.prefecturalEstablishmentNotification, when: always },
  { procedure: catalogue.municipalEstablishmentNotification, when: needsMunicipalNotification },
  { procedure: catalogue.socialInsuranceEnrolment, when: always },
  { procedure: catalogue.labourInsuranceEstablishment, when: hasEmployees },
  { procedure: catalogue.labourInsurancePremiumDeclaration, when: hasEmployees },
  { procedure: catalogue.employmentInsuranceOffice, when: hasEmployees },
  { procedure: catalogue.employmentInsuranceEnrolment, when: hasEmployees },
  { procedure: catalogue.corporateBankAccount, when: opensCorporateAccount },
];

/**
 * What version 2 added (2026-12-02, #17): the employees' details, for their enrolment in employment insurance
 * (資格取得届), and the labour insurance premium declaration (概算保険料申告書). A journey or case begun on version 1
 * goes on without them, as published.
 */
const addedInVersion2 = {
  questions: new Set(["employees"]),
  procedures: new Set([catalogue.labourInsurancePremiumDeclaration.id, catalogue.employmentInsuranceEnrolment.id]),
};
// The same questions' type for both versions: version 1 only lacks one, whose answer it never has.
const questionsOf = (version: number) =>
  (version === 1 ? questions.filter((question) => !addedInVersion2.questions.has(question.id)) : questions) as typeof questions;

const withoutAnswersAddedInVersion2 = (sample: (typeof incorporationSamples)[number]) => ({
  ...sample,
  answers: Object.fromEntries(Object.entries(sample.answers).filter(([id]) => !addedInVersion2.questions.has(id))),
});

function defineIncorporation(version: number) {
  return defineLifeEvent({
    id: "incorporation",
    version,
    title: { ja: "会社の設立", en: "Starting a company" },
    description: {
      ja: "定款認証と設立登記から、税務署・都道府県・市町村への届出、社会保険・労働保険、法人口座の開設までを一度に申請します。",
      en: "From the articles and the registration to the notifications to the tax office, prefecture and municipality, social and labour insurance, and a corporate bank account, in one application.",
    },
    questions: questionsOf(version),
    askWhen: {
      employeeCount: hasEmployees,
      firstEmploymentDate: hasEmployees,
      expectedAnnualWages: hasEmployees,
      ...(version === 1 ? {} : { employees: hasEmployees }),
    },
    provides: {
      companyType: ({ answers }) => answers.companyType,
      companyName: ({ answers }) => answers.companyName,
      companyNameKana: ({ answers }) => answers.companyNameKana,
      headOffice: ({ answers }) => answers.headOffice,
      businessPurposes: ({ answers }) => answers.businessPurposes?.map((item) => item.purpose),
      capital: ({ answers }) => answers.capital,
      foundingDate: ({ answers }) => answers.foundingDate,
      fiscalYearEndMonth: ({ answers }) => answers.fiscalYearEndMonth,
      firstBusinessYearEnd: ({ answers }) =>
        answers.foundingDate && answers.fiscalYearEndMonth ? firstBusinessYearEnd(answers.foundingDate, answers.fiscalYearEndMonth) : undefined,
      representativeName: ({ answers }) => answers.representativeName,
      representativeAddress: ({ answers }) => answers.representativeAddress,
      employeeCount: ({ answers }) => answers.employeeCount,
      firstEmploymentDate: ({ answers }) => answers.firstEmploymentDate,
      expectedAnnualWages: ({ answers }) => answers.expectedAnnualWages,
      employees: ({ answers }) => answers.employees,
      filedAt,
      filedBy,
      // Known only after registration, unless the company already has one on record.
      corporateNumber: ({ record }) => record["company.corporateNumber"],
    },
    checks: {
      companyName: tradeNameMatchesType,
    },
    procedures: version === 1 ? procedureRules.filter(({ procedure }) => !addedInVersion2.procedures.has(procedure.id)) : procedureRules,
    samples: version === 1 ? incorporationSamples.map(withoutAnswersAddedInVersion2) : incorporationSamples,
  });
}

export const incorporationV1 = defineIncorporation(1);
export const incorporation = defineIncorporation(2);

/** Every published version; an old journey or case is restored with the version that made it. */
export const incorporationVersions = [incorporationV1, incorporation];
