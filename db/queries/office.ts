// The back office's reads: one agency's procedure requests, never another's. Every function takes the
// officer's agencyId and filters by it in SQL, so a forgotten check in a route cannot widen what is read.
import { and, asc, count, eq, exists, gte, inArray, lt, lte, notInArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Tx } from "../client.server";
import { listPlaceholders, listValues, preparedOnce } from "../prepared";
import { cases, procedureEvents, procedureRequests } from "../schema";
import type { CaseRow, ProcedureRequestRow } from "./cases";

/** The procedure request has an event into `status` (procedure_events_request_status_idx answers it from the index). */
function hasEvent(tx: Tx, status: string): SQL {
  return exists(
    tx
      .select({ one: sql`1` })
      .from(procedureEvents)
      .where(and(eq(procedureEvents.procedureRequestId, procedureRequests.id), eq(procedureEvents.toStatus, status))),
  );
}

/**
 * An agency sees a procedure request once it has been delivered to it at least once: a request still
 * waiting for a prerequisite (or cancelled before delivery) was never sent, so its data is not theirs.
 */
function receivedBy(tx: Tx, agencyId: string | Placeholder): SQL {
  return and(eq(procedureRequests.agencyId, agencyId), hasEvent(tx, "delivered"))!;
}

export type InboxFilter = {
  agencyId: string;
  /** Only these statuses (undefined: every status). Prefer a list to `excludeStatuses`: an index serves a list. */
  statuses?: string[];
  /** Leave out these statuses (e.g. the final ones, for "open work"). */
  excludeStatuses?: string[];
  /** Deadline on or after this ISO date. */
  deadlineFrom?: string;
  /** Deadline on or before this ISO date. */
  deadlineTo?: string;
  /** Deadline strictly before this ISO date. */
  deadlineBefore?: string;
  /** At most this many (default `inboxListLimit`). */
  limit?: number;
};

/** How many requests the inbox lists at most. */
export const inboxListLimit = 500;

export type InboxRow = Pick<ProcedureRequestRow, "id" | "procedureId" | "status" | "deadline" | "informationAnswer" | "createdAt"> & {
  caseReference: string;
  /**
   * Rejected at least once. Only such a request can have been corrected and sent again (the case machine takes
   * a correction only in "rejected"), so the inbox asks for corrections of these alone. Read from the index of
   * the request's events, not from its rows.
   */
  rejectedBefore: boolean;
};

/** One agency's received procedure requests, by deadline (none last), then by arrival: the columns the inbox shows. No personal data. */
export function listInboxRequests(tx: Tx, filter: InboxFilter): InboxRow[] {
  // No status at all can match an empty list.
  if (filter.statuses && filter.statuses.length === 0) return [];
  const { statuses, excludeStatuses, deadlineFrom, deadlineTo, deadlineBefore } = filter;
  // Built once for each shape of filter (which conditions, how many statuses), bound with the filter's values.
  const shape = [statuses?.length ?? "all", excludeStatuses?.length ?? 0, deadlineFrom ? 1 : 0, deadlineTo ? 1 : 0, deadlineBefore ? 1 : 0].join(".");
  const query = preparedOnce(tx, `inbox.list.${shape}`, () => {
    const conditions: SQL[] = [receivedBy(tx, sql.placeholder("agencyId"))];
    if (statuses) conditions.push(inArray(procedureRequests.status, listPlaceholders("status", statuses.length)));
    if (excludeStatuses?.length) conditions.push(notInArray(procedureRequests.status, listPlaceholders("excluded", excludeStatuses.length)));
    if (deadlineFrom) conditions.push(gte(procedureRequests.deadline, sql.placeholder("deadlineFrom")));
    if (deadlineTo) conditions.push(lte(procedureRequests.deadline, sql.placeholder("deadlineTo")));
    if (deadlineBefore) conditions.push(lt(procedureRequests.deadline, sql.placeholder("deadlineBefore")));
    return tx
      .select({
        id: procedureRequests.id,
        procedureId: procedureRequests.procedureId,
        status: procedureRequests.status,
        deadline: procedureRequests.deadline,
        informationAnswer: procedureRequests.informationAnswer,
        createdAt: procedureRequests.createdAt,
        caseReference: cases.reference,
        rejectedBefore: sql<boolean>`${hasEvent(tx, "rejected")}`.mapWith((value) => value === 1),
      })
      .from(procedureRequests)
      .innerJoin(cases, eq(cases.id, procedureRequests.caseId))
      .where(and(...conditions))
      .orderBy(asc(sql`case when ${procedureRequests.deadline} is null then 1 else 0 end`), asc(procedureRequests.deadline), asc(procedureRequests.createdAt), asc(procedureRequests.id))
      .limit(sql.placeholder("limit"))
      .prepare();
  });
  return query.all({
    agencyId: filter.agencyId,
    ...listValues("status", statuses ?? []),
    ...listValues("excluded", excludeStatuses ?? []),
    deadlineFrom,
    deadlineTo,
    deadlineBefore,
    limit: filter.limit ?? inboxListLimit,
  });
}

