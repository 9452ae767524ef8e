// What is kept of an agency's answer to a delivery: its first 2 KB, for operators judging a dead letter.
// Agencies often echo what they were sent, so personal data is taken out before anything is stored.

export const ANSWER_EXCERPT_BYTES = 2 * 1024;

const REDACTED = "[redacted]";

/**
 * Every string and number in the delivered data that the answer holds, as an agency might echo it (plain or
 * JSON-escaped). A value longer than the answer is not looked for: an escaped form is never shorter than the value.
 */
function sentValues(value: unknown, body: string, into: Set<string>, depth = 0): Set<string> {
  if (depth > 10 || value === null || value === undefined) return into;
  if (typeof value === "string" || typeof value === "number") {
    const text = String(value).trim();
    if (text.length < 2 || text.length > body.length) return into;
    if (body.includes(text)) into.add(text);
    // An escaped form differs from the value only by backslashes: none in the answer, none to look for.
    if (!body.includes("\\")) return into;
    const escaped = JSON.stringify(text).slice(1, -1);
    if (escaped !== text && body.includes(escaped)) into.add(escaped);
    const ascii = escaped.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (ascii !== escaped && body.includes(ascii)) into.add(ascii);
    return into;
  }
  if (Array.isArray(value)) value.forEach((item) => sentValues(item, body, into, depth + 1));
  else if (typeof value === "object") Object.values(value as Record<string, unknown>).forEach((item) => sentValues(item, body, into, depth + 1));
  return into;
}

/** Shapes of personal data whatever was sent: e-mail addresses, and runs of 7 or more digits (phone, My Number, postal code, dates of birth). */
const personalShapes = [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, /(?:\d[\s\-‐－ー]?){6,}\d/g, /[０-９]{7,}/g];

/** Cuts a string to at most `bytes` UTF-8 bytes without splitting a character. */
export function firstBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (buffer[end] & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString("utf8");
}

/**
 * The answer body as it may be stored: every value that was delivered (the procedure's data items, the
 * citizen's answer) and anything shaped like an e-mail address or a long number replaced by "[redacted]",
 * then cut to 2 KB. Protects against personal data reaching the operators' pages through an agency's echo.
 */
export function answerExcerpt(body: string | undefined, delivered: unknown): string | null {
  if (body === undefined || body === "") return null;
  let text = body;
  // Longest first, so a value inside a longer one does not leave the rest of the longer one behind.
  const values = [...sentValues(delivered, body, new Set())].sort((a, b) => b.length - a.length);
  for (const value of values) if (text.includes(value)) text = text.split(value).join(REDACTED);
  for (const shape of personalShapes) text = text.replace(shape, REDACTED);
  return firstBytes(text, ANSWER_EXCERPT_BYTES);
}
