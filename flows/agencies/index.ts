// The agency catalogue: every organisation a procedure can reach, looked up by id.
import type { Agency } from "../lib/agency";
import { fallbackMunicipalityAgency, municipalityAgencies } from "./municipalities";
import { privateCompanies } from "./private-companies";
import { publicBodies } from "./public-bodies";
import { registrationOffices } from "./registration-offices";

const agencies: Agency[] = [...municipalityAgencies, ...publicBodies, ...registrationOffices, ...privateCompanies];
const byId = new Map(agencies.map((agency) => [agency.id, agency]));
if (byId.size !== agencies.length) throw new Error("Two agencies share an id");

export function listAgencies(): Agency[] {
  return [...agencies];
}

/** Includes `municipality-XXXXX` for every valid local government code, listed or not. */
export function getAgency(id: string): Agency | undefined {
  const known = byId.get(id);
  if (known) return known;
  const match = /^municipality-((0[1-9]|[1-3]\d|4[0-7])\d{3})$/.exec(id);
  return match ? fallbackMunicipalityAgency(match[1]) : undefined;
}

export * from "./routing";
export { plateNameFor, plateNameOf, platesChange, registrationOfficeFor } from "./registration-offices";
export { policeStationFor, type PoliceStation } from "./police-stations";
export { keiParkingAreaOf, keiParkingAreaRule, keiParkingNotificationRequired, type KeiParkingArea } from "./parking-areas";
export { getMunicipality, listMunicipalities, type Municipality } from "./municipalities";
export { getPrefecture, prefectures } from "./prefectures";
export { banks, bankIds, japanPost, type BankId } from "./private-companies";
export { japanPensionService, tokyoWaterworks } from "./public-bodies";
