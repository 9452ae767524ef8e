// Routing: which office serves an address. Procedures use these functions to resolve their agency
// from the answers, so a new municipality or office is a table row, not a change to a procedure.
import type { Address } from "../lib/types";
import { getMunicipality, municipalityAgencyId } from "./municipalities";
import { getPrefecture } from "./prefectures";
import { banks, electricityCompanies, gasCompanies, telecomCompanies, type BankId } from "./private-companies";
import {
  helloWorkFallbackId,
  labourStandardsFallbackId,
  lightVehicleOfficeId,
  legalAffairsBureauId,
  notaryOfficeId,
  policeId,
  prefecturalTaxOfficeId,
  taxOfficeFallbackId,
  tokyoWaterworks,
  transportBureauId,
} from "./public-bodies";

type Located = Pick<Address, "municipalityCode">;

const prefectureCodeOf = (address: Located) => address.municipalityCode.slice(0, 2);

function prefectureOf(address: Located) {
  const prefecture = getPrefecture(prefectureCodeOf(address));
  if (!prefecture) throw new Error(`No prefecture for local government code ${address.municipalityCode}`);
  return prefecture;
}

/** The municipality (ward office for designated cities) where the address is registered. */
export function municipalityFor(address: Located): string {
  return municipalityAgencyId(address.municipalityCode);
}

export function sameMunicipality(a: Located, b: Located): boolean {
  return a.municipalityCode === b.municipalityCode;
}

/** Tokyo's 23 wards levy municipal corporate tax through the Metropolis, so they take no municipal notification. */
export function isTokyoSpecialWard(address: Located): boolean {
  const code = Number(address.municipalityCode);
  return code >= 13101 && code <= 13123;
}

export function prefecturalPoliceFor(address: Located): string {
  return policeId(prefectureOf(address).code);
}

export function transportBureauFor(address: Located): string {
  return transportBureauId(prefectureOf(address).code);
}

/** Kei cars are inspected and recorded by the Light Motor Vehicle Inspection Organization's office of the prefecture. */
export function lightVehicleOfficeFor(address: Located): string {
  return lightVehicleOfficeId(prefectureOf(address).code);
}

export function legalAffairsBureauFor(address: Located): string {
  return legalAffairsBureauId(prefectureOf(address).code);
}

/** The articles are certified by a notary in the district of the Legal Affairs Bureau of the head office. */
export function notaryOfficeFor(address: Located): string {
  return notaryOfficeId(prefectureOf(address).code);
}

const taxOffices: Record<string, string> = { "13101": "tax-office-kojimachi", "13104": "tax-office-yotsuya", "13113": "tax-office-shibuya" };
const labourStandardsOffices: Record<string, string> = { "13101": "labour-standards-chuo", "13102": "labour-standards-chuo", "13105": "labour-standards-chuo" };
const helloWorkOffices: Record<string, string> = { "13101": "hello-work-iidabashi", "13102": "hello-work-iidabashi", "13105": "hello-work-iidabashi" };

export function taxOfficeFor(address: Located): string {
  return taxOffices[address.municipalityCode] ?? taxOfficeFallbackId(prefectureOf(address).code);
}

export function prefecturalTaxOfficeFor(address: Located): string {
  return prefecturalTaxOfficeId(prefectureOf(address).code);
}

export function labourStandardsOfficeFor(address: Located): string {
  return labourStandardsOffices[address.municipalityCode] ?? labourStandardsFallbackId(prefectureOf(address).code);
}

export function helloWorkFor(address: Located): string {
  return helloWorkOffices[address.municipalityCode] ?? helloWorkFallbackId(prefectureOf(address).code);
}

/** Tokyo's Bureau of Waterworks serves the Metropolis; elsewhere the city runs the waterworks (city-wide for designated cities). */
export function waterworksFor(address: Located): string {
  if (prefectureCodeOf(address) === "13") return tokyoWaterworks.id;
  const municipality = getMunicipality(address.municipalityCode);
  return municipalityAgencyId(municipality?.cityCode ?? address.municipalityCode);
}

/** The regional electricity company of the area (the default retailer). */
export function electricityCompanyFor(address: Located): string {
  return electricityCompanies[prefectureOf(address).electricity].id;
}

export function gasCompanyFor(address: Located): string {
  return gasCompanies[prefectureOf(address).gas ?? "local"].id;
}

export function telecomCompanyFor(address: Located): string {
  return telecomCompanies[prefectureOf(address).ntt].id;
}

export function bankAgencyId(bank: BankId): string {
  return banks[bank].id;
}
