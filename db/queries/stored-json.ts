// The columns that may hold identity numbers (journeys' snapshots, cases' answers and snapshots, procedure
// requests' payloads and decision references) and the record's rows, read and written as stored: for the start-up step that encrypts what an
// earlier version left in clear (app/identity/security/identity-numbers.server.ts).
import { eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../client.server";
import { cases, journeys, procedureRequests, recordAttributes } from "../schema";

export type StoredJsonColumn = { table: "journeys" | "cases" | "procedure_requests"; id: string; value: string };

export function listStoredJson(tx: Tx): StoredJsonColumn[] {
  return [
    ...tx.select({ id: journeys.id, value: journeys.snapshot }).from(journeys).all().map((row) => ({ table: "journeys" as const, ...row })),
    ...tx.select({ id: cases.id, value: cases.answers }).from(cases).all().map((row) => ({ table: "cases" as const, ...row })),
    ...tx.select({ id: procedureRequests.id, value: procedureRequests.payload }).from(procedureRequests).all().map((row) => ({ table: "procedure_requests" as const, ...row })),
  ];
}

export function updateStoredJson(tx: Tx, { table, id, value }: StoredJsonColumn) {
  if (table === "journeys") tx.update(journeys).set({ snapshot: value }).where(eq(journeys.id, id)).run();
  else if (table === "cases") tx.update(cases).set({ answers: value }).where(eq(cases.id, id)).run();
  else tx.update(procedureRequests).set({ payload: value }).where(eq(procedureRequests.id, id)).run();
}

/** Every case machine snapshot and every decision reference, as stored. */
export function listCaseSnapshotsAndReferences(tx: Tx) {
  return {
    snapshots: tx.select({ id: cases.id, snapshot: cases.snapshot }).from(cases).all(),
    references: tx
      .select({ id: procedureRequests.id, procedureId: procedureRequests.procedureId, decisionReference: procedureRequests.decisionReference })
      .from(procedureRequests)
      .where(isNotNull(procedureRequests.decisionReference))
      .all(),
  };
}

/** Rewrites a stored case snapshot in place (same version: only its encoding at rest changes). */
export function updateCaseSnapshotAtRest(tx: Tx, { id, snapshot }: { id: string; snapshot: string }) {
  tx.update(cases).set({ snapshot }).where(eq(cases.id, id)).run();
}

export function updateDecisionReferenceAtRest(tx: Tx, { id, decisionReference }: { id: string; decisionReference: string }) {
  tx.update(procedureRequests).set({ decisionReference }).where(eq(procedureRequests.id, id)).run();
}

/** The record's rows (current and superseded) of some attributes, their values as stored (JSON). */
export function listRecordRowsWithKeys(tx: Tx, { keys }: { keys: readonly string[] }) {
  return tx
    .select({ id: recordAttributes.id, subjectId: recordAttributes.subjectId, key: recordAttributes.key, value: recordAttributes.value })
    .from(recordAttributes)
    .where(inArray(recordAttributes.key, [...keys]))
    .all();
}

export function updateRecordRowValue(tx: Tx, { id, value }: { id: number; value: string }) {
  tx.update(recordAttributes).set({ value }).where(eq(recordAttributes.id, id)).run();
}
