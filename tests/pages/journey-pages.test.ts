// Every page of both life events as a person walks them, rendered for real (root loader, header, React), in
// Japanese and in English: each question page as it is first shown and with its errors (sent empty), then
// check answers and consent. On every one of them no visible text looks like an i18n key or an internal code,
// and no date is shown as 2026-03-20; every error is in the summary at the top, linked to its field, and beside
// the field (GOV.UK pattern). Together the demo people's walks reach every question of both life events.
import { describe, expect, it } from "vitest";
import { demoAccounts } from "../../app/demo/demo-accounts.server";
import { getQuestion, listLifeEvents, type Question } from "../../flows";
import { browserRequest, signedInBrowser, type Browser } from "../setup/auth";
import { useRenderedPortal } from "../security/render";
import { decode, rawKeysIn, visibleText, wrongSentencesIn } from "./page-text";

const rendered = useRenderedPortal();

const languages = ["ja", "en"] as const;
type Lng = (typeof languages)[number];

/** The form fields a browser posts for an answer, named as the question pages name them. */
function answerFields(question: Question, value: unknown, name = "answer"): [string, string][] {
  if (value === undefined || value === null) return [];
  switch (question.type) {
    case "yesNo":
      return [[name, value ? "yes" : "no"]];
    case "choice":
      return Array.isArray(value) ? value.map((one) => [name, String(one)] as [string, string]) : [[name, String(value)]];
    case "address": {
      const address = value as Record<string, string | undefined>;
      return ["postalCode", "town", "street", "building"].flatMap((part) => (address[part] ? [[`${name}.${part}`, address[part]!] as [string, string]] : []));
    }
    case "group":
      return (value as Record<string, unknown>[]).flatMap((item, index) =>
        (question.fields ?? []).flatMap((field) => answerFields(field, item[field.id], `${name}[${index}].${field.id}`)),
      );
    default:
      return [[name, String(value)]];
  }
}

/** An empty page, sent as it is, that the question refuses (a list that may stay empty is an answer). */
function refusesEmpty(question: Question): boolean {
  return !question.schema.safeParse(question.type === "group" || question.multiple ? [] : undefined).success;
}

async function request(path: string, as: Browser, lng: Lng, form?: [string, string][]) {
  const response = await rendered.portal.handle(browserRequest(path, { as, form, headers: { Accept: "text/html", "Accept-Language": lng } }));
  return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
}

/** What is wrong with a page a person reads: raw keys, internal codes, dates as the database writes them. */
function wordsProblems(where: string, html: string): string[] {
  const text = visibleText(html);
  const raw = rawKeysIn(text);
  const isoDates = text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
  const wrong = wrongSentencesIn(text);
  return [
    ...(raw.length ? [`${where} shows ${raw.join(", ")}`] : []),
    ...(isoDates.length ? [`${where} shows the date ${isoDates.join(", ")}`] : []),
    ...(wrong.length ? [`${where} says ${wrong.join(", ")}`] : []),
  ];
}

/** The GOV.UK error pattern: a summary at the top whose every entry links to a field on the page that shows it too. */
function errorPatternProblems(where: string, html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0];
  if (!summary) return [`${where} has no error summary`];
  const entries = [...summary.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map(([, id, message]) => ({ id, message: decode(message) }));
  if (entries.length === 0) return [`${where}: the error summary links to no field`];
  const fieldErrors = [...html.matchAll(/<span class="field__error"[^>]*>([\s\S]*?)<\/span>\s*(?=<|$)/g)].map(([inner]) => visibleText(inner));
  return entries.flatMap(({ id, message }) => [
    ...(new RegExp(`\\bid="${id}"`).test(html) ? [] : [`${where}: the summary links to #${id}, which is not on the page`]),
    ...(fieldErrors.some((text) => text.includes(message)) ? [] : [`${where}: "${message}" is not shown beside its field`]),
  ]);
}

