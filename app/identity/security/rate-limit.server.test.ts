import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/test-db";
import { checkRateLimit, hitRateLimit, resetRateLimit } from "./rate-limit.server";

const { db, close } = createTestDatabase();
afterAll(close);
const t0 = new Date("2026-11-27T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("rate limits (in the database)", () => {
  it("allows `limit` events per window, then refuses until the window ends", () => {
    const policy = { limit: 3, windowMs: 60_000 };
    expect(hitRateLimit(db, "a", policy, at(0)).allowed).toBe(true);
    expect(hitRateLimit(db, "a", policy, at(1000)).allowed).toBe(true);
    expect(hitRateLimit(db, "a", policy, at(1500)).allowed).toBe(true);
    const fourth = hitRateLimit(db, "a", policy, at(2000));
    expect(fourth.allowed).toBe(false);
    expect(fourth.allowed === false && fourth.retryAt.toISOString()).toBe(at(60_000).toISOString());
    expect(checkRateLimit(db, "a", policy, at(59_000)).allowed).toBe(false);
    expect(checkRateLimit(db, "a", policy, at(60_001)).allowed).toBe(true);
    expect(hitRateLimit(db, "a", policy, at(61_000)).allowed).toBe(true);
  });

  it("locks for lockMs once the limit is reached, and reset clears it", () => {
    const policy = { limit: 2, windowMs: 60_000, lockMs: 15 * 60_000 };
    hitRateLimit(db, "b", policy, at(0));
    const locked = hitRateLimit(db, "b", policy, at(1000));
    expect(locked.allowed === false && locked.retryAt.toISOString()).toBe(at(1000 + 15 * 60_000).toISOString());
    expect(checkRateLimit(db, "b", policy, at(10 * 60_000)).allowed).toBe(false);
    resetRateLimit(db, "b");
    expect(checkRateLimit(db, "b", policy, at(10 * 60_000)).allowed).toBe(true);
  });
});
