import { createHash } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { auditEntries } from "../schema";
import { auditAnchorPath, readAuditAnchor } from "../audit-seal";
import { ANCHOR_INTERVAL_MS, openDatabase } from "../client.server";
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
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4, afterAnchor: 0 });
  });

  it("finds the head of the chain by its id, never by scanning the log", () => {
    // A fresh connection, so the append's statements are prepared (and seen) here.
    const fresh = createTestDatabase();
    try {
      const prepared = vi.spyOn(fresh.db.$client, "prepare");
      for (let i = 0; i < 3; i++) appendAuditEntry(fresh.db, { actor: "user:u1", action: "record.read", subjectType: "record", subjectId: `r${i}` });
      const reads = prepared.mock.calls.map(([text]) => text).filter((text) => /^select .* from "audit_entries"/i.test(text));
      prepared.mockRestore();
      expect(reads.length).toBeGreaterThan(0);
      for (const text of reads) {
        const plan = fresh.db.$client.prepare(`explain query plan ${text}`).all(...Array.from(text.matchAll(/\?/g), () => 1)) as { detail: string }[];
        // `ORDER BY id DESC LIMIT ?` is a scan, five times as slow inside a delivery (README, 2026-12-04).
        expect(plan.map((step) => step.detail).filter((detail) => /^SCAN/.test(detail))).toEqual([]);
      }
      const rows = fresh.db.select().from(auditEntries).all();
      expect(rows.map((row) => row.prevHash)).toEqual([GENESIS_HASH, rows[0].hash, rows[1].hash]);
    } finally {
      fresh.close();
    }
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

  it("is chained with a key: the same entries under another key do not verify", () => {
    expect(verifyAuditChain(db, { key: Buffer.alloc(32, 9) })).toMatchObject({ ok: false, brokenAt: 1, reason: "hash" });
  });

  it("anchors the head once the appending transaction is over, and not an entry that was rolled back", async () => {
    const fresh = createTestDatabase();
    try {
      appendAuditEntry(fresh.db, { actor: "system:test", action: "x", subjectType: "t", subjectId: "1" });
      const anchorFile = auditAnchorPath(fresh.file);
      expect(existsSync(anchorFile)).toBe(false); // not while the appending code still runs
      await new Promise((resolve) => setImmediate(resolve));
      expect(readAuditAnchor(anchorFile)).toMatchObject({ id: 1 });
      expect(() =>
        fresh.db.transaction((tx) => {
          appendAuditEntry(tx, { actor: "system:test", action: "x", subjectType: "t", subjectId: "2" });
          throw new Error("rolled back");
        }),
      ).toThrow("rolled back");
      await new Promise((resolve) => setImmediate(resolve));
      expect(readAuditAnchor(anchorFile)).toMatchObject({ id: 1 });
      expect(verifyAuditChain(fresh.db, { anchor: readAuditAnchor(anchorFile) })).toEqual({ ok: true, entries: 1, afterAnchor: 0 });
    } finally {
      fresh.close();
    }
  });

  it("under load rewrites the anchor at most once an interval, catches up with the head, and anchors on close", async () => {
    const fresh = createTestDatabase();
    try {
      const anchorFile = auditAnchorPath(fresh.file);
      const append = (subjectId: string) => appendAuditEntry(fresh.db, { actor: "system:test", action: "x", subjectType: "t", subjectId });
      // Thirty appends, each in its own turn of the event loop, over at least three intervals.
      const writes = new Set<string>();
      for (let i = 1; i <= 30; i++) {
        append(String(i));
        await new Promise((resolve) => setTimeout(resolve, ANCHOR_INTERVAL_MS / 10));
        const anchor = readAuditAnchor(anchorFile);
        if (anchor) writes.add(anchor.at);
      }
      const times = [...writes].map((at) => Date.parse(at)).sort((a, b) => a - b);
      expect(times.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(ANCHOR_INTERVAL_MS - 2);
      // The last write trails the appends, and reaches the head.
      await vi.waitFor(() => expect(readAuditAnchor(anchorFile)?.id).toBe(30));
      // Closing right after an append anchors it, inside the interval or not.
      append("31");
      fresh.db.$client.close();
      expect(readAuditAnchor(anchorFile)?.id).toBe(31);
    } finally {
      fresh.close();
    }
  });

  it("seals a chain from before the key once, verifying it first, and anchors it", () => {
    const fresh = createTestDatabase();
    try {
      let prev = GENESIS_HASH;
      for (let i = 0; i < 3; i++) {
        const row = { at: `2026-11-0${i + 1}T00:00:00.000Z`, actor: "system:old", action: "x", subjectType: "t", subjectId: String(i), details: "{}" };
        const fields = [prev, row.at, row.actor, null, row.action, row.subjectType, row.subjectId, null, null, null, row.details];
        const hash = createHash("sha256").update(JSON.stringify(fields)).digest("hex");
        fresh.db.insert(auditEntries).values({ ...row, prevHash: prev, hash }).run();
        prev = hash;
      }
      fresh.db.$client.close();
      rmSync(auditAnchorPath(fresh.file), { force: true });
      const reopened = openDatabase(fresh.file);
      const anchor = readAuditAnchor(auditAnchorPath(fresh.file));
      expect(anchor).toMatchObject({ id: 4 });
      expect(verifyAuditChain(reopened, { anchor })).toEqual({ ok: true, entries: 4, afterAnchor: 0 });
      expect(reopened.select().from(auditEntries).where(eq(auditEntries.id, 4)).get()).toMatchObject({ action: "audit.sealed", details: JSON.stringify({ entries: 3 }) });
      reopened.$client.close();
    } finally {
      rmSync(fresh.file.replace(/test\.db$/, ""), { recursive: true, force: true });
    }
  });
});
