// Finds personal data in text a person is about to publish in the IDEA BOX (numbers that look like a My
// Number, phone numbers, e-mail addresses, postal codes and street addresses), so the page can point it out
// and publish the text with it masked. It protects people from publishing their own or someone else's data by
// mistake; it is a safety net, not a guarantee, so it leans towards masking too much.

export type PersonalDataKind = "myNumber" | "phone" | "email" | "postalAddress";
export type Finding = { kind: PersonalDataKind; start: number; end: number; text: string };

/** What replaces each finding: fixed, so the masked text does not tell how long the value was. */
export const MASK = "＊＊＊";

/** Full-width ASCII (０-９, ＠, －, Ａ-Ｚ…) to half-width, one UTF-16 unit for one, so offsets stay valid. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u2010-\u2015\u2212\u30FC]/g, "-");
}

const patterns: { kind: PersonalDataKind; re: RegExp }[] = [
  { kind: "email", re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g },
  // 12 digits, optionally in groups of four: the shape of an individual number (マイナンバー).
  { kind: "myNumber", re: /(?<![0-9])[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])/g },
  // Japanese phone numbers: 0 then 9–10 digits, with hyphens, spaces or brackets between groups; or +81.
  { kind: "phone", re: /(?<![0-9])(?:\+81[ -]?|0)[0-9]{1,4}[ -]?\(?[0-9]{1,4}\)?[ -]?[0-9]{3,4}(?![0-9])/g },
  // A postal code (〒 optional).
  { kind: "postalAddress", re: /〒?[ ]?(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])/g },
  // A block address: 1丁目2番3号, 1丁目2-3, 2番地の5, or 1-2-3 after a place name.
  {
    kind: "postalAddress",
    re: /[0-9]+ ?丁目 ?(?:[0-9]+ ?(?:番地?|-) ?(?:の ?)?(?:[0-9]+ ?号?)?)?|[0-9]+ ?番地?(?:の ?[0-9]+|-[0-9]+)? ?(?:[0-9]+ ?号)?|(?<=[\u3040-\u30FF\u4E00-\u9FFF] ?)[0-9]+-[0-9]+(?:-[0-9]+)?/g,
  },
  // An address in English: "12 Kanda Street", "3-4-5 Jingumae".
  { kind: "postalAddress", re: /\b[0-9]+(?:-[0-9]+){0,2} [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Street|St|Road|Rd|Avenue|Ave|Lane|Dori|Chome)\b\.?/g },
];

/** Every piece of personal data in `text`, in order, without overlaps (the first and longest wins). */
export function findPersonalData(text: string): Finding[] {
  const normal = halfWidth(text);
  const found: Finding[] = [];
  for (const { kind, re } of patterns) {
    for (const match of normal.matchAll(re)) {
      const start = match.index;
      const end = start + match[0].trimEnd().length;
      if (end - start < 3) continue;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ kind, start, end, text: text.slice(start, end) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` with every finding replaced by MASK. */
export function maskPersonalData(text: string): string {
  let out = "";
  let at = 0;
  for (const finding of findPersonalData(text)) {
    out += text.slice(at, finding.start) + MASK;
    at = finding.end;
  }
  return out + text.slice(at);
}
