// Agency names for pages such as "who used my data", from the flows' agency catalogue.
import { getAgency } from "../../flows";
import type { Language } from "./i18n/config";

/** The agency's name in `language`, or its id when the catalogue does not know it. */
export function agencyName(agencyId: string, language: Language): string {
  return getAgency(agencyId)?.name[language] ?? agencyId;
}
