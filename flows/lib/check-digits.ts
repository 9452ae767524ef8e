// Check digits of the two national numbers Madoguchi handles, as their ordinances define them, so a
// mistyped or invented number is refused before any organisation sees it.

const digitsOf = (value: string, length: number): number[] | null => (new RegExp(`^\\d{${length}}$`).test(value) ? [...value].map(Number) : null);

/**
 * The check digit of a corporate number (法人番号): the first of its 13 digits. For the 12-digit base
 * P12…P1 (P1 the lowest digit), Q = 1 at odd n and 2 at even n; check = 9 − (Σ Pn × Qn mod 9).
 * 法人番号の指定等に関する省令 第2条.
 */
export function corporateCheckDigit(base12: string): number {
  const digits = digitsOf(base12, 12);
  if (!digits) throw new Error("A corporate number's base has 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += digits[12 - n] * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(value: string): boolean {
  const digits = digitsOf(value, 13);
  return digits !== null && digits[0] === corporateCheckDigit(value.slice(1));
}

/** A 12-digit base with its check digit in front: a valid 13-digit corporate number. */
export function withCorporateCheckDigit(base12: string): string {
  return `${corporateCheckDigit(base12)}${base12}`;
}

/**
 * The check digit of an Individual Number (個人番号, My Number): the last of its 12 digits. For the 11
 * digits P11…P1 (P1 the lowest), Q = n + 1 for n ≤ 6 and n − 5 for n ≥ 7; r = Σ Pn × Qn mod 11;
 * check = 0 when r ≤ 1, else 11 − r. 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条.
 */
export function individualCheckDigit(base11: string): number {
  const digits = digitsOf(base11, 11);
  if (!digits) throw new Error("An Individual Number's base has 11 digits");
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += digits[11 - n] * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function isValidIndividualNumber(value: string): boolean {
  const digits = digitsOf(value, 12);
  return digits !== null && digits[11] === individualCheckDigit(value.slice(0, 11));
}

export function withIndividualCheckDigit(base11: string): string {
  return `${base11}${individualCheckDigit(base11)}`;
}