/** The demo people the samples describe, with the account that signs in for each. */
const walkers = listLifeEvents().flatMap((lifeEvent) =>
  lifeEvent.samples.flatMap((sample) => {
    const own = demoAccounts.find((account) => account.personId === sample.id);
    const representative = demoAccounts.find((account) => account.actsFor?.some((grant) => grant.subjectType === "company" && grant.subjectId === sample.id));
    const account = own ?? representative;
    return account ? [{ lifeEvent, sample, loginId: account.loginId, actingFor: own ? null : sample.id }] : [];
  }),
);

describe("every journey page, as the demo people walk them, in both languages", () => {
  const asked = new Map<string, Set<string>>();

  for (const { lifeEvent, sample, loginId, actingFor } of walkers) {
    it(`${lifeEvent.id} as ${sample.id}: words for people on every page, and every error at the top and at its field`, async () => {
      const as = await signedInBrowser(rendered.db, loginId, { actingFor });
      const problems: string[] = [];
      const start = await request(`/life-events/${lifeEvent.id}?index`, as, "ja", []);
      expect(start.status, "starting the journey").toBe(302);
      let path = start.location!;
      const seen = asked.get(lifeEvent.id) ?? new Set<string>();
      asked.set(lifeEvent.id, seen);
      for (let step = 0; step <= lifeEvent.questions.length && path.includes("/questions/"); step++) {
        const questionId = path.split("/").at(-1)!;
        const question = getQuestion(lifeEvent, questionId)!;
        seen.add(questionId);
        for (const lng of languages) {
          const page = await request(path, as, lng);
          expect(page.status, `${lng} ${path}`).toBe(200);
          problems.push(...wordsProblems(`${lng} ${path}`, page.html));
          if (question.type === "address") {
            const unknown = await request(path, as, lng, [["intent", "lookup"], ["answer.postalCode", "0000000"]]);
            expect(unknown.status).toBe(400);
            expect(visibleText(unknown.html), `${lng} ${path}: an unknown postal code is named`).toContain("0000000");
            problems.push(...wordsProblems(`${lng} ${path} (unknown postal code)`, unknown.html), ...errorPatternProblems(`${lng} ${path} (unknown postal code)`, unknown.html));
          }
          if (refusesEmpty(question)) {
            const refused = await request(path, as, lng, [["intent", "continue"]]);
            expect(refused.status, `${lng} ${path} sent empty`).toBe(400);
            problems.push(...wordsProblems(`${lng} ${path} (sent empty)`, refused.html), ...errorPatternProblems(`${lng} ${path} (sent empty)`, refused.html));
          }
        }
        const answered = await request(path, as, "ja", [["intent", "continue"], ...answerFields(question, sample.answers[questionId])]);
        if (answered.status !== 302) throw new Error(`${path} refused the sample's answer: ${visibleText(answered.html).slice(0, 400)}`);
        path = answered.location!;
      }
      expect(path).toBe(`/life-events/${lifeEvent.id}/check-answers`);
      for (const page of [path, `/life-events/${lifeEvent.id}/consent`]) {
        for (const lng of languages) {
          const shown = await request(page, as, lng);
          expect(shown.status, `${lng} ${page}`).toBe(200);
          problems.push(...wordsProblems(`${lng} ${page}`, shown.html));
          // A Japanese national has no residence card: it is never listed as sent.
          if (page.endsWith("/consent") && sample.record.nationality) {
            const listsCard = /在留カード|Residence card/.test(visibleText(shown.html));
            expect(listsCard, `${lng} ${page}: the residence card number listed for nationality ${String(sample.record.nationality)}`).toBe(sample.record.nationality !== "JP");
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("the walks together reach every question of every life event", () => {
    for (const lifeEvent of listLifeEvents()) {
      const never = lifeEvent.questions.map((question) => question.id).filter((id) => !asked.get(lifeEvent.id)?.has(id));
      expect(never, `${lifeEvent.id}: questions no demo person's walk reached`).toEqual([]);
    }
  });
});
