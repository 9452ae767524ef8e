// Rate limits and brute-force lockout, counted in the database (several servers share the counters).
import { data } from "@remix-run/node";
import type { Tx } from "../../../db/client.server";
import { deleteRateLimit, getRateLimit, upsertRateLimit } from "../../../db/queries/rate-limits";

/**
 * `limit` events per fixed window of `windowMs`. With `lockMs`, reaching the limit locks the key; with
 * `lockGrowth`, each further event while counting multiplies the lock (growing delays), up to `maxLockMs`.
 */
export type RateLimitPolicy = { limit: number; windowMs: number; lockMs?: number; lockGrowth?: number; maxLockMs?: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAt: Date };

/** Sign-in attempts (password or passkey) from one IP address, any accounts: password spraying. */
export const signInPerIp: RateLimitPolicy = { limit: 30, windowMs: 15 * 60_000 };
/**
 * Wrong passwords for one account from one IP address: after 5, a lock of 1 minute that doubles with each
 * further failure (up to an hour). Per pair, so nobody can lock another person out from their own address.
 */
export const signInFailuresPerPair: RateLimitPolicy = { limit: 5, windowMs: 24 * 60 * 60_000, lockMs: 60_000, lockGrowth: 2, maxLockMs: 60 * 60_000 };
/** Wrong passwords for one account from anywhere: never locks; every 5th tells the account holder. */
export const signInFailuresPerAccount: RateLimitPolicy = { limit: Number.MAX_SAFE_INTEGER, windowMs: 24 * 60 * 60_000 };
export const failureNoticeEvery = 5;
/**
 * Wrong second-factor codes, counted on their own (a correct password does not clear them): per account,
 * a growing lock after 5; per IP address, 10 in 15 minutes. Only someone who has the password gets here.
 */
export const secondFactorFailuresPerAccount: RateLimitPolicy = { limit: 5, windowMs: 24 * 60 * 60_000, lockMs: 60_000, lockGrowth: 2, maxLockMs: 60 * 60_000 };
export const secondFactorFailuresPerIp: RateLimitPolicy = { limit: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Submissions (cases, answers to requests) per account and per IP. */
export const submissionsPerAccount: RateLimitPolicy = { limit: 20, windowMs: 60 * 60_000 };
export const submissionsPerIp: RateLimitPolicy = { limit: 60, windowMs: 60 * 60_000 };

/** Whether `key` may act now, without counting: false while locked or when the window's limit is used up. */
export function checkRateLimit(tx: Tx, key: string, policy: RateLimitPolicy, now = new Date()): RateLimitResult {
  const row = getRateLimit(tx, { key });
  if (!row) return { allowed: true };
  if (row.lockedUntil && new Date(row.lockedUntil) > now) return { allowed: false, retryAt: new Date(row.lockedUntil) };
  const windowEnds = new Date(new Date(row.windowStartedAt).getTime() + policy.windowMs);
  if (windowEnds <= now) return { allowed: true };
  if (row.count >= policy.limit) return { allowed: false, retryAt: windowEnds };
  return { allowed: true };
}

/**
 * Counts one event for `key`. With `lockMs`, reaching the limit locks the key until now + lockMs
 * (brute-force lockout); without it, the key is refused until the window ends.
 */
export function hitRateLimit(tx: Tx, key: string, policy: RateLimitPolicy, now = new Date()): RateLimitResult {
  const row = getRateLimit(tx, { key });
  const windowOpen = row && new Date(row.windowStartedAt).getTime() + policy.windowMs > now.getTime();
  const count = windowOpen ? row.count + 1 : 1;
  const windowStartedAt = windowOpen ? row.windowStartedAt : now.toISOString();
  const lock = policy.lockMs && count >= policy.limit ? new Date(now.getTime() + lockDuration(policy, count)).toISOString() : null;
  const stillLocked = row?.lockedUntil && new Date(row.lockedUntil) > now ? row.lockedUntil : null;
  upsertRateLimit(tx, { key, count, windowStartedAt, lockedUntil: lock ?? stillLocked });
  if (lock ?? stillLocked) return { allowed: false, retryAt: new Date((lock ?? stillLocked)!) };
  // This event is the count-th of its window: allowed up to the limit, refused after it.
  if (count > policy.limit) return { allowed: false, retryAt: new Date(new Date(windowStartedAt).getTime() + policy.windowMs) };
  return { allowed: true };
}

/** How long the count-th event locks the key: lockMs, multiplied by lockGrowth for each event past the limit. */
export function lockDuration(policy: RateLimitPolicy, count: number): number {
  const base = policy.lockMs ?? 0;
  const grown = base * (policy.lockGrowth ?? 1) ** Math.max(0, count - policy.limit);
  return Math.min(grown, policy.maxLockMs ?? grown);
}

/** The number of events counted for `key` in its current window (0 when none). */
export function countOf(tx: Tx, key: string, policy: RateLimitPolicy, now = new Date()): number {
  const row = getRateLimit(tx, { key });
  if (!row || new Date(row.windowStartedAt).getTime() + policy.windowMs <= now.getTime()) return 0;
  return row.count;
}

export function resetRateLimit(tx: Tx, key: string) {
  deleteRateLimit(tx, { key });
}

/** The body of a 429 response; pages and the error boundary show "try again after <time>" from it. */
export type RateLimitedData = { rateLimited: true; retryAt: string };

export function retryAfterHeaders(retryAt: Date): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000))) };
}

/** A thrown 429 with the time to try again, for loaders and actions (the root error boundary translates it). */
export function rateLimitedResponse(retryAt: Date) {
  return data<RateLimitedData>({ rateLimited: true, retryAt: retryAt.toISOString() }, { status: 429, headers: retryAfterHeaders(retryAt) });
}

/**
 * The Retry-After of a page answered 429: Remix builds a document's headers only from route `headers`
 * exports, so an action's Retry-After would not reach the page. entry.server copies it from what the
 * loaders and actions of the request answered (a route `headers` export would also change how single
 * fetch reads an action's redirect).
 */
export function retryAfterOf(headerSets: Iterable<Headers>): string | null {
  for (const headers of headerSets) {
    const value = headers.get("Retry-After");
    if (value) return value;
  }
  return null;
}
