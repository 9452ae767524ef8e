// Fixed-window counters for rate limits and lockouts, in the database so that every server sees them.
import { eq } from "drizzle-orm";
import type { Tx } from "../client.server";
import { rateLimits } from "../schema";

export type RateLimitRow = typeof rateLimits.$inferSelect;

export function getRateLimit(tx: Tx, { key }: { key: string }): RateLimitRow | undefined {
  return tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
}

export function upsertRateLimit(tx: Tx, row: RateLimitRow) {
  tx.insert(rateLimits)
    .values(row)
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: row.count, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil } })
    .run();
}

export function deleteRateLimit(tx: Tx, { key }: { key: string }) {
  tx.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}
