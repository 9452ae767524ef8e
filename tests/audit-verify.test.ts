// `npm run audit:verify` on a real database file: 0 with a count when intact; non-zero, naming the
// entry, when one entry was changed or removed behind the application's back.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../db/queries/audit";
import { createTestDatabase } from "./setup/test-db";

const { db, file, close } = createTestDatabase();
afterAll(close);

function verify() {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/audit-verify.ts", file], { encoding: "utf8", env: { ...process.env } });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("audit:verify", () => {
  it("passes an intact chain, and names the entry that was changed, then the one that was removed", () => {
    for (let i = 0; i < 5; i++) {
      appendAuditEntry(db, { actor: "u-officer-shinjuku", action: "record.read", subjectType: "procedure-request", subjectId: `pr-${i}`, dataSubjectId: "p-tanaka-ichiro", purpose: "procedure" });
    }
    const intact = verify();
    expect(intact.code).toBe(0);
    expect(intact.out).toContain("5 entries");

    db.$client.prepare("UPDATE audit_entries SET actor = 'u-someone-else' WHERE id = 3").run();
    const changed = verify();
    expect(changed.code).not.toBe(0);
    expect(changed.out).toMatch(/entry id 3\b/);

    db.$client.prepare("UPDATE audit_entries SET actor = 'u-officer-shinjuku' WHERE id = 3").run();
    expect(verify().code).toBe(0);
    db.$client.prepare("DELETE FROM audit_entries WHERE id = 4").run();
    const removed = verify();
    expect(removed.code).not.toBe(0);
    expect(removed.out).toMatch(/entry id 4\b/);
  }, 300_000);
});
