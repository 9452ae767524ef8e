// The satisfaction question's answers: one per case and moment (after submitting, when the case ends).
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client.server";
import { satisfactionResponses } from "../schema";

export type SatisfactionMoment = (typeof satisfactionResponses.$inferSelect)["moment"];

export function findSatisfaction(tx: Tx, { caseId, moment }: { caseId: string; moment: SatisfactionMoment }) {
  return tx
    .select()
    .from(satisfactionResponses)
    .where(and(eq(satisfactionResponses.caseId, caseId), eq(satisfactionResponses.moment, moment)))
    .get();
}

/** Stores an answer; false when this case already has one for this moment (answered once). */
export function insertSatisfaction(tx: Tx, values: typeof satisfactionResponses.$inferInsert): boolean {
  return tx.insert(satisfactionResponses).values(values).onConflictDoNothing().run().changes === 1;
}
