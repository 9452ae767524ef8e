// An answer's problem travels as one string (an i18n key, optionally followed by its values as a query
// string), so pages and the error summary keep handling plain messages. Dates are shown in the page's
// language; `procedure` names a procedure whose filing window explains the problem in words.
import type { TFunction } from "i18next";
import { getProcedure } from "../../flows";
import { formatDate } from "./format";

export function encodeIssue(issue: { message: string; params?: Record<string, string> }): string {
  return issue.params ? `${issue.message}?${new URLSearchParams(issue.params).toString()}` : issue.message;
}

export function issueText(t: TFunction, language: string, message: string): string {
  const at = message.indexOf("?");
  if (at < 0) return t(message);
  const key = message.slice(0, at);
  const values: Record<string, string> = {};
  const lang = language === "en" ? "en" : "ja";
  for (const [name, value] of new URLSearchParams(message.slice(at + 1))) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) values[name] = formatDate(value, language);
    else if (name === "procedure") values.rule = getProcedure(value)?.filingWindow?.text[lang] ?? "";
    else values[name] = value;
  }
  return t(key, { ...values, interpolation: { escapeValue: false } });
}
