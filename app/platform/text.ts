// The one rule for text that enters Madoguchi: no control characters (except tab and newline) and no
// bidirectional controls, wherever the text comes from (a form, an agency's callback).

/**
 * C0 controls other than tab (U+0009) and newline (U+000A), DEL and C1 controls, and the bidirectional
 * controls (ALM, LRM, RLM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069).
 * Protects against text that reads differently from what it contains ("Trojan Source": an officer sees
 * one reference, the citizen another), NUL bytes that cut strings in other systems, and terminal escapes
 * in logs. Carriage returns are not in it: browsers send a textarea's newlines as CRLF, which
 * `cleanText` turns into LF.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const unsafeControlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Whether `value` holds any character of the rule (a lone CR counts: only CRLF is a newline). */
export function hasUnsafeControls(value: string): boolean {
  unsafeControlCharacters.lastIndex = 0;
  return unsafeControlCharacters.test(value) || /\r(?!\n)/.test(value);
}

/** `value` with CRLF as LF and every character of the rule removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n/g, "\n").replace(/\r/g, "").replace(unsafeControlCharacters, "");
}

/** Every string inside a parsed JSON value that breaks the rule, as a path (for a clear refusal). */
export function pathsWithUnsafeControls(value: unknown, path = ""): string[] {
  if (typeof value === "string") return hasUnsafeControls(value) ? [path || "(root)"] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsWithUnsafeControls(item, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(hasUnsafeControls(key) ? [path ? `${path}.${key}` : key] : []),
      ...pathsWithUnsafeControls(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}
