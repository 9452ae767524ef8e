// Sign-in limits (issue 11, items 1 and 2): second-factor failures are counted on their own and limited per
// account and per address; production mode limits attempts per address too; and nobody can lock another
// person out: wrong passwords lock the pair of account and address, with growing delays, and the account
// holder is told.
import { generateTOTP } from "@epic-web/totp";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/schema";
import { DEMO_PASSWORD, getDemoAccount } from "../../app/demo/demo-accounts.server";
import { hitRateLimit, lockDuration, signInFailuresPerPair, signInPerIp } from "../../app/identity/security/rate-limit.server";
import { ipLimitKey, pairLimitKey } from "../../app/identity/sign-in.server";
import { anonymousBrowser, browserAfter, browserRequest, run, signedInBrowser, useSeededDatabase, type Browser } from "../setup/auth";
import * as account from "../../app/routes/account";
import * as signIn from "../../app/routes/sign-in";
import * as twoFactor from "../../app/routes/sign-in_.two-factor";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());
afterEach(() => {
  delete process.env.MADOGUCHI_MODE;
  delete process.env.MADOGUCHI_TRUST_PROXY;
});

const args = (request: Request) => ({ request, params: {}, context: {} });
const from = (ip: string) => ({ "X-Forwarded-For": ip });

function postPassword(browser: Browser, loginId: string, password: string, ip = "192.0.2.1") {
  return run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, headers: from(ip), form: { intent: "password", loginId, password } }))));
}
function postCode(browser: Browser, code: string, ip = "192.0.2.1") {
  return run(() => twoFactor.action(args(browserRequest("/sign-in/two-factor", { as: browser, headers: from(ip), form: { code } }))));
}
async function passwordStep(loginId: string, ip = "192.0.2.1") {
  const browser = await anonymousBrowser();
  const result = await postPassword(browser, loginId, DEMO_PASSWORD, ip);
  expect(result.response?.headers.get("Location")).toBe("/sign-in/two-factor");
  return browserAfter(browser, result.response!);
}
const currentCode = async (loginId: string) =>
  (await generateTOTP({ secret: getDemoAccount(loginId)!.totpSecret!, period: 30, digits: 6, algorithm: "SHA-1" })).otp;
const wrongCodeFor = async (loginId: string) => ((Number(await currentCode(loginId)) + 500_000) % 1_000_000).toString().padStart(6, "0");

describe("the second factor", () => {
  it("is not cleared by a correct password: after 5 wrong codes the account's code step is locked, even for the right code", async () => {
    const statuses: number[] = [];
    // The review's attack: the password is known; guess codes, signing in with the password again between guesses.
    for (let i = 0; i < 20; i++) {
      const pending = await passwordStep("officer.yokohama");
      statuses.push((await postCode(pending, await wrongCodeFor("officer.yokohama"))).status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual(Array(16).fill(429));
    const pending = await passwordStep("officer.yokohama");
    const right = await postCode(pending, await currentCode("officer.yokohama"));
    expect(right.status).toBe(429);
    expect(right.response?.headers.get("Location") ?? null).toBeNull();
  });

  it("is limited per address across accounts", async () => {
    const ip = "198.51.100.20";
    const statuses: number[] = [];
    for (const loginId of ["officer.naka", "officer.chiyoda", "officer.shibuya"]) {
      for (let i = 0; i < 4; i++) statuses.push((await postCode(await passwordStep(loginId, ip), await wrongCodeFor(loginId), ip)).status);
    }
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("tells the account holder after 5 wrong codes", () => {
    const notices = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "session.second-factor-failures"), eq(auditEntries.subjectId, "u-officer-yokohama")))
      .all();
    expect(notices.length).toBeGreaterThan(0);
  });
});

describe("production mode", () => {
  it("limits sign-in attempts per address (behind the trusted proxy it requires)", async () => {
    process.env.MADOGUCHI_MODE = "production";
    process.env.MADOGUCHI_TRUST_PROXY = "1";
    const browser = await anonymousBrowser();
    const ip = "203.0.113.50";
    expect((await postPassword(browser, "spray-0", "x", ip)).status).toBe(401);
    for (let i = 1; i < signInPerIp.limit; i++) hitRateLimit(db, ipLimitKey(ip), signInPerIp);
    const refused = await postPassword(browser, "spray-31", "x", ip);
    expect(refused.status).toBe(429);
    expect((await postPassword(browser, "spray-32", "x", "203.0.113.51")).status).toBe(401);
  });

  it("still limits per address when no proxy is trusted: every request then counts as one address", async () => {
    process.env.MADOGUCHI_MODE = "production";
    const browser = await anonymousBrowser();
    for (let i = 0; i < signInPerIp.limit; i++) hitRateLimit(db, ipLimitKey(null), signInPerIp);
    expect((await postPassword(browser, "spray-x", "x", "203.0.113.60")).status).toBe(429);
  });
});

describe("nobody can lock another person out", () => {
  it("locks only the address that guessed: the account holder signs in from their own", async () => {
    const attacker = await anonymousBrowser();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postPassword(attacker, "officer.pension", `guess-${i}`, "192.0.2.66")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const holder = await anonymousBrowser();
    const own = await postPassword(holder, "officer.pension", DEMO_PASSWORD, "198.51.100.1");
    expect(own.status).toBe(302);
    expect(own.response!.headers.get("Location")).toBe("/sign-in/two-factor");
  });

  it("makes each further failure of a locked pair wait longer (1, 2, 4 … minutes, at most an hour)", () => {
    const t0 = new Date("2026-12-02T00:00:00Z");
    const key = pairLimitKey("ito", "192.0.2.77");
    const waits: number[] = [];
    let now = t0;
    for (let i = 0; i < 12; i++) {
      const result = hitRateLimit(db, key, signInFailuresPerPair, now);
      if (!result.allowed) {
        waits.push((result.retryAt.getTime() - now.getTime()) / 60_000);
        now = result.retryAt; // the attacker waits out each lock, then tries again
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(lockDuration(signInFailuresPerPair, 100)).toBe(60 * 60_000);
  });

  it("tells the account holder on their account page, with how many wrong passwords were entered", async () => {
    for (let i = 0; i < 5; i++) await postPassword(await anonymousBrowser(), "takahashi", `guess-${i}`, `192.0.2.${100 + i}`);
    const notice = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "session.password-failures"), eq(auditEntries.subjectId, "u-takahashi-ken")))
      .get();
    expect(notice?.actor).toBe("system:sign-in");
    const holder = await signedInBrowser(db, "takahashi");
    const result = await run(() => account.loader(args(browserRequest("/account", { as: holder }))));
    expect((result.data as { failedSignIns: { passwords: number } }).failedSignIns.passwords).toBe(5);
  });
});
