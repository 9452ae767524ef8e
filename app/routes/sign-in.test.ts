// Integration tests of signing in, called as Remix would call the loaders and actions: password and
// TOTP, session fixation, lockout, the demo shortcut in demo mode only, and CSRF.
import { generateTOTP } from "@epic-web/totp";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, sessions } from "../../db/schema";
import { anonymousBrowser, browserAfter, browserRequest, run, sessionTokenOf, setCookiesOf, signedInBrowser, useSeededDatabase, type Browser } from "../../tests/setup/auth";
import { requireUser } from "../identity/auth.server";
import { DEMO_PASSWORD, getDemoAccount } from "../demo/demo-accounts.server";
import { hitRateLimit, signInPerIp } from "../identity/security/rate-limit.server";
import { hashSessionToken } from "../identity/session.server";
import * as signIn from "./sign-in";
import * as twoFactor from "./sign-in_.two-factor";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());
afterEach(() => {
  delete process.env.MADOGUCHI_MODE;
});

const args = (request: Request) => ({ request, params: {}, context: {} });

async function postPassword(browser: Browser, loginId: string, password: string) {
  return run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, form: { intent: "password", loginId, password } }))));
}

describe("password sign-in", () => {
  it("signs a citizen in with a NEW session id, even when the browser arrived with one (session fixation)", async () => {
    const planted = await signedInBrowser(db, "sato.yumi");
    const plantedId = hashSessionToken(planted.sessionToken!);
    const result = await postPassword(planted, "tanaka", DEMO_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe("/cases");
    const token = sessionTokenOf(result.response!);
    expect(token).toBeTruthy();
    expect(hashSessionToken(token!)).not.toBe(plantedId);
    expect(db.select().from(sessions).where(eq(sessions.id, plantedId)).get()).toBeUndefined();
    // The CSRF cookie is rotated too.
    expect(Object.keys(setCookiesOf(result.response!))).toContain("madoguchi_csrf");
    const auth = await requireUser(browserRequest("/account", { as: browserAfter(planted, result.response!) }));
    expect(auth.user.loginId).toBe("tanaka");
    const entry = db.select().from(auditEntries).where(eq(auditEntries.action, "session.signed-in")).all().at(-1);
    expect(entry?.actor).toBe("u-tanaka-ichiro");
  });

  it("answers a wrong password and an unknown login id the same way, without a session", async () => {
    const browser = await anonymousBrowser();
    const wrong = await postPassword(browser, "ito", "not-the-password");
    const unknown = await postPassword(browser, "nobody-here", "not-the-password");
    for (const result of [wrong, unknown]) {
      expect(result.status).toBe(401);
      expect(JSON.stringify(result.data)).toContain("signIn.errors.invalid");
      expect(JSON.stringify(result.data)).not.toContain("not-the-password");
    }
  });

  it("locks the account from that address after 5 failures, with the time to try again, and refuses even the right password there", async () => {
    const browser = await anonymousBrowser();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postPassword(browser, "suzuki", `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await postPassword(browser, "suzuki", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAt = new Date((locked.data as { retryAt: string }).retryAt);
    expect(retryAt.getTime() - Date.now()).toBeGreaterThan(30_000);
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "session.locked")).all().map((e) => e.actor)).toContain("u-suzuki-haruko");
  });

  it("limits attempts per IP address across accounts (password spraying)", async () => {
    const browser = await anonymousBrowser();
    const headers = { "X-Forwarded-For": "203.0.113.9" };
    const attempt = (i: number) =>
      run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, headers, form: { intent: "password", loginId: `spray-${i}`, password: "x" } }))));
    expect((await attempt(0)).status).toBe(401);
    // 28 more from the same address (counted directly: each real attempt costs a scrypt hash).
    for (let i = 1; i < signInPerIp.limit - 1; i++) hitRateLimit(db, "sign-in:ip:203.0.113.9", signInPerIp);
    expect((await attempt(29)).status).toBe(401);
    const refused = await attempt(30);
    expect(refused.status).toBe(429);
    expect((refused.data as { retryAt: string }).retryAt).toBeTruthy();
    // Another address is not affected.
    const elsewhere = browserRequest("/sign-in", { as: browser, headers: { "X-Forwarded-For": "198.51.100.7" }, form: { intent: "password", loginId: "x", password: "x" } });
    expect((await run(() => signIn.action(args(elsewhere)))).status).toBe(401);
  });
});

describe("officer sign-in with TOTP", () => {
  it("asks for a code after the password, then signs in with a rotated session; a code works once", async () => {
    const browser = await anonymousBrowser();
    const first = await postPassword(browser, "officer.shinjuku", DEMO_PASSWORD);
    expect(first.response!.headers.get("Location")).toBe("/sign-in/two-factor");
    const pending = browserAfter(browser, first.response!);
    // Not signed in yet: other pages send the person back to the code step.
    const blocked = await run(() => requireUser(browserRequest("/account", { as: pending })));
    expect(blocked.response!.headers.get("Location")).toBe("/sign-in/two-factor");

    const wrong = await run(() => twoFactor.action(args(browserRequest("/sign-in/two-factor", { as: pending, form: { code: "000000" } }))));
    expect(wrong.status).toBe(401);

    const { otp } = await generateTOTP({ secret: getDemoAccount("officer.shinjuku")!.totpSecret!, period: 30, digits: 6, algorithm: "SHA-1" });
    const ok = await run(() => twoFactor.action(args(browserRequest("/sign-in/two-factor", { as: pending, form: { code: otp } }))));
    expect(ok.status).toBe(302);
    expect(ok.response!.headers.get("Location")).toBe("/office");
    expect(sessionTokenOf(ok.response!)).not.toBe(sessionTokenOf(first.response!));
    const active = browserAfter(pending, ok.response!);
    const auth = await requireUser(browserRequest("/account", { as: active }));
    expect(auth.user.agencyId).toBe("municipality-13104");
    expect(auth.session.method).toBe("password+totp");

    // Replaying the same code in a new second-factor session is refused.
    const again = await postPassword(await anonymousBrowser(), "officer.shinjuku", DEMO_PASSWORD);
    const pendingAgain = browserAfter(browser, again.response!);
    const replay = await run(() => twoFactor.action(args(browserRequest("/sign-in/two-factor", { as: pendingAgain, form: { code: otp } }))));
    expect(replay.status).toBe(401);
  });

  it("the code step refuses anyone without a fresh password step", async () => {
    const browser = await anonymousBrowser();
    const anonymous = await run(() => twoFactor.loader(args(browserRequest("/sign-in/two-factor", { as: browser }))));
    expect(anonymous.response!.headers.get("Location")).toBe("/sign-in");
  });
});

describe("the demo shortcut", () => {
  it("exists in demo mode: listed on the page, and signs in without a password", async () => {
    const page = await run(() => signIn.loader(args(browserRequest("/sign-in"))));
    expect((page.data as { demoAccounts: unknown[] }).demoAccounts.length).toBeGreaterThan(10);
    const browser = await anonymousBrowser();
    const result = await run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, form: { intent: "demo", loginId: "nguyen" } }))));
    expect(result.status).toBe(302);
    const auth = await requireUser(browserRequest("/account", { as: browserAfter(browser, result.response!) }));
    expect(auth.user.personId).toBe("p-nguyen-thi-lan");
    expect(auth.session.method).toBe("demo");
  });

  it("does not exist in production mode: not on the page, and the action answers 404", async () => {
    process.env.MADOGUCHI_MODE = "production";
    const page = await run(() => signIn.loader(args(browserRequest("/sign-in"))));
    expect((page.data as { demoAccounts: unknown }).demoAccounts).toBeNull();
    const browser = await anonymousBrowser();
    expect(browser.cookie).toMatch(/^__Host-madoguchi_csrf=/);
    const result = await run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, form: { intent: "demo", loginId: "nguyen" } }))));
    expect(result.status).toBe(404);
  });
});

describe("CSRF on sign-in", () => {
  const form = { intent: "password", loginId: "tanaka", password: DEMO_PASSWORD };
  it("refuses a missing token, a wrong token, another browser's token, and a cross-origin post", async () => {
    const browser = await anonymousBrowser();
    const other = await anonymousBrowser();
    const attempts = [
      browserRequest("/sign-in", { as: browser, form, withoutCsrf: true }),
      browserRequest("/sign-in", { as: browser, form: { ...form, csrf: "forged" } }),
      browserRequest("/sign-in", { as: browser, form: { ...form, csrf: other.csrf } }),
      browserRequest("/sign-in", { as: browser, form, origin: "https://evil.example" }),
      browserRequest("/sign-in", { as: browser, form, origin: null, headers: { "Sec-Fetch-Site": "cross-site" } }),
      browserRequest("/sign-in", { as: null, form: { ...form, csrf: browser.csrf } }),
    ];
    for (const request of attempts) {
      const result = await run(() => signIn.action(args(request)));
      expect(result.status).toBe(403);
    }
  });
});
