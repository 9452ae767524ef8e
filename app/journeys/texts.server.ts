// The wording designers publish without a deploy (issue 15): the citizen's pages read the latest published
// content version of a life event over the flow's built-in texts, on every request, so a publish or a revert
// takes effect at once on every server, without a restart.
import type { Tx } from "../../db/client.server";
import { findPublishedContent, type ContentTexts } from "../../db/queries/content";
import type { Lang } from "../../flows";

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
