// The wording designers publish without a deploy (issue 15): the citizen's pages read the latest published
// content version of a life event over the flow's built-in texts, on every request, so a publish or a revert
// takes effect at once on every server, without a restart.
import type { Tx } from "../../db/client.server";
import { findPublishedContent, type ContentTexts } from "../../db/queries/content";
import type { Lang, Question } from "../../flows";
import { toQuestionView } from "./question-view";

/** Texts by i18n key in one language: what replaces the built-in text of that key. */
export type FlowTexts = Record<string, string>;

/** One language of a set of bilingual texts (blank ones left out: the built-in text then stands). */
export function textsIn(texts: ContentTexts, lang: Lang): FlowTexts {
  return Object.fromEntries(Object.entries(texts).flatMap(([key, text]) => (text[lang]?.trim() ? [[key, text[lang]]] : [])));
}

/** The published texts of a life event in a language; empty when only the built-in texts apply. */
export function publishedTexts(tx: Tx, lifeEventId: string, lang: Lang): FlowTexts {
  const published = findPublishedContent(tx, { lifeEventId });
  return published ? textsIn(published.texts, lang) : {};
}

/**
 * The parts of the translations (`ns:part`, a namespace's top-level key) a question page shows: the question's own
 * words, its life event's errors and yes/no, and the journey's words for forms, answers and prefilled values. The
 * page's loader sends them with its data, so the browser loads no whole namespace for one question (issue 12).
 */
export function questionTextParts(question: Question): string[] {
  const keys = new Set(question.i18nKeys);
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      if (/^[\w-]+:\w/.test(value)) keys.add(value);
    } else if (value && typeof value === "object") {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(toQuestionView(question));
  const parts = new Set(["journey:form", "journey:answers", "journey:prefill", "journey:sources"]);
  for (const key of keys) {
    const [ns, path] = key.split(":");
    parts.add(`${ns}:${path.split(".")[0]}`).add(`${ns}:errors`).add(`${ns}:yesNo`);
  }
  return [...parts];
}
