import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, invitations, users } from "../../db/schema";
import { getUserByLoginId } from "../../db/queries/users";
import { createTestDatabase } from "../../tests/setup/test-db";
import { acceptInvitation, checkInvitation, INVITATION_TTL_MS } from "../identity/invitations.server";
import { checkPasswordSignIn } from "../identity/sign-in.server";
import { runAdminCommand } from "./commands.server";
import { changeOrganisation, changeRole, deactivateStaff, inviteStaff, listStaff, reactivateStaff, resetSecondFactor } from "./staff.server";

const { db, close } = createTestDatabase();
afterAll(close);

const auditCount = () => db.select().from(auditEntries).all().length;
const request = () => new Request("http://127.0.0.1/sign-in", { method: "POST" });

describe("staff accounts", () => {
  let adminId = "";
  let firstLink = "";

  it("npm run admin -- create-admin prints a one-time link for the first administrator, and refuses once one exists", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), actor: "cli:root", origin: "https://madoguchi.example" };
    expect(runAdminCommand(db, ["create-admin", "--login", "chief", "--name", "木村 聡"], io)).toBe(0);
    expect(out[0]).toMatch(/^https:\/\/madoguchi\.example\/invitations\/[A-Za-z0-9_-]{43}$/);
    firstLink = out[0];
    adminId = getUserByLoginId(db, { loginId: "chief" })!.id;
    // The token itself is never stored, only its hash.
    expect(JSON.stringify(db.select().from(invitations).all())).not.toContain(firstLink.split("/").at(-1));
    const token = firstLink.split("/").at(-1)!;
    expect(await checkPasswordSignIn(request(), { loginId: "chief", password: "" }, db)).toEqual({ kind: "invalid" });
    const accepted = await acceptInvitation(db, { token, password: "correct horse battery staple" });
    expect(accepted).toMatchObject({ ok: true, kind: "account" });
    expect(await acceptInvitation(db, { token, password: "another password here" })).toEqual({ ok: false, reason: "used" });
    expect((await checkPasswordSignIn(request(), { loginId: "chief", password: "correct horse battery staple" }, db)).kind).toBe("signed-in");

    const before = auditCount();
    expect(runAdminCommand(db, ["create-admin", "--login", "second", "--name", "x"], io)).toBe(1);
    expect(err.at(-1)).toContain("An administrator already exists");
    expect(getUserByLoginId(db, { loginId: "second" })).toBeUndefined();
    expect(auditCount()).toBe(before);
  });

  it("invites an officer bound to one organisation; the link expires", async () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(() => inviteStaff(db, { input: { role: "officer", loginId: "officer.minato", displayName: "港 花子" }, actor: adminId, now })).toThrow("staff.refused.agencyRequired");
    expect(() => inviteStaff(db, { input: { role: "officer", loginId: "officer.minato", displayName: "港 花子", agencyId: "no-such-org" }, actor: adminId, now })).toThrow(
      "staff.refused.agencyUnknown",
    );
    const { token } = inviteStaff(db, { input: { role: "officer", loginId: "officer.minato", displayName: "港 花子", agencyId: "municipality-13103" }, actor: adminId, now });
    expect(() => inviteStaff(db, { input: { role: "designer", loginId: "officer.minato", displayName: "x" }, actor: adminId, now })).toThrow("staff.refused.loginIdTaken");
    expect(checkInvitation(db, { token, now: new Date(now.getTime() + INVITATION_TTL_MS + 1) })).toEqual({ ok: false, reason: "expired" });
    expect(checkInvitation(db, { token, now })).toMatchObject({ ok: true });
    const officer = getUserByLoginId(db, { loginId: "officer.minato" })!;
    expect(officer).toMatchObject({ role: "officer", agencyId: "municipality-13103", passwordHash: null, totpSecret: null });
    expect(listStaff(db, { lang: "ja" }).find((s) => s.loginId === "officer.minato")).toMatchObject({ state: "invited", organisation: "港区役所" });
    expect(db.select().from(auditEntries).all().at(-1)).toMatchObject({ action: "staff.invited", actor: adminId, subjectId: officer.id });
  });

  it("never removes the last administrator, never acts on one's own account; deactivation ends sign-in", async () => {
    const before = auditCount();
    expect(() => deactivateStaff(db, { userId: adminId, actor: adminId })).toThrow("staff.refused.ownAccount");
    expect(() => changeRole(db, { userId: adminId, role: "designer", actor: adminId })).toThrow("staff.refused.ownAccount");
    expect(() => deactivateStaff(db, { userId: adminId, actor: "cli:root" })).toThrow("staff.refused.lastAdministrator");
    expect(() => changeRole(db, { userId: adminId, role: "evaluator", actor: "cli:root" })).toThrow("staff.refused.lastAdministrator");
    expect(auditCount()).toBe(before);
    expect(db.select().from(users).where(eq(users.id, adminId)).get()).toMatchObject({ role: "administrator", deactivatedAt: null });

    const { token } = inviteStaff(db, { input: { role: "designer", loginId: "designer.two", displayName: "設計 二郎" }, actor: adminId });
    await acceptInvitation(db, { token, password: "a long enough password" });
    const designer = getUserByLoginId(db, { loginId: "designer.two" })!;
    deactivateStaff(db, { userId: designer.id, actor: adminId });
    expect((await checkPasswordSignIn(request(), { loginId: "designer.two", password: "a long enough password" }, db)).kind).toBe("invalid");
    expect(() => deactivateStaff(db, { userId: designer.id, actor: adminId })).toThrow("staff.refused.alreadyDeactivated");
    reactivateStaff(db, { userId: designer.id, actor: adminId });
    expect((await checkPasswordSignIn(request(), { loginId: "designer.two", password: "a long enough password" }, db)).kind).toBe("signed-in");
  });

  it("moves an officer to another organisation and resets a second factor with a new invitation", async () => {
    const officer = getUserByLoginId(db, { loginId: "officer.minato" })!;
    changeOrganisation(db, { userId: officer.id, agencyId: "municipality-13104", actor: adminId });
    expect(getUserByLoginId(db, { loginId: "officer.minato" })!.agencyId).toBe("municipality-13104");
    const designer = getUserByLoginId(db, { loginId: "designer.two" })!;
    expect(() => changeOrganisation(db, { userId: designer.id, agencyId: "municipality-13104", actor: adminId })).toThrow("staff.refused.notOfficer");

    db.update(users).set({ totpSecret: "v1:enrolled" }).where(eq(users.id, designer.id)).run();
    const { token } = resetSecondFactor(db, { userId: designer.id, actor: adminId });
    expect(getUserByLoginId(db, { loginId: "designer.two" })).toMatchObject({ totpSecret: null, passwordHash: null });
    expect((await checkPasswordSignIn(request(), { loginId: "designer.two", password: "a long enough password" }, db)).kind).toBe("invalid");
    expect(await acceptInvitation(db, { token, password: "a brand new password" })).toMatchObject({ ok: true, kind: "second-factor" });
  });
});
