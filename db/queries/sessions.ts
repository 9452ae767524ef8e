// Server-side sessions: one row per signed-in browser, found by the SHA-256 of the cookie's token.
import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { preparedOnce } from "../prepared";
import { sessions } from "../schema";

export type SessionRow = typeof sessions.$inferSelect;

export function createSessionRow(tx: Tx, values: typeof sessions.$inferInsert): SessionRow {
  return tx.insert(sessions).values(values).returning().get();
}

export function getSessionRow(tx: Tx, { sessionId }: { sessionId: string }): SessionRow | undefined {
  // Every signed-in request reads its session: built once (db/prepared.ts).
  return preparedOnce(tx, getSessionRow, () => tx.select().from(sessions).where(eq(sessions.id, sql.placeholder("id"))).prepare()).get({ id: sessionId });
}

export function touchSessionRow(tx: Tx, { sessionId, at }: { sessionId: string; at: string }) {
  tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId)).run();
}

export function deleteSessionRow(tx: Tx, { sessionId }: { sessionId: string }) {
  tx.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function listSessionRows(tx: Tx, { userId }: { userId: string }): SessionRow[] {
  return tx.select().from(sessions).where(eq(sessions.userId, userId)).all();
}

/** Ends every session of a user, or every one but `exceptSessionId`. Returns how many ended. */
export function deleteSessionRowsOfUser(tx: Tx, { userId, exceptSessionId }: { userId: string; exceptSessionId?: string }): number {
  const where = exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId);
  return tx.delete(sessions).where(where).run().changes;
}

/** Removes sessions that ended by time: idle since before `idleBefore`, or past their absolute end. */
export function deleteExpiredSessionRows(tx: Tx, { now, idleBefore }: { now: string; idleBefore: string }): number {
  return tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .run().changes;
}