/**
 * How many received requests the agency has in each of `afterDelivery` and `otherStatuses` (together: every
 * status there is). `afterDelivery` names the statuses a request only reaches once delivered (decided,
 * delivered, asked): those are counted from the index alone, without asking each row's history whether it
 * was delivered, which at a million requests was most of the inbox's time. Lists, not NOT IN: an index
 * serves a list.
 */
export function countInboxRequestsByStatus(
  tx: Tx,
  { agencyId, afterDelivery, otherStatuses }: { agencyId: string; afterDelivery: string[]; otherStatuses: string[] },
): Record<string, number> {
  // Each built once for each length of its list.
  const byStatus = (key: string, where: () => SQL, statuses: string[]) =>
    preparedOnce(tx, `inbox.${key}.${statuses.length}`, () =>
      tx.select({ status: procedureRequests.status, count: count() }).from(procedureRequests).where(where()).groupBy(procedureRequests.status).prepare(),
    ).all({ agencyId, ...listValues("status", statuses) });
  const rows = [
    ...(afterDelivery.length
      ? byStatus("countAfterDelivery", () => and(eq(procedureRequests.agencyId, sql.placeholder("agencyId")), inArray(procedureRequests.status, listPlaceholders("status", afterDelivery.length)))!, afterDelivery)
      : []),
    ...(otherStatuses.length
      ? byStatus("countOther", () => and(receivedBy(tx, sql.placeholder("agencyId")), inArray(procedureRequests.status, listPlaceholders("status", otherStatuses.length)))!, otherStatuses)
      : []),
  ];
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** How many received requests in one of `openStatuses` are past their deadline (before `today`). */
export function countOverdueInboxRequests(tx: Tx, { agencyId, today, openStatuses }: { agencyId: string; today: string; openStatuses: string[] }): number {
  if (openStatuses.length === 0) return 0;
  return (
    preparedOnce(tx, `inbox.countOverdue.${openStatuses.length}`, () =>
      tx
        .select({ count: count() })
        .from(procedureRequests)
        .where(and(receivedBy(tx, sql.placeholder("agencyId")), lt(procedureRequests.deadline, sql.placeholder("today")), inArray(procedureRequests.status, listPlaceholders("status", openStatuses.length))))
        .prepare(),
    ).get({ agencyId, today, ...listValues("status", openStatuses) })?.count ?? 0
  );
}

/**
 * One procedure request and its case, only if it belongs to `agencyId` and was delivered to it. Anything
 * else (another agency's, not yet sent, unknown) is undefined, so callers answer all of them alike.
 */
export function findInboxRequest(
  tx: Tx,
  { agencyId, procedureRequestId }: { agencyId: string; procedureRequestId: string },
): { request: ProcedureRequestRow; kase: CaseRow } | undefined {
  const row = tx
    .select({ request: procedureRequests, kase: cases })
    .from(procedureRequests)
    .innerJoin(cases, eq(cases.id, procedureRequests.caseId))
    .where(and(eq(procedureRequests.id, procedureRequestId), receivedBy(tx, agencyId)))
    .get();
  return row ?? undefined;
}
