// "Who used my data": the audit entries about one person or company, turned into rows a person can read
// (which organisation or person, what they did, for what purpose, when).
import type { Tx } from "../../db/client.server";
import { listAuditEntriesForDataSubject } from "../../db/queries/audit";
import { getUserById } from "../../db/queries/users";
import { agencyName } from "../platform/agencies.server";
import type { Language } from "../platform/i18n/config";

export type DataUseRow = {
  id: number;
  at: string;
  /** An agency's name, a person's name (someone who acted for them), or null for the portal itself. */
  who: string | null;
  whoKind: "agency" | "person" | "portal";
  action: string;
  purpose: string | null;
};

export function listDataUse(tx: Tx, { dataSubjectId, language }: { dataSubjectId: string; language: Language }): DataUseRow[] {
  return listAuditEntriesForDataSubject(tx, { dataSubjectId }).map((entry) => {
    const agencyId = entry.agencyId ?? (entry.actor.startsWith("agency:") ? entry.actor.slice("agency:".length) : null);
    if (agencyId) return { id: entry.id, at: entry.at, who: agencyName(agencyId, language), whoKind: "agency", action: entry.action, purpose: entry.purpose };
    const user = entry.actor.startsWith("system:") ? undefined : getUserById(tx, { userId: entry.actor });
    return user
      ? { id: entry.id, at: entry.at, who: user.displayName, whoKind: "person", action: entry.action, purpose: entry.purpose }
      : { id: entry.id, at: entry.at, who: null, whoKind: "portal", action: entry.action, purpose: entry.purpose };
  });
}
