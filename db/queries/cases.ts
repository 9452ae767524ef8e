// The SQL of cases, their procedure requests and status events. The rules (what may change, and when)
// live in app/cases/cases.server.ts; these functions only read and write rows, inside the caller's transaction.
import { and, asc, count, countDistinct, desc, eq, getTableColumns, inArray, like, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { insertReturning, insertRow, listPlaceholders, listValues, preparedOnce } from "../prepared";
import { cases, procedureEvents, procedureRequests } from "../schema";

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type ProcedureRequestRow = typeof procedureRequests.$inferSelect;
export type NewProcedureRequest = typeof procedureRequests.$inferInsert;
export type ProcedureEventRow = typeof procedureEvents.$inferSelect;

export function insertCase(tx: Tx, values: NewCase): CaseRow {
  return insertReturning(tx, cases, values);
}

export function findCaseBySubmissionToken(tx: Tx, { submissionToken }: { submissionToken: string }): CaseRow | undefined {
  return preparedOnce(tx, findCaseBySubmissionToken, () => tx.select().from(cases).where(eq(cases.submissionToken, sql.placeholder("token"))).prepare()).get({
    token: submissionToken,
  });
}

export function findCaseByReference(tx: Tx, { reference }: { reference: string }): CaseRow | undefined {
  return preparedOnce(tx, findCaseByReference, () => tx.select().from(cases).where(eq(cases.reference, sql.placeholder("reference"))).prepare()).get({ reference });
}

/** The cases about one person or company, newest first. */
export function listCasesForApplicant(tx: Tx, { applicantId }: { applicantId: string }): CaseRow[] {
  return tx.select().from(cases).where(eq(cases.applicantId, applicantId)).orderBy(desc(cases.createdAt)).all();
}

/** How many of the cases about one person or company have a procedure request in one of `statuses`. */
export function countCasesWithProcedureStatus(tx: Tx, { applicantId, statuses }: { applicantId: string; statuses: string[] }): number {
  if (statuses.length === 0) return 0;
  // Every signed-in page counts these (the header's "needs you"): built once for each length of the list.
  const row = preparedOnce(tx, `countCasesWithProcedureStatus.${statuses.length}`, () =>
    tx
      .select({ count: countDistinct(cases.id) })
      .from(cases)
      .innerJoin(procedureRequests, eq(procedureRequests.caseId, cases.id))
      .where(and(eq(cases.applicantId, sql.placeholder("applicantId")), inArray(procedureRequests.status, listPlaceholders("status", statuses.length))))
      .prepare(),
  ).get({ applicantId, ...listValues("status", statuses) });
  return row?.count ?? 0;
}

export function getCase(tx: Tx, { caseId }: { caseId: string }): CaseRow | undefined {
  return preparedOnce(tx, getCase, () => tx.select().from(cases).where(eq(cases.id, sql.placeholder("id"))).prepare()).get({ id: caseId });
}

/**
 * Writes a new snapshot only if nobody wrote one since `expectedVersion` was read (optimistic
 * concurrency, portable to PostgreSQL). Returns whether it wrote.
 */
export function updateCaseSnapshot(
  tx: Tx,
  args: { caseId: string; expectedVersion: number; snapshot: string; status: CaseRow["status"]; now: string },
): boolean {
  const update = preparedOnce(tx, updateCaseSnapshot, () =>
    tx
      .update(cases)
      .set({
        snapshot: sql`${sql.placeholder("snapshot")}`,
        status: sql`${sql.placeholder("status")}`,
        snapshotVersion: sql`${sql.placeholder("nextVersion")}`,
        updatedAt: sql`${sql.placeholder("now")}`,
      })
      .where(and(eq(cases.id, sql.placeholder("caseId")), eq(cases.snapshotVersion, sql.placeholder("expectedVersion"))))
      .prepare(),
  );
  const result = update.run({ ...args, nextVersion: args.expectedVersion + 1 });
  return result.changes === 1;
}

export function insertProcedureRequest(tx: Tx, values: NewProcedureRequest): ProcedureRequestRow {
  return insertReturning(tx, procedureRequests, values);
}

export function getProcedureRequest(tx: Tx, { procedureRequestId }: { procedureRequestId: string }): ProcedureRequestRow | undefined {
  return preparedOnce(tx, getProcedureRequest, () => tx.select().from(procedureRequests).where(eq(procedureRequests.id, sql.placeholder("id"))).prepare()).get({
    id: procedureRequestId,
  });
}

export function listProcedureRequestsForCase(tx: Tx, { caseId }: { caseId: string }): ProcedureRequestRow[] {
  return preparedOnce(tx, listProcedureRequestsForCase, () =>
    tx
      .select()
      .from(procedureRequests)
      .where(eq(procedureRequests.caseId, sql.placeholder("caseId")))
      .orderBy(asc(procedureRequests.createdAt), asc(procedureRequests.id))
      .prepare(),
  ).all({ caseId });
}

/** A procedure request without its payload and data items: what applying a case event compares and writes. */
export type ProcedureRequestProgressRow = Omit<ProcedureRequestRow, "payload" | "dataItems">;

/**
 * The requests of one case without their payloads (each several hundred bytes, sealed), oldest first: a case
 * event reads every request's progress, and needs a payload only for the one a prerequisite completes.
 */
export function listProcedureProgressForCase(tx: Tx, { caseId }: { caseId: string }): ProcedureRequestProgressRow[] {
  return preparedOnce(tx, listProcedureProgressForCase, () => {
    // Every column but the two large ones, so a new column is read without a change here.
    const { payload: _payload, dataItems: _dataItems, ...columns } = getTableColumns(procedureRequests);
    return tx
      .select(columns)
      .from(procedureRequests)
      .where(eq(procedureRequests.caseId, sql.placeholder("caseId")))
      .orderBy(asc(procedureRequests.createdAt), asc(procedureRequests.id))
      .prepare();
  }).all({ caseId });
}

/** One request's payload as stored (sealed JSON). */
export function getProcedureRequestPayload(tx: Tx, { procedureRequestId }: { procedureRequestId: string }): string | undefined {
  return preparedOnce(tx, getProcedureRequestPayload, () =>
    tx
      .select({ payload: procedureRequests.payload })
      .from(procedureRequests)
      .where(eq(procedureRequests.id, sql.placeholder("id")))
      .prepare(),
  ).get({ id: procedureRequestId })?.payload;
}

/** What the case machine decides about a procedure request: its status, progress fields and, when it changed, its payload. */
export type ProcedureRequestProgress = Required<
  Pick<NewProcedureRequest, "status" | "agencyReference" | "decisionReference" | "informationQuestion" | "informationAnswer" | "rejectionReason" | "closingReason" | "updatedAt">
> & { payload?: string };
const progressColumns = [
  "status",
  "agencyReference",
  "decisionReference",
  "informationQuestion",
  "informationAnswer",
  "rejectionReason",
  "closingReason",
  "updatedAt",
] as const satisfies (keyof ProcedureRequestProgress)[];

export function updateProcedureRequest(tx: Tx, { procedureRequestId, changes }: { procedureRequestId: string; changes: ProcedureRequestProgress }) {
  const columns = changes.payload === undefined ? progressColumns : [...progressColumns, "payload" as const];
  preparedOnce(tx, `updateProcedureRequest.${columns.length}`, () =>
    tx
      .update(procedureRequests)
      .set(Object.fromEntries(columns.map((column) => [column, sql`${sql.placeholder(column)}`])))
      .where(eq(procedureRequests.id, sql.placeholder("id")))
      .prepare(),
  ).run({ ...changes, id: procedureRequestId });
}

/** Replaces a procedure request's payload alone (a correction the person makes before it is sent again). */
export function updateProcedureRequestPayload(tx: Tx, { procedureRequestId, payload, updatedAt }: { procedureRequestId: string; payload: string; updatedAt: string }) {
  tx.update(procedureRequests).set({ payload, updatedAt }).where(eq(procedureRequests.id, procedureRequestId)).run();
}

export function insertProcedureEvent(tx: Tx, values: typeof procedureEvents.$inferInsert): void {
  insertRow(tx, procedureEvents, values);
}

/** The status events of every procedure request of one case, oldest first: one query for a status page. */
export function listProcedureEventsForCase(tx: Tx, { caseId }: { caseId: string }): Pick<ProcedureEventRow, "procedureRequestId" | "toStatus" | "at" | "detail">[] {
  return preparedOnce(tx, listProcedureEventsForCase, () =>
    tx
      .select({ procedureRequestId: procedureEvents.procedureRequestId, toStatus: procedureEvents.toStatus, at: procedureEvents.at, detail: procedureEvents.detail })
      .from(procedureEvents)
      // Through the requests' index (procedure_events has none on case_id).
      .where(inArray(procedureEvents.procedureRequestId, tx.select({ id: procedureRequests.id }).from(procedureRequests).where(eq(procedureRequests.caseId, sql.placeholder("caseId")))))
      .orderBy(asc(procedureEvents.id))
      .prepare(),
  ).all({ caseId });
}

/**
 * The latest correction of each of `procedureRequestIds` that the person corrected and sent again after a
 * rejection: when, and the names of the items changed (never their values). Requests never corrected are absent.
 * `supersedesInformation` says that no organisation's question came after it: the question and answer stored on
 * the request (if any) belong to the attempt before the correction, not to the one now being decided.
 */
export function findLatestCorrections(
  tx: Tx,
  { procedureRequestIds }: { procedureRequestIds: string[] },
): Map<string, { at: string; correctedItems: string[]; supersedesInformation: boolean }> {
  const corrections = new Map<string, { at: string; correctedItems: string[]; supersedesInformation: boolean }>();
  if (procedureRequestIds.length === 0) return corrections;
  // Built once for each number of requests (the inbox asks for a page of them at a time).
  const rows = preparedOnce(tx, `findLatestCorrections.${procedureRequestIds.length}`, () =>
    tx
      .select({ procedureRequestId: procedureEvents.procedureRequestId, toStatus: procedureEvents.toStatus, at: procedureEvents.at, detail: procedureEvents.detail })
      .from(procedureEvents)
      // A correction puts the rejected request back in the queue; a question is its own status (procedure_events_request_status_idx).
      .where(
        and(
          inArray(procedureEvents.procedureRequestId, listPlaceholders("id", procedureRequestIds.length)),
          or(eq(procedureEvents.toStatus, "informationRequested"), and(eq(procedureEvents.toStatus, "queued"), like(procedureEvents.detail, '%"citizen.resubmitted"%'))),
        ),
      )
      .orderBy(asc(procedureEvents.id))
      .prepare(),
  ).all(listValues("id", procedureRequestIds));
  for (const row of rows) {
    if (row.toStatus === "informationRequested") {
      const earlier = corrections.get(row.procedureRequestId);
      if (earlier) earlier.supersedesInformation = false;
      continue;
    }
    const detail = JSON.parse(row.detail) as { event?: string; correctedItems?: unknown };
    if (detail.event !== "citizen.resubmitted") continue;
    corrections.set(row.procedureRequestId, {
      at: row.at,
      correctedItems: Array.isArray(detail.correctedItems) ? detail.correctedItems.map(String) : [],
      supersedesInformation: true,
    });
  }
  return corrections;
}

export function listProcedureEvents(tx: Tx, { procedureRequestId }: { procedureRequestId: string }): ProcedureEventRow[] {
  return tx.select().from(procedureEvents).where(eq(procedureEvents.procedureRequestId, procedureRequestId)).orderBy(asc(procedureEvents.id)).all();
}

/** Procedure requests in one status whose last change is older than `updatedBefore` (ISO time), oldest first. */
export function listProcedureRequestsInStatus(tx: Tx, { status, updatedBefore, limit = 100 }: { status: string; updatedBefore: string; limit?: number }): ProcedureRequestRow[] {
  return tx
    .select()
    .from(procedureRequests)
    .where(and(eq(procedureRequests.status, status), lt(procedureRequests.updatedAt, updatedBefore)))
    .orderBy(asc(procedureRequests.updatedAt))
    .limit(limit)
    .all();
}

/** How many cases of a life event each flow version has (the designers' versions page; no personal data). */
export function countCasesByFlowVersion(tx: Tx, { lifeEventId }: { lifeEventId: string }) {
  return tx.select({ flowVersion: cases.flowVersion, count: count() }).from(cases).where(eq(cases.lifeEventId, lifeEventId)).groupBy(cases.flowVersion).all();
}
