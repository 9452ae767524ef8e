// Starting on a database that cannot be written is refused with a clear message (issue 11, item 12), and
// the database, its WAL and the key file are readable by their owner only (item 5).
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";

const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = {
  MADOGUCHI_SESSION_SECRET: "s".repeat(40),
  MADOGUCHI_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
  MADOGUCHI_AUDIT_KEY: Buffer.alloc(32, 6).toString("base64"),
};

/** `npm start`'s prepare step, as a user that is not root when the tests run as root (root may write anything). */
function prepare(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/prepare.ts"], {
      env: { ...process.env, SKIP_BUILD: "1", MADOGUCHI_LOG: "silent", TSX_TSCONFIG_PATH: "tsconfig.json", ...keys, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      ...asOther,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a database that cannot be written", () => {
  it("is refused at start with a message that says what to fix, and the portal never says it is ready", async () => {
    const folder = path.join(dir, "read-only");
    const file = path.join(folder, "madoguchi.db");
    openDatabase(file).$client.close();
    for (const extra of [`${file}-wal`, `${file}-shm`]) if (existsSync(extra)) rmSync(extra);
    chmodSync(file, 0o444);
    chmodSync(folder, 0o555);
    chmodSync(dir, 0o755);
    const { code, stdout, stderr } = await prepare({ DATABASE_PATH: file, MADOGUCHI_DATA_DIR: folder, HOME: dir });
    expect(code).toBe(1);
    expect(stdout).not.toContain("database ready");
    expect(stderr).toContain(`The database ${file} cannot be written`);
    expect(stderr).toContain("writable");
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 120_000);
});

describe("files holding personal data", () => {
  it("creates the database, its WAL and shared-memory files readable by the owner only", () => {
    const file = path.join(dir, "fresh", "madoguchi.db");
    const db = openDatabase(file);
    db.$client.prepare("CREATE TABLE IF NOT EXISTS t (x)").run();
    for (const each of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(each), each).toBe(true);
      expect((statSync(each).mode & 0o777).toString(8), each).toBe("600");
    }
    expect((statSync(path.dirname(file)).mode & 0o077).toString(8)).toBe("0");
    db.$client.close();
  });

  it("tightens a database an older version left readable by others", () => {
    const file = path.join(dir, "old", "madoguchi.db");
    openDatabase(file).$client.close();
    chmodSync(file, 0o644);
    const db = openDatabase(file);
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
    db.$client.close();
  });
});
