import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { auditEntries } from "../schema";
import { appendAuditEntry, GENESIS_HASH, listAuditEntriesForDataSubject, verifyAuditChain } from "./audit";

const { db, close } = createTestDatabase();
afterAll(close);

function seedChain(n: number) {
  for (let i = 0; i < n; i++) {
    appendAuditEntry(db, {
      actor: "user:u1",
      action: "record.read",
      subjectType: "record",
      subjectId: `r${i}`,
      dataSubjectId: i % 2 ? "p-a" : "p-b",
      agencyId: "municipality-13104",
      purpose: "move-in",
    });
  }
}

describe("audit log", () => {
  it("chains each entry to the one before", () => {
    seedChain(4);
    const rows = db.select().from(auditEntries).all();
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4 });
  });

  it("lists a data subject's entries, newest first", () => {
    const rows = listAuditEntriesForDataSubject(db, { dataSubjectId: "p-a" });
    expect(rows.map((r) => r.subjectId)).toEqual(["r3", "r1"]);
  });

  it("names the first changed entry", () => {
    db.update(auditEntries).set({ purpose: "something else" }).where(eq(auditEntries.id, 2)).run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash" });
  });

  it("names where an entry was removed", () => {
    const fresh = createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) appendAuditEntry(fresh.db, { actor: "system:test", action: "x", subjectType: "t", subjectId: String(i) });
      fresh.db.delete(auditEntries).where(eq(auditEntries.id, 2)).run();
      expect(verifyAuditChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "missing" });
    } finally {
      fresh.close();
    }
  });
});
