import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../tests/setup/test-db";
import { eq } from "drizzle-orm";
import { insertReturning, insertRow } from "./prepared";
import { auditEntries, outbox, procedureEvents } from "./schema";
import { appendAuditEntry } from "./queries/audit";
import { submitSampleCase } from "../tests/factories";

const { db, close } = createTestDatabase();
afterAll(close);

describe("database connection", () => {
  it("runs in WAL mode with foreign keys enforced and temporary files in memory", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    // 2 = MEMORY: savepoints' journals and sorts never go to a temporary file.
    expect(db.$client.pragma("temp_store", { simple: true })).toBe(2);
  });

  it("has applied the committed migrations", () => {
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["audit_entries", "settings", "__drizzle_migrations"]));
  });

  it("reuses a compiled statement, handed out as a new one would be", () => {
    const text = "select name from sqlite_master where type = 'table' and name = ?";
    const first = db.$client.prepare(text);
    expect(first.pluck().get("settings")).toBe("settings");
    const again = db.$client.prepare(text);
    expect(again).toBe(first);
    expect(again.get("settings")).toEqual({ name: "settings" });
    expect(db.$client.prepare(text).raw().get("settings")).toEqual(["settings"]);
    expect(db.$client.prepare(text).all("settings")).toEqual([{ name: "settings" }]);
  });

  it("never hands out a statement that is still being iterated", () => {
    const text = "select name from sqlite_master where type = 'table'";
    const outer = db.$client.prepare(text);
    for (const _row of outer.iterate()) {
      const inner = db.$client.prepare(text);
      expect(inner).not.toBe(outer);
      expect(inner.all().length).toBeGreaterThan(0);
      break;
    }
  });
});

describe("insertReturning", () => {
  it("writes and returns the row drizzle's own insert would, defaults included", () => {
    const { procedureRequests } = submitSampleCase(db);
    const request = procedureRequests[0];
    const at = new Date().toISOString();
    const event = { procedureRequestId: request.id, caseId: request.caseId, fromStatus: null, toStatus: "queued", at, actor: "system:test" };
    const ours = insertReturning(db, procedureEvents, event);
    const theirs = db.insert(procedureEvents).values(event).returning().get();
    expect({ ...ours, id: 0 }).toEqual({ ...theirs, id: 0 });
    expect(ours.detail).toBe("{}");
    const row = { procedureRequestId: request.id, kind: "deliver" as const, delivery: 9, status: "pending" as const, nextAttemptAt: at, createdAt: at, updatedAt: at };
    const mine = insertReturning(db, outbox, { ...row, id: "o-ours", idempotencyKey: "k-ours" });
    const drizzles = db.insert(outbox).values({ ...row, delivery: 10, id: "o-theirs", idempotencyKey: "k-theirs" }).returning().get();
    expect({ ...mine, id: "", idempotencyKey: "", delivery: 0 }).toEqual({ ...drizzles, id: "", idempotencyKey: "", delivery: 0 });
    expect(mine.attempts).toBe(0);
  });
});

describe("insertRow", () => {
  it("writes the row insertReturning would, defaults included, and returns its integer key", () => {
    const { procedureRequests } = submitSampleCase(db);
    const request = procedureRequests[0];
    const at = new Date().toISOString();
    const event = { procedureRequestId: request.id, caseId: request.caseId, fromStatus: "queued", toStatus: "delivering", at, actor: "system:test" };
    const id = insertRow(db, procedureEvents, event);
    const returned = insertReturning(db, procedureEvents, event);
    expect(returned.id).toBe(id + 1);
    const stored = db.select().from(procedureEvents).where(eq(procedureEvents.id, id)).get();
    expect(stored).toEqual({ ...returned, id });
    expect(stored?.detail).toBe("{}");
  });

  it("gives an audit entry back exactly as it is stored", () => {
    const entry = appendAuditEntry(db, { actor: "system:test", action: "record.read", subjectType: "record", subjectId: "r-1", dataSubjectId: "p-a", details: { items: ["address"] } });
    expect(db.select().from(auditEntries).where(eq(auditEntries.id, entry.id)).get()).toEqual(entry);
  });
});
