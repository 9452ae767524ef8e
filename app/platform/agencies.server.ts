// Agency names for pages such as "who used my data". The catalogue lives in flows/agencies (built by the
// flows engineer); until that module is in this branch, the lookup falls back to the agency id.
import type { Language } from "./i18n/config";

type AgencyModule = { getAgency?: (id: string) => { name: Record<Language, string> } | undefined };

// import.meta.glob matches nothing (instead of failing the build) while flows/agencies does not exist yet.
const catalogue = Object.values(import.meta.glob<AgencyModule>("../../flows/agencies/index.ts", { eager: true }))[0];

/** The agency's name in `language`, or its id when the catalogue does not know it. */
export function agencyName(agencyId: string, language: Language): string {
  return catalogue?.getAgency?.(agencyId)?.name[language] ?? agencyId;
}
