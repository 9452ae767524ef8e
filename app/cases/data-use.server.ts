// "Who used my data": the audit entries about one person or company, turned into rows a person can read
// (which organisation or person, what they did, for what purpose, when).
import type { Tx } from "../../db/client.server";
import { listAuditEntriesForDataSubject } from "../../db/queries/audit";
import { getUserById } from "../../db/queries/users";
import { getLifeEvent, getProcedure } from "../../flows";
import { agencyName } from "../platform/agencies.server";
import type { Language } from "../platform/i18n/config";

export type DataUseRow = {
  id: number;
  at: string;
  /** An agency's name, a person's name (someone who acted for them), or null for the portal itself. */
  who: string | null;
  whoKind: "agency" | "person" | "portal";
  /** The audit log's own code (e.g. record.read), for tests and machines; people read `what`. */
  action: string;
  /** What was done: a key under auth:dataUse.actions. */
  what: string;
  /** Why: a key under auth:dataUse.purposes, with the procedure's or life event's name where it has one. */
  purpose: { key: string; procedure?: string; lifeEventId?: string } | null;
};

/** Each audit action a person may see, as the key of its words (every other action reads "used the data"). */
const actionWords: Record<string, string> = {
  "record.read": "read",
  "record.written": "written",
  "case.submitted": "submitted",
  "consent.given": "consented",
  "subject.acting-for": "actingFor",
  "procedure.sent": "sent",
  "procedure.delivery.started": "sending",
  "procedure.delivery.succeeded": "sent",
  "procedure.delivery.failed": "sendFailed",
  "procedure.operator.retried": "sending",
  "procedure.agency.accepted": "accepted",
  "procedure.agency.rejected": "rejected",
  "procedure.agency.informationRequested": "askedQuestion",
  "procedure.citizen.answered": "answered",
  "procedure.citizen.resubmitted": "resubmitted",
};

/** The portal's own purposes, as the key of their words. */
const purposeWords: Record<string, string> = {
  "acting-for": "actingFor",
  "data-use-log": "dataUseLog",
  procedure: "procedure",
  "case.status": "caseStatus",
  "case.list": "caseList",
  "record.view": "recordView",
};

function purposeOf(purpose: string | null, language: Language): DataUseRow["purpose"] {
  if (!purpose) return null;
  if (purposeWords[purpose]) return { key: purposeWords[purpose] };
  const procedure = getProcedure(purpose);
  if (procedure) return { key: "forProcedure", procedure: procedure.name[language] };
  const prefill = /^prefill:(.+)$/.exec(purpose);
  if (prefill && getLifeEvent(prefill[1])) return { key: "prefill", lifeEventId: prefill[1] };
  if (getLifeEvent(purpose)) return { key: "forLifeEvent", lifeEventId: purpose };
  return { key: "other" };
}

export function listDataUse(tx: Tx, { dataSubjectId, language }: { dataSubjectId: string; language: Language }): DataUseRow[] {
  return listAuditEntriesForDataSubject(tx, { dataSubjectId }).map((entry) => {
    const described = { id: entry.id, at: entry.at, action: entry.action, what: actionWords[entry.action] ?? "other", purpose: purposeOf(entry.purpose, language) };
    const agencyId = entry.agencyId ?? (entry.actor.startsWith("agency:") ? entry.actor.slice("agency:".length) : null);
    if (agencyId) return { ...described, who: agencyName(agencyId, language), whoKind: "agency" };
    const user = entry.actor.startsWith("system:") ? undefined : getUserById(tx, { userId: entry.actor.replace(/^user:/, "") });
    return user ? { ...described, who: user.displayName, whoKind: "person" } : { ...described, who: null, whoKind: "portal" };
  });
}
