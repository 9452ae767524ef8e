// The wording of a life event that designers may change without a deploy: each question's title, hint and own
// error messages, the life event's shared error messages, and each procedure's description. Structure (questions,
// rules, procedures) stays in the definitions; only these texts are replaced, by i18n key.
import { translationOf, type Locales } from "../lib/checks";
import type { LifeEvent } from "../lib/life-event";
import type { Question } from "../lib/questions";
import type { Lang } from "../lib/types";

export type TextKind = "title" | "hint" | "error" | "description";
/** A text in each language; an absent or blank one is missing. */
export type Bilingual = Partial<Record<Lang, string>>;

export type TextEntry = {
  /** The i18n key the text is read with (`relocation:moveDate.hint`); a description's key is `<ns>:procedures.<id>.description`. */
  key: string;
  kind: TextKind;
  /** What the text belongs to: a question id, a procedure id, or "errors" for the shared error messages. */
  group: string;
  groupKind: "question" | "procedure" | "errors";
  /** The flow's own text (locale files, or the procedure's definition). */
  builtIn: Bilingual;
  /** A description may be absent in both languages; every other text must exist in both. */
  optional: boolean;
};

/** The key a life event's text of a procedure's description is read with. */
export const descriptionKey = (lifeEvent: Pick<LifeEvent, "id">, procedureId: string) => `${lifeEvent.id}:procedures.${procedureId}.description`;

const builtInOf = (locales: Locales, key: string): Bilingual => ({ ja: translationOf(locales, "ja", key), en: translationOf(locales, "en", key) });

function questionEntries(question: Question, group: string, locales: Locales): TextEntry[] {
  const entry = (key: string, kind: TextKind): TextEntry => ({ key, kind, group, groupKind: "question", builtIn: builtInOf(locales, key), optional: false });
  const own = question.i18nKeys.filter((key) => key.startsWith(`${question.i18nKey}.errors.`));
  return [
    entry(question.texts.title, "title"),
    ...(question.texts.hint ? [entry(question.texts.hint, "hint")] : []),
    ...own.map((key) => entry(key, "error")),
    ...(question.fields ?? []).flatMap((field) => questionEntries(field, group, locales)),
  ];
}

/** Every leaf key under `<ns>:errors` in the Japanese (primary) locale, e.g. `relocation:errors.dateWindow.between`. */
function sharedErrorKeys(locales: Locales, namespace: string): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string") keys.push(`${namespace}:${path}`);
    else if (node && typeof node === "object") for (const [name, child] of Object.entries(node)) walk(child, `${path}.${name}`);
  };
  walk((locales.ja?.[namespace] as Record<string, unknown> | undefined)?.errors, "errors");
  return keys;
}

/** The texts a designer may change, in the order the citizen meets them. */
export function editableTexts(lifeEvent: LifeEvent, locales: Locales): TextEntry[] {
  const questions = lifeEvent.questions.flatMap((question) => questionEntries(question, question.id, locales));
  const errors = sharedErrorKeys(locales, lifeEvent.id).map(
    (key): TextEntry => ({ key, kind: "error", group: "errors", groupKind: "errors", builtIn: builtInOf(locales, key), optional: false }),
  );
  const procedures = lifeEvent.rules.map(
    ({ procedure }): TextEntry => ({
      key: descriptionKey(lifeEvent, procedure.id),
      kind: "description",
      group: procedure.id,
      groupKind: "procedure",
      builtIn: { ja: procedure.description?.ja, en: procedure.description?.en },
      optional: true,
    }),
  );
  const seen = new Set<string>();
  return [...questions, ...errors, ...procedures].filter((entry) => !seen.has(entry.key) && seen.add(entry.key));
}

/** The {{names}} a text fills in (the error messages' dates, a rule): a replacement must keep them. */
export function placeholdersOf(text: string | undefined): string[] {
  return [...new Set([...(text ?? "").matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]))].sort();
}

export type TextProblem =
  | { key: string; kind: "missing"; lang: Lang }
  | { key: string; kind: "placeholder"; lang: Lang; placeholder: string };

const blank = (text: string | undefined) => !text || text.trim() === "";

/**
 * What stops texts from being published: a text missing in either language (a description may be missing in
 * both), or a replacement that drops a {{placeholder}} its built-in text fills in. `texts` are the texts that
 * would be in effect, by key (built-in ones where nothing replaces them).
 */
export function textProblems(entries: TextEntry[], texts: Record<string, Bilingual>): TextProblem[] {
  return entries.flatMap((entry): TextProblem[] => {
    const text = texts[entry.key] ?? entry.builtIn;
    const missing = (["ja", "en"] as const).filter((lang) => blank(text[lang]));
    if (entry.optional && missing.length === 2) return [];
    const placeholderProblems = (["ja", "en"] as const).flatMap((lang) =>
      blank(text[lang])
        ? []
        : placeholdersOf(entry.builtIn[lang])
            .filter((name) => !placeholdersOf(text[lang]).includes(name))
            .map((placeholder): TextProblem => ({ key: entry.key, kind: "placeholder", lang, placeholder })),
    );
    return [...missing.map((lang): TextProblem => ({ key: entry.key, kind: "missing", lang })), ...placeholderProblems];
  });
}
