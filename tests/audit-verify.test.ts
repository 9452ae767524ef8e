// `npm run audit:verify` on a real database file (issue 11, item 6): 0 with a count when intact; non-zero,
// naming the entry, when entries were changed, reordered or removed behind the application's back,
// including at the end of the log and all of them, when the chain was recomputed without the key, when
// the anchor is gone, and when there is no database at the path (which it must not create).
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditAnchorPath, auditKey, auditKeyId, readAuditAnchor } from "../db/audit-seal";
import { verifyAuditLogFile } from "../app/admin/audit-verify.server";
import { openDatabase, type Db } from "../db/client.server";
import { appendAuditEntry, AUDIT_KEY_ROTATED, GENESIS_HASH } from "../db/queries/audit";

const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-audit-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command itself, in a process: for its exit codes and messages. */
function verifyCommand(...args: string[]) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/audit-verify.ts", ...args], { encoding: "utf8", env: { ...process.env } });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The same check in this process (starting tsx for each would take most of the test on a busy machine). */
function verify(file: string, options: { reanchor?: boolean } = {}) {
  const result = verifyAuditLogFile({ file, key: auditKey(), ...options });
  return { code: result.ok ? 0 : 1, out: result.message };
}

/** A database with `n` entries, anchored as the portal anchors it (once the appending code has finished). */
async function logWith(name: string, n: number): Promise<{ db: Db; file: string }> {
  const file = path.join(dir, `${name}.db`);
  const db = openDatabase(file);
  for (let i = 0; i < n; i++) {
    appendAuditEntry(db, { actor: "u-officer-shinjuku", action: "record.read", subjectType: "procedure-request", subjectId: `pr-${i}`, dataSubjectId: "p-tanaka-ichiro", purpose: "procedure" });
  }
  await new Promise((resolve) => setImmediate(resolve));
  return { db, file };
}

const sql = (db: Db, statement: string) => db.$client.prepare(statement).run();

