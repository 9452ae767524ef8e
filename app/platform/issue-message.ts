// An answer's problem travels as one string (an i18n key, optionally followed by its values as a query
// string), so pages and the error summary keep handling plain messages. Dates are shown in the page's
// language; a filing window's rule comes in both languages (issue-message.server.ts) and is shown in the page's;
// `what` is the key of the question's words for what it asks (flows/lib/questions.ts, `errorMessage`).
// Shared with the browser, so it must not import the flows catalogue.
import type { TFunction } from "i18next";
import { formatDate } from "./format";

export function issueText(t: TFunction, language: string, message: string): string {
  const at = message.indexOf("?");
  if (at < 0) return t(message);
  const key = message.slice(0, at);
  const values: Record<string, string> = {};
  const lang = language === "en" ? "en" : "ja";
  for (const [name, value] of new URLSearchParams(message.slice(at + 1))) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) values[name] = formatDate(value, language);
    // The question's own words for what it asks ("the date of your move"), a key of its namespace.
    else if (name === "what") values.what = t(value);
    else if (name === `rule.${lang}`) values.rule = value;
    else if (!name.startsWith("rule.")) values[name] = value;
  }
  return t(key, { ...values, interpolation: { escapeValue: false } });
}
