// The evaluation's reads: rows without any personal data (no answers, payloads or names), filtered in SQL by
// period and by life event, procedure and organisation. The figures are computed from them in app/evaluation.
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client.server";
import { cases, ideas, journeys, outbox, procedureEvents, procedureRequests, satisfactionResponses } from "../schema";

export type EvaluationScope = {
  /** Submissions from this instant (inclusive) to that one (exclusive), ISO. */
  from: string;
  to: string;
  lifeEventId?: string;
  procedureId?: string;
  /** Only these organisations (an organisation, or every organisation of a ministry). */
  agencyIds?: string[];
};

function requestWhere(scope: EvaluationScope): SQL {
  const where: SQL[] = [gte(cases.createdAt, scope.from), lt(cases.createdAt, scope.to)];
  if (scope.lifeEventId) where.push(eq(cases.lifeEventId, scope.lifeEventId));
  if (scope.procedureId) where.push(eq(procedureRequests.procedureId, scope.procedureId));
  if (scope.agencyIds) where.push(scope.agencyIds.length ? inArray(procedureRequests.agencyId, scope.agencyIds) : sql`0 = 1`);
  return and(...where)!;
}

/** One row per procedure request in scope, with its case's submission time and its first decision. */
export function listRequestFacts(tx: Tx, scope: EvaluationScope) {
  const decided = sql<string | null>`(select min(${procedureEvents.at}) from ${procedureEvents} where ${procedureEvents.procedureRequestId} = ${procedureRequests.id} and ${procedureEvents.toStatus} in ('accepted', 'rejected'))`;
  // A dead letter still waiting for an operator, or one an operator has since closed: both failed to deliver.
  const dead = sql<number>`(select count(*) from ${outbox} where ${outbox.procedureRequestId} = ${procedureRequests.id} and ${outbox.status} in ('dead', 'closed'))`;
  return tx
    .select({
      caseId: cases.id,
      lifeEventId: cases.lifeEventId,
      submittedAt: cases.createdAt,
      procedureId: procedureRequests.procedureId,
      agencyId: procedureRequests.agencyId,
      status: procedureRequests.status,
      deadline: procedureRequests.deadline,
      rejectionReason: procedureRequests.rejectionReason,
      // The keys of the items sent (no values): how many the procedure needed.
      dataItems: procedureRequests.dataItems,
      itemsTyped: procedureRequests.itemsTyped,
      decidedAt: decided,
      deadLetters: dead,
    })
    .from(procedureRequests)
    .innerJoin(cases, eq(cases.id, procedureRequests.caseId))
    .where(requestWhere(scope))
    .all();
}

/** Journeys started in the period (for a life event), with whether they were submitted and, if not, their snapshot. */
export function listJourneyFacts(tx: Tx, scope: Pick<EvaluationScope, "from" | "to" | "lifeEventId">) {
  const where: SQL[] = [gte(journeys.createdAt, scope.from), lt(journeys.createdAt, scope.to)];
  if (scope.lifeEventId) where.push(eq(journeys.lifeEventId, scope.lifeEventId));
  return tx
    .select({
      lifeEventId: journeys.lifeEventId,
      status: journeys.status,
      startedAt: journeys.createdAt,
      // Only unfinished journeys' snapshots are read: where they stopped is the drop-off question.
      snapshot: sql<string | null>`case when ${journeys.status} = 'submitted' then null else ${journeys.snapshot} end`,
    })
    .from(journeys)
    .where(and(...where))
    .all();
}

/** Satisfaction ratings of cases in scope (a case counts when one of its procedure requests is in scope). */
export function listSatisfactionFacts(tx: Tx, scope: EvaluationScope) {
  const inScope = tx.select({ id: cases.id }).from(procedureRequests).innerJoin(cases, eq(cases.id, procedureRequests.caseId)).where(requestWhere(scope));
  return tx
    .select({ rating: satisfactionResponses.rating, moment: satisfactionResponses.moment, at: satisfactionResponses.createdAt })
    .from(satisfactionResponses)
    .where(inArray(satisfactionResponses.caseId, inScope))
    .all();
}

/** Ideas posted in the period, with whether each has been answered. */
export function listIdeaFacts(tx: Tx, scope: Pick<EvaluationScope, "from" | "to" | "lifeEventId" | "procedureId">) {
  const where: SQL[] = [gte(ideas.createdAt, scope.from), lt(ideas.createdAt, scope.to)];
  if (scope.lifeEventId) where.push(eq(ideas.lifeEventId, scope.lifeEventId));
  if (scope.procedureId) where.push(eq(ideas.procedureId, scope.procedureId));
  return tx
    .select({
      status: ideas.status,
      createdAt: ideas.createdAt,
      // Written out qualified: Drizzle leaves column names unqualified in a one-table select, which a correlated
      // sub-select would read as its own columns.
      answered: sql<number>`(select count(*) from idea_events e where e.idea_id = ideas.id and e.kind = 'answered')`,
    })
    .from(ideas)
    .where(and(...where))
    .all();
}

/** The organisations that have had a procedure request, for the filter's list. */
export function listAgencyIdsInUse(tx: Tx): string[] {
  return tx
    .select({ id: procedureRequests.agencyId })
    .from(procedureRequests)
    .groupBy(procedureRequests.agencyId)
    .all()
    .map((row) => row.id);
}
