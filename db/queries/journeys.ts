// Journeys as stored: create, find the one in progress, save a new snapshot, mark submitted.
import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { preparedOnce } from "../prepared";
import { journeys } from "../schema";

export type JourneyRow = typeof journeys.$inferSelect;

export function createJourney(
  tx: Tx,
  input: { id: string; subjectId: string; actorId: string; lifeEventId: string; flowVersion: number; snapshot: unknown; at?: Date },
): JourneyRow {
  const at = (input.at ?? new Date()).toISOString();
  return tx
    .insert(journeys)
    .values({
      id: input.id,
      subjectId: input.subjectId,
      actorId: input.actorId,
      lifeEventId: input.lifeEventId,
      flowVersion: input.flowVersion,
      status: "inProgress",
      snapshot: JSON.stringify(input.snapshot),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
}

export function findJourneyInProgress(tx: Tx, { subjectId, lifeEventId }: { subjectId: string; lifeEventId: string }): JourneyRow | undefined {
  // Every question page reads it: built once.
  return preparedOnce(tx, findJourneyInProgress, () =>
    tx
      .select()
      .from(journeys)
      .where(and(eq(journeys.subjectId, sql.placeholder("subjectId")), eq(journeys.lifeEventId, sql.placeholder("lifeEventId")), eq(journeys.status, "inProgress")))
      .orderBy(desc(journeys.updatedAt))
      .prepare(),
  ).get({ subjectId, lifeEventId });
}

export function findJourney(tx: Tx, { id }: { id: string }) {
  return tx.select().from(journeys).where(eq(journeys.id, id)).get();
}

export function saveJourneySnapshot(tx: Tx, { id, snapshot, at = new Date() }: { id: string; snapshot: unknown; at?: Date }) {
  tx.update(journeys)
    .set({ snapshot: JSON.stringify(snapshot), updatedAt: at.toISOString() })
    .where(eq(journeys.id, id))
    .run();
}

export function setJourneySubmissionToken(tx: Tx, { id, token }: { id: string; token: string }) {
  tx.update(journeys).set({ submissionToken: token }).where(eq(journeys.id, id)).run();
}

export function markJourneySubmitted(tx: Tx, { id, caseId, at = new Date() }: { id: string; caseId: string; at?: Date }) {
  tx.update(journeys)
    .set({ status: "submitted", caseId, updatedAt: at.toISOString() })
    .where(eq(journeys.id, id))
    .run();
}

/** Journeys still in progress that were given a submission token (the consent page was shown). */
export function listJourneysInProgressWithToken(tx: Tx) {
  return tx
    .select()
    .from(journeys)
    .where(and(eq(journeys.status, "inProgress"), isNotNull(journeys.submissionToken)))
    .all();
}

/** How many journeys of a life event each flow version has, by status (the designers' versions page; no personal data). */
export function countJourneysByFlowVersion(tx: Tx, { lifeEventId }: { lifeEventId: string }) {
  return tx
    .select({ flowVersion: journeys.flowVersion, status: journeys.status, count: count() })
    .from(journeys)
    .where(eq(journeys.lifeEventId, lifeEventId))
    .groupBy(journeys.flowVersion, journeys.status)
    .all();
}
