// Changing how one signs in needs a recent proof of who one is: a session signed in long ago is sent to
// "Confirm it's you" first, and the confirmation (password, plus the TOTP code for those who have an
// authenticator app) renews it for 10 minutes, on a new session id, counting failures towards the lock.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPasskey } from "../../db/queries/passkeys";
import { auditEntries, passkeys, sessions } from "../../db/schema";
import { browserAfter, browserRequest, run, sessionTokenOf, signedInBrowser, useSeededDatabase, type Browser } from "../../tests/setup/auth";
import { DEMO_PASSWORD, getDemoAccount } from "../demo/demo-accounts.server";
import { currentTotpCode } from "../identity/security/totp.server";
import { hashSessionToken } from "../identity/session.server";
import * as account from "./account";
import * as confirm from "./account_.confirm";
import * as passkeyRoute from "./account_.passkeys";
import * as twoFactor from "./account_.two-factor";
import * as actFor from "./act-for";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());
const args = (request: Request) => ({ request, params: {}, context: {} });
const elevenMinutesAgo = () => new Date(Date.now() - 11 * 60_000).toISOString();
const sessionRowOf = (browser: Browser) => db.select().from(sessions).where(eq(sessions.id, hashSessionToken(browser.sessionToken!))).get();
const postConfirm = (as: Browser, form: Record<string, string>) => run(() => confirm.action(args(browserRequest("/account/confirm", { as, form }))));