describe("audit:verify", () => {
  it("passes an intact, anchored chain, and names the entry that was changed, then the one that was removed", async () => {
    const { db, file } = await logWith("edits", 5);
    expect(existsSync(auditAnchorPath(file))).toBe(true);
    const intact = verifyCommand(file);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain("5 entries");

    sql(db, "UPDATE audit_entries SET actor = 'u-someone-else' WHERE id = 3");
    const changed = verifyCommand(file);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/entry id 3\b/);

    sql(db, "UPDATE audit_entries SET actor = 'u-officer-shinjuku' WHERE id = 3");
    expect(verify(file).code).toBe(0);
    sql(db, "DELETE FROM audit_entries WHERE id = 4");
    const removed = verify(file);
    expect(removed.code).toBe(1);
    expect(removed.out).toMatch(/entry id 4\b/);
    db.$client.close();
  });

  it("detects the last entry, the last 50 and all of them removed", async () => {
    for (const cut of [1, 50, 60]) {
      const { db, file } = await logWith(`tail-${cut}`, 60);
      sql(db, `DELETE FROM audit_entries WHERE id > ${60 - cut}`);
      db.$client.close();
      const result = verify(file);
      expect(result.code, `last ${cut} removed`).toBe(1);
      expect(result.out).toMatch(new RegExp(`entry id ${61 - cut}\\b.*removed from the end`));
    }
  });

  it("detects two entries swapped, and a chain recomputed without the key", async () => {
    const { db, file } = await logWith("reorder", 4);
    const rows = db.$client.prepare("SELECT * FROM audit_entries ORDER BY id").all() as Record<string, unknown>[];
    const columns = Object.keys(rows[0]).filter((column) => column !== "id");
    const put = (id: number, row: Record<string, unknown>) =>
      db.$client.prepare(`UPDATE audit_entries SET ${columns.map((c) => `${c} = @${c}`).join(", ")} WHERE id = ${id}`).run(Object.fromEntries(columns.map((c) => [c, row[c]])));
    put(2, rows[2]);
    put(3, rows[1]);
    expect(verify(file).code).toBe(1);

    // What someone with the database but not the key can do: change an entry and recompute every hash.
    put(2, rows[1]);
    put(3, rows[2]);
    expect(verify(file).code).toBe(0);
    sql(db, "UPDATE audit_entries SET purpose = 'nothing to see' WHERE id = 2");
    let prev = GENESIS_HASH;
    for (const row of db.$client.prepare("SELECT * FROM audit_entries ORDER BY id").all() as Record<string, string>[]) {
      const fields = [prev, row.at, row.actor, row.on_behalf_of, row.action, row.subject_type, row.subject_id, row.data_subject_id, row.agency_id, row.purpose, row.details];
      const hash = createHash("sha256").update(JSON.stringify(fields)).digest("hex");
      db.$client.prepare("UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE id = ?").run(prev, hash, row.id);
      prev = hash;
    }
    const recomputed = verify(file);
    expect(recomputed.code).toBe(1);
    expect(recomputed.out).toMatch(/entry id 1\b.*changed/);
    db.$client.close();
  });

  it("fails when the anchor is gone, and when there is no database at the path, which it does not create", async () => {
    const { db, file } = await logWith("anchor", 3);
    db.$client.close();
    const copy = path.join(dir, "restored.db");
    copyFileSync(file, copy);
    const unanchored = verify(copy);
    expect(unanchored.code).toBe(1);
    expect(unanchored.out).toContain("no anchor");
    // After a backup was restored, an operator anchors it anew, on purpose.
    expect(verifyCommand(copy, "--reanchor").code).toBe(0);
    expect(verify(copy).code).toBe(0);

    const nowhere = path.join(dir, "no-such-folder", "madoguchi.db");
    const missing = verifyCommand(nowhere);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("there is no database");
    expect(existsSync(nowhere)).toBe(false);
    expect(existsSync(path.dirname(nowhere))).toBe(false);
  });

  it("keeps the anchor where it was when the log was cut behind its back, so the next entry does not hide it", async () => {
    const { db, file } = await logWith("cut-then-append", 5);
    sql(db, "DELETE FROM audit_entries WHERE id > 3");
    appendAuditEntry(db, { actor: "system:test", action: "x", subjectType: "t", subjectId: "after" });
    await new Promise((resolve) => setImmediate(resolve));
    db.$client.close();
    const result = verify(file);
    expect(result.code).toBe(1);
  });

  it("verifies the whole chain across a rotation of the audit key, handed over by an entry both keys sign (item 6, rotation)", async () => {
    const oldText = process.env.MADOGUCHI_AUDIT_KEY!;
    const newText = randomBytes(32).toString("base64");
    const [oldKey, newKey] = [Buffer.from(oldText, "base64"), Buffer.from(newText, "base64")];
    const { db, file } = await logWith("rotation", 3);
    db.$client.close();
    // The rotation as the README says: the new key in MADOGUCHI_AUDIT_KEY, the old one kept in _PREVIOUS_KEYS, restart.
    process.env.MADOGUCHI_AUDIT_KEY = newText;
    process.env.MADOGUCHI_AUDIT_PREVIOUS_KEYS = oldText;
    try {
      const rotated = openDatabase(file);
      appendAuditEntry(rotated, { actor: "system:test", action: "record.read", subjectType: "test", subjectId: "after-rotation" });
      await new Promise((resolve) => setImmediate(resolve));
      const handover = rotated.$client.prepare("SELECT * FROM audit_entries WHERE id = 4").get() as { action: string; details: string };
      expect(handover.action).toBe(AUDIT_KEY_ROTATED);
      expect(JSON.parse(handover.details)).toMatchObject({ from: auditKeyId(oldKey), to: auditKeyId(newKey) });
      // The anchor follows the head, now under the new key.
      expect(readAuditAnchor(auditAnchorPath(file), newKey)?.id).toBe(5);

      const cli = verifyCommand(file);
      expect(cli.code, cli.out).toBe(0);
      expect(cli.out).toContain("5 entries");
      const both = (target = file) => verifyAuditLogFile({ file: target, key: newKey, previousKeys: [oldKey] });
      expect(both().ok).toBe(true);
      // Without the retired key the older part cannot be checked, and it says so.
      const newOnly = verifyAuditLogFile({ file, key: newKey });
      expect(newOnly.ok).toBe(false);
      expect(newOnly.message).toMatch(/entry id 1\b.*another key/);

      // An entry before the rotation changed, and the handover tampered with: each named.
      sql(rotated, "UPDATE audit_entries SET purpose = 'edited' WHERE id = 2");
      expect(both().message).toMatch(/entry id 2\b/);
      sql(rotated, "UPDATE audit_entries SET purpose = 'procedure' WHERE id = 2");
      expect(both().ok).toBe(true);
      const details = JSON.parse(handover.details) as Record<string, string>;
      rotated.$client.prepare("UPDATE audit_entries SET details = ? WHERE id = 4").run(JSON.stringify({ ...details, endorsement: "0".repeat(64) }));
      expect(both().message).toMatch(/entry id 4\b.*rotation/);
      rotated.$client.close();
    } finally {
      process.env.MADOGUCHI_AUDIT_KEY = oldText;
      delete process.env.MADOGUCHI_AUDIT_PREVIOUS_KEYS;
    }
  });

  it("accepts an anchor left behind by a process killed between its commit and the anchor, and the next start catches it up (item 6, the window)", async () => {
    const { db, file } = await logWith("killed", 4);
    db.$client.close();
    const killed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/setup/audit-kill-after-commit.ts", file, "3"], { encoding: "utf8", env: { ...process.env } });
    // Killed by its own SIGKILL (tsx, which runs it in a child process, exits with 128 + 9).
    expect(killed.signal === "SIGKILL" || killed.status === 137, killed.stderr).toBe(true);
    // The three entries were committed; the anchor still names the head before them.
    expect(readAuditAnchor(auditAnchorPath(file))?.id).toBe(4);
    const lagging = verify(file);
    expect(lagging.code, lagging.out).toBe(0);
    expect(lagging.out).toContain("7 entries");
    expect(lagging.out).toContain("anchored at entry id 4 (3 after it, not yet anchored)");
    // The next process to open the database moves the anchor up to the head before anything else.
    openDatabase(file).$client.close();
    expect(readAuditAnchor(auditAnchorPath(file))?.id).toBe(7);
    expect(verify(file).out).toMatch(/7 entries, chain intact, anchored at entry id 7$/);
  });
});
