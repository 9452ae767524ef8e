// An agency is an organisation that handles procedures. Its channel says how a procedure reaches it:
// an officer's inbox in the portal, or the agency's own system over HTTP.
import type { Text } from "./types";

export type AgencyKind = "national" | "prefectural" | "municipal" | "private";
export type Channel = "inbox" | "http";
export type Sector = "public" | "private";

export type Agency = {
  id: string;
  name: Text;
  kind: AgencyKind;
  /** The ministry a public body answers to, or the industry of a private company. */
  sector: Text;
  channel: Channel;
  /** 2-digit prefecture code, for bodies that serve one prefecture or municipality. */
  prefectureCode?: string;
  /** 5-digit local government code, for municipalities. */
  municipalityCode?: string;
};

const agencyIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defineAgency(agency: Agency): Agency {
  if (!agencyIdPattern.test(agency.id)) throw new Error(`Agency id must be kebab-case: ${agency.id}`);
  if (!agency.name.ja || !agency.name.en) throw new Error(`Agency ${agency.id} needs a name in ja and en`);
  return Object.freeze({ ...agency });
}

export function sectorOf(agency: Pick<Agency, "kind">): Sector {
  return agency.kind === "private" ? "private" : "public";
}