describe("changes to how one signs in, after a sign-in more than 10 minutes ago", () => {
  it("sends the person to confirm it's them, and back, without changing anything", async () => {
    createPasskey(db, { id: "cred-ito", userId: "u-ito-yuki", publicKey: "x", deviceType: "multiDevice", createdAt: new Date().toISOString() });
    const stale = await signedInBrowser(db, "ito", { verifiedAt: elevenMinutesAgo() });
    const toConfirm = "/account/confirm?redirectTo=%2Faccount";

    const remove = await run(() => account.action(args(browserRequest("/account", { as: stale, form: { intent: "delete-passkey", passkeyId: "cred-ito" } }))));
    expect(remove.response?.headers.get("Location")).toBe(toConfirm);
    expect(db.select().from(passkeys).where(eq(passkeys.id, "cred-ito")).get()).toBeDefined();

    const options = await run(() => passkeyRoute.action(args(browserRequest("/account/passkeys", { as: stale, form: { intent: "options" } }))));
    expect(options.response?.headers.get("Location")).toBe(toConfirm);

    const toConfirmTwoFactor = "/account/confirm?redirectTo=%2Faccount%2Ftwo-factor";
    const enrolPage = await run(() => twoFactor.loader(args(browserRequest("/account/two-factor", { as: stale }))));
    expect(enrolPage.response?.headers.get("Location")).toBe(toConfirmTwoFactor);
    const enrol = await run(() => twoFactor.action(args(browserRequest("/account/two-factor", { as: stale, form: { code: "123456", enrolmentId: "x" } }))));
    expect(enrol.response?.headers.get("Location")).toBe(toConfirmTwoFactor);

    // The account page offers the confirmation instead of the passkey button; a session never verified is stale too.
    const page = await run(() => account.loader(args(browserRequest("/account", { as: stale }))));
    expect(page.data).toMatchObject({ recentlyVerified: false });
    const never = await signedInBrowser(db, "ito", { verifiedAt: null });
    expect((await run(() => account.loader(args(browserRequest("/account", { as: never }))))).data).toMatchObject({ recentlyVerified: false });
    const fresh = await signedInBrowser(db, "ito");
    expect((await run(() => account.loader(args(browserRequest("/account", { as: fresh }))))).data).toMatchObject({ recentlyVerified: true });
  });

  it("confirms with the password on a new session id, keeps the session's end, and goes back only to this portal", async () => {
    const stale = await signedInBrowser(db, "ito", { verifiedAt: elevenMinutesAgo() });
    const before = sessionRowOf(stale)!;
    const confirmed = await postConfirm(stale, { password: DEMO_PASSWORD, redirectTo: "/account" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.response!.headers.get("Location")).toBe("/account");
    const after = browserAfter(stale, confirmed.response!);
    after.sessionToken = sessionTokenOf(confirmed.response!)!;
    expect(sessionRowOf(stale)).toBeUndefined();
    const row = sessionRowOf(after)!;
    expect(Date.now() - Date.parse(row.verifiedAt!)).toBeLessThan(60_000);
    expect(row.expiresAt).toBe(before.expiresAt);
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "session.confirmed")).all().at(-1)?.actor).toBe("u-ito-yuki");

    // Now the change goes through.
    createPasskey(db, { id: "cred-ito-2", userId: "u-ito-yuki", publicKey: "x", deviceType: "multiDevice", createdAt: new Date().toISOString() });
    const removed = await run(() => account.action(args(browserRequest("/account", { as: after, form: { intent: "delete-passkey", passkeyId: "cred-ito-2" } }))));
    expect(removed.response?.headers.get("Location")).toBe("/account?passkey=removed");

    const offSite = await postConfirm(await signedInBrowser(db, "ito", { verifiedAt: null }), { password: DEMO_PASSWORD, redirectTo: "https://evil.example/" });
    expect(offSite.response!.headers.get("Location")).toBe("/account");
  });

  it("refuses a wrong password with a translated error, and five failures lock the account as signing in does", async () => {
    const stale = await signedInBrowser(db, "suzuki", { verifiedAt: null });
    const empty = await postConfirm(stale, { password: "" });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.data)).toContain("signIn.errors.passwordRequired");
    for (let i = 0; i < 4; i++) {
      const wrong = await postConfirm(stale, { password: "not-the-password" });
      expect(wrong.status).toBe(401);
      expect(JSON.stringify(wrong.data)).toContain("confirm.errors.invalid");
    }
    const fifth = await postConfirm(stale, { password: "not-the-password" });
    expect(fifth.status).toBe(429);
    // Locked: even the right password waits.
    expect((await postConfirm(stale, { password: DEMO_PASSWORD })).status).toBe(429);
    expect(sessionRowOf(stale)?.verifiedAt).toBeNull();
  });

  it("asks an officer for the authenticator app's code as well as the password", async () => {
    const officer = await signedInBrowser(db, "officer.shibuya", { verifiedAt: null });
    const page = await run(() => confirm.loader(args(browserRequest("/account/confirm?redirectTo=/account/two-factor", { as: officer }))));
    expect(page.data).toMatchObject({ hasTotp: true, redirectTo: "/account/two-factor" });
    const withoutCode = await postConfirm(officer, { password: DEMO_PASSWORD });
    expect(withoutCode.status).toBe(400);
    expect(JSON.stringify(withoutCode.data)).toContain("twoFactor.errors.required");
    const code = await currentTotpCode(getDemoAccount("officer.shibuya")!.totpSecret!);
    const wrongCode = await postConfirm(officer, { password: DEMO_PASSWORD, code: code === "000000" ? "111111" : "000000" });
    expect(wrongCode.status).toBe(401);
    const confirmed = await postConfirm(officer, { password: DEMO_PASSWORD, code, redirectTo: "/account/two-factor" });
    expect(confirmed.response?.headers.get("Location")).toBe("/account/two-factor");
  });

  it("keeps the time of the last proof when a parent switches to acting for a child", async () => {
    const verifiedAt = new Date(Date.now() - 3 * 60_000).toISOString();
    const kenji = await signedInBrowser(db, "sato.kenji", { verifiedAt });
    const switched = await run(() => actFor.action(args(browserRequest("/act-for", { as: kenji, form: { subjectId: "p-sato-daichi" } }))));
    const token = sessionTokenOf(switched.response!)!;
    expect(db.select().from(sessions).where(eq(sessions.id, hashSessionToken(token))).get()?.verifiedAt).toBe(verifiedAt);
  });
});
