import { afterAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../../db/queries/audit";
import { createUser } from "../../db/queries/users";
import { auditEntries } from "../../db/schema";
import { submitSampleCase } from "../../tests/factories";
import { createTestDatabase } from "../../tests/setup/test-db";
import { readAuditQuery, runAuditVerification, searchAudit, type AuditQuery } from "./audit.server";
import { runAdminCommand } from "./commands.server";

const { db, file, close } = createTestDatabase();
afterAll(close);

const none: AuditQuery = { person: "", reference: "", agency: "", action: "", from: "", to: "" };
const find = (query: Partial<AuditQuery>, page: { before?: number; after?: number } = {}) => searchAudit(db, { query: { ...none, ...query }, lang: "ja", ...page });

describe("the administrators' audit search", () => {
  // 田中さん's case (submitted by his account u-tanaka), an officer's read of it, and 120 sign-ins of the admin.
  const { case: kase, procedureRequests } = submitSampleCase(db, "relocation", "p-tanaka-ichiro", { actorId: "u-tanaka" });
  createUser(db, { id: "u-officer-chiyoda", loginId: "officer.chiyoda", displayName: "山口 真理", role: "officer", agencyId: "municipality-13101", createdAt: new Date().toISOString() });
  createUser(db, { id: "u-tanaka", loginId: "tanaka", displayName: "田中 一郎", role: "citizen", personId: "p-tanaka-ichiro", createdAt: new Date().toISOString() });
  const moveOut = procedureRequests.find((request) => request.procedureId === "move-out-notification")!;
  appendAuditEntry(db, {
    at: new Date("2026-03-02T10:00:00+09:00"),
    actor: "u-officer-chiyoda",
    action: "record.read",
    subjectType: "procedureRequest",
    subjectId: moveOut.id,
    dataSubjectId: "p-tanaka-ichiro",
    agencyId: moveOut.agencyId,
    purpose: "move-out-notification",
    details: { caseReference: kase.reference },
  });
  for (let i = 0; i < 120; i++) {
    appendAuditEntry(db, { at: new Date(Date.UTC(2026, 2, 3, 0, i)), actor: "u-admin", action: "session.signed-in", subjectType: "user", subjectId: "u-admin", details: { method: "password" } });
  }

  it("finds a person by login ID: what they did and what was done with their data, named by references only", () => {
    const { rows } = find({ person: "tanaka" });
    expect(rows.map((row) => row.action)).toContain("record.read");
    expect(rows.map((row) => row.action)).toContain("case.submitted");
    const read = rows.find((row) => row.action === "record.read")!;
    expect(read).toMatchObject({ dataSubjectId: "p-tanaka-ichiro", caseReference: kase.reference, subject: "転出届", organisation: "千代田区役所" });
    expect(read.actor).toMatchObject({ kind: "staff", name: expect.stringContaining("officer.chiyoda") });
    // A citizen's account is an id, never a name.
    expect(rows.find((row) => row.action === "case.submitted")!.actor).toEqual({ kind: "account", name: "u-tanaka" });
    expect(JSON.stringify(rows)).not.toContain("田中");
  });

  it("finds a case by its reference (the case and each procedure), an organisation, an action and dates in Japan's time", () => {
    const byReference = find({ reference: kase.reference }).rows;
    expect(byReference.map((row) => row.action)).toEqual(expect.arrayContaining(["case.submitted", "record.read"]));
    expect(byReference.every((row) => row.caseReference === kase.reference)).toBe(true);
    expect(find({ reference: "MDG-2026-NONE-NONE" }).rows).toEqual([]);
    expect(find({ agency: "municipality-13101" }).rows.map((row) => row.action)).toEqual(["record.read"]);
    expect(find({ action: "record.read", from: "2026-03-02", to: "2026-03-02" }).rows).toHaveLength(1);
    expect(find({ action: "record.read", from: "2026-03-03" }).rows).toHaveLength(0);
  });

  it("pages by key, 50 at a time, newest first, both ways", () => {
    const first = find({ action: "session.signed-in" });
    expect(first.rows).toHaveLength(50);
    expect(first.newer).toBeNull();
    const second = find({ action: "session.signed-in" }, { before: first.older! });
    expect(second.rows[0].id).toBe(first.rows[49].id - 1);
    const third = find({ action: "session.signed-in" }, { before: second.older! });
    expect(third.rows).toHaveLength(20);
    expect(third.older).toBeNull();
    const back = find({ action: "session.signed-in" }, { after: third.newer! });
    expect(back.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    expect(back.newer).toBe(second.rows[0].id);
  });

  it("reads its fields from the address, refusing a date that is not one", () => {
    expect(readAuditQuery(new URLSearchParams("reference= mdg-1 &from=2026-3-1&before=12"))).toMatchObject({ reference: "MDG-1", before: 12, problems: ["from"] });
  });

  it("as a command: the same search, tab-separated", () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runAdminCommand(db, ["audit", "--organisation", "municipality-13101"], { out: (line) => out.push(line), err: (line) => err.push(line), actor: "cli:t", origin: "" });
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0].split("\t")).toEqual(expect.arrayContaining(["record.read", kase.reference, "Move-out notification", "Chiyoda City Office"]));
    expect(runAdminCommand(db, ["audit", "--from", "yesterday"], { out: () => {}, err: (line) => err.push(line), actor: "cli:t", origin: "" })).toBe(2);
  });

  it("runs audit:verify in a process of its own and records that it was run", async () => {
    process.env.DATABASE_PATH = file;
    try {
      const entries = db.select().from(auditEntries).all().length;
      expect(await runAuditVerification(db, { actor: "u-admin" })).toMatchObject({ ok: true, entries });
    } finally {
      delete process.env.DATABASE_PATH;
    }
    expect(db.select().from(auditEntries).all().at(-1)).toMatchObject({ actor: "u-admin", action: "audit.verified" });
  });
});
