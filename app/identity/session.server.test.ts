// Sessions: the idle and absolute ends, activity extending the idle end, sign out everywhere, and the
// session rotating when a citizen starts acting for someone else.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, sessions } from "../../db/schema";
import { browserRequest, run, setCookiesOf, signedInBrowser, useSeededDatabase } from "../../tests/setup/auth";
import { requireCitizen, requireUser } from "./auth.server";
import * as actFor from "../routes/act-for";
import * as sessionRoute from "../routes/session";
import * as signOut from "../routes/sign-out";
import { hashSessionToken, readSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from "./session.server";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());

const args = (request: Request) => ({ request, params: {}, context: {} });
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe("session expiry", () => {
  it("ends after 30 minutes without activity, and says so on the sign-in page", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    const id = hashSessionToken(browser.sessionToken!);
    db.update(sessions).set({ lastSeenAt: ago(SESSION_IDLE_MS + 1000) }).where(eq(sessions.id, id)).run();
    const result = await run(() => requireUser(browserRequest("/account", { as: browser })));
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount&expired=idle");
    expect(db.select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("ends 12 hours after sign-in even when the person is active", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    const id = hashSessionToken(browser.sessionToken!);
    db.update(sessions).set({ createdAt: ago(SESSION_ABSOLUTE_MS + 1000), expiresAt: ago(1000), lastSeenAt: ago(10_000) }).where(eq(sessions.id, id)).run();
    const result = await run(() => requireUser(browserRequest("/account", { as: browser })));
    expect(result.response!.headers.get("Location")).toContain("expired=absolute");
  });

  it("counts each request as activity, but not the session-status check", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    const id = hashSessionToken(browser.sessionToken!);
    db.update(sessions).set({ lastSeenAt: ago(20 * 60_000) }).where(eq(sessions.id, id)).run();
    const peek = await readSession(browserRequest("/session/status", { as: browser }), { touch: false, db });
    expect(peek.status === "valid" && peek.idleExpiresAt.getTime() - Date.now()).toBeLessThan(11 * 60_000);
    await requireUser(browserRequest("/account", { as: browser }));
    const after = await readSession(browserRequest("/session/status", { as: browser }), { touch: false, db });
    expect(after.status === "valid" && after.idleExpiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it("the notice's extend button (without JavaScript) extends the session", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    const id = hashSessionToken(browser.sessionToken!);
    db.update(sessions).set({ lastSeenAt: ago(29 * 60_000) }).where(eq(sessions.id, id)).run();
    const page = await run(() => sessionRoute.loader(args(browserRequest("/session", { as: browser }))));
    expect(new Date((page.data as { idleExpiresAt: string }).idleExpiresAt).getTime() - Date.now()).toBeLessThan(2 * 60_000);
    const extend = await run(() => sessionRoute.action(args(browserRequest("/session", { as: browser, form: { intent: "extend" } }))));
    expect(extend.response!.headers.get("Location")).toBe("/session?extended");
    const row = db.select().from(sessions).where(eq(sessions.id, id)).get()!;
    expect(Date.now() - new Date(row.lastSeenAt).getTime()).toBeLessThan(5_000);
  });

  it("a signed-in read writes the session at most once a minute, and activity still extends it", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    const id = hashSessionToken(browser.sessionToken!);
    const lastSeen = () => db.select().from(sessions).where(eq(sessions.id, id)).get()!.lastSeenAt;
    const recent = ago(SESSION_TOUCH_INTERVAL_MS / 2);
    db.update(sessions).set({ lastSeenAt: recent }).where(eq(sessions.id, id)).run();
    const read = await readSession(browserRequest("/", { as: browser }), { db });
    expect(lastSeen()).toBe(recent);
    expect(read.status === "valid" && read.idleExpiresAt.getTime()).toBe(new Date(recent).getTime() + SESSION_IDLE_MS);
    db.update(sessions).set({ lastSeenAt: ago(SESSION_TOUCH_INTERVAL_MS + 1000) }).where(eq(sessions.id, id)).run();
    await readSession(browserRequest("/", { as: browser }), { db });
    expect(Date.now() - new Date(lastSeen()).getTime()).toBeLessThan(5_000);
  });

  it("a second-factor step left unfinished ends after 5 minutes", async () => {
    const browser = await signedInBrowser(db, "officer.yokohama", { stage: "second-factor" });
    db.update(sessions).set({ lastSeenAt: ago(6 * 60_000) }).where(eq(sessions.id, hashSessionToken(browser.sessionToken!))).run();
    expect((await readSession(browserRequest("/", { as: browser }), { db })).status).toBe("expired");
  });
});

describe("sign out", () => {
  it("signs out of this browser, or of every session of the account", async () => {
    const a = await signedInBrowser(db, "ito");
    const b = await signedInBrowser(db, "ito");
    const c = await signedInBrowser(db, "ito");
    const one = await run(() => signOut.action(args(browserRequest("/sign-out", { as: a, form: { intent: "this" } }))));
    expect(one.response!.headers.get("Location")).toBe("/sign-out?done=this");
    expect(setCookiesOf(one.response!)["madoguchi_session"]).toBe("");
    expect((await readSession(browserRequest("/", { as: a }), { db })).status).toBe("none");
    expect((await readSession(browserRequest("/", { as: b }), { db })).status).toBe("valid");
    await run(() => signOut.action(args(browserRequest("/sign-out", { as: b, form: { intent: "everywhere" } }))));
    expect((await readSession(browserRequest("/", { as: c }), { db })).status).toBe("none");
  });
});

describe("acting for someone else", () => {
  it("a parent acts for a household member: a new session id, the subject in the session, an audit entry with onBehalfOf", async () => {
    const kenji = await signedInBrowser(db, "sato.kenji");
    const before = hashSessionToken(kenji.sessionToken!);
    const result = await run(() => actFor.action(args(browserRequest("/act-for", { as: kenji, form: { subjectId: "p-sato-mio" } }))));
    expect(result.status).toBe(302);
    const token = JSON.parse(atob(decodeURIComponent(setCookiesOf(result.response!)["madoguchi_session"])));
    expect(hashSessionToken(token)).not.toBe(before);
    const cookie = kenji.cookie.replace(/madoguchi_session=[^;]+/, `madoguchi_session=${setCookiesOf(result.response!)["madoguchi_session"]}`);
    const citizen = await requireCitizen(browserRequest("/", { as: { ...kenji, cookie } }));
    expect(citizen.personId).toBe("p-sato-mio");
    expect(citizen.actingFor?.name).toBe("佐藤 美緒");
    const entry = db.select().from(auditEntries).where(eq(auditEntries.action, "subject.acting-for")).all().at(-1)!;
    expect(entry).toMatchObject({ actor: "u-sato-kenji", onBehalfOf: "p-sato-mio", dataSubjectId: "p-sato-mio" });
  });

  it("refuses a subject the citizen is not authorised for", async () => {
    const kenji = await signedInBrowser(db, "sato.kenji");
    const result = await run(() => actFor.action(args(browserRequest("/act-for", { as: kenji, form: { subjectId: "p-tanaka-ichiro" } }))));
    expect(result.status).toBe(404);
    const yumi = await signedInBrowser(db, "sato.yumi");
    const reverse = await run(() => actFor.action(args(browserRequest("/act-for", { as: yumi, form: { subjectId: "p-sato-kenji" } }))));
    expect(reverse.status).toBe(404);
  });
});
