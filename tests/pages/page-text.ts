// What a person reads on a page, and the words in it that look like an i18n key or an internal code rather than
// words for a person. Shared by the tests that render pages (every-page, journey-pages).
import { demoAccounts } from "../../app/demo/demo-accounts.server";
import { listAgencies, listProcedures } from "../../flows";

export const decode = (text: string) =>
  text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");

/** What a person reads: the title and the body's text, without scripts, styles and attributes. */
export function visibleText(html: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  const text = body
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ");
  return decode(`${title} ${text}`).replace(/\s+/g, " ").trim();
}

const loginIds = demoAccounts.map((account) => account.loginId);
const internalIds = new Set([
  ...listProcedures().flatMap((procedure) => [procedure.id, ...procedure.rejectionReasons.map((reason) => reason.code)]),
  ...listAgencies().map((agency) => agency.id),
  ...demoAccounts.flatMap((account) => [account.id, account.personId ?? "", ...(account.actsFor ?? []).map((grant) => grant.subjectId)]).filter(Boolean),
]);

/** Words on a page that look like an i18n key or an internal code, rather than words for a person. */
export function rawKeysIn(text: string): string[] {
  // Web and e-mail addresses, login ids and "e.g." are meant to be read as they are.
  const readable = loginIds.reduce(
    (rest, loginId) => rest.replace(new RegExp(`(?<![\\w.])${loginId.replace(".", "\\.")}(?![\\w.])`, "g"), " "),
    text
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
      .replace(/\b(e\.g|i\.e)\./g, " "),
  );
  const found = [
    ...(readable.match(/\b[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+\b/g) ?? []),
    ...(readable.match(/\b[a-z]+:[a-z][A-Za-z0-9_.]+/g) ?? []),
    ...(readable.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []),
    ...(readable.match(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g) ?? []).filter((word) => internalIds.has(word)),
  ];
  return [...new Set(found)];
}

/** Sentences people were shown that were wrong (issue #10); none may come back on any page. */
export const wrongSentences = [
  "登録されている人はいません", // on a company's business purposes
  "(optional) (optional)",
  "（任意） （任意）",
  "(任意) (任意)",
  "Check that it has 7 digits", // said of a postal code of 7 digits
  "7桁の郵便番号を確認",
  "情報の情報",
  "only your identity is checked", // a visit that also writes the card, or changes the plates
  "本人確認のみで済みます",
];

/** The wrong sentences a page's text still says. */
export function wrongSentencesIn(text: string): string[] {
  return wrongSentences.filter((sentence) => text.includes(sentence));
}
