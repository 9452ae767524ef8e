// Cases for the staff stories, written into the portal's own database file as the check-answers page would
// (independent of the journey pages), and waiting until the portal's dispatcher has moved them on.
import { expect } from "vitest";
import { submitCase } from "../../../app/cases/cases.server";
import type { Db } from "../../../db/client.server";
import { getProcedureRequest, listProcedureRequestsForCase } from "../../../db/queries/cases";
import { sampleSubmission } from "../../factories";

/** Submits a demo person's move (the sample answers), as they would on the check-answers page. */
export function submitMove(db: Db, personId: string) {
  const submission = sampleSubmission("relocation", personId);
  // Filed by the person on the portal's test day (MADOGUCHI_TEST_TODAY), as the journey's submit files it.
  const filing = { date: "2026-03-01", by: { kind: "self" as const } };
  return submitCase(db, { ...submission, filing, actorId: `u-${personId.slice(2)}`, consent: { ...submission.consent, lang: "ja" } });
}

/** The case's procedure request for one procedure. */
export const requestOf = (db: Db, caseId: string, procedureId: string) => listProcedureRequestsForCase(db, { caseId }).find((r) => r.procedureId === procedureId)!;

export const statusOf = (db: Db, procedureRequestId: string) => getProcedureRequest(db, { procedureRequestId })?.status;

/** Waits until the procedure request has the status (the limit only stops a story that hangs). */
export async function waitForStatus(db: Db, procedureRequestId: string, status: string) {
  await expect.poll(() => statusOf(db, procedureRequestId), { timeout: 240_000, interval: 100 }).toBe(status);
}

/** Waits until the procedure request has left the delivery queue, and returns where it went. */
export async function waitUntilSent(db: Db, procedureRequestId: string) {
  await expect.poll(() => statusOf(db, procedureRequestId), { timeout: 240_000, interval: 100 }).not.toMatch(/^(queued|delivering|retrying)$/);
  return statusOf(db, procedureRequestId);
}
