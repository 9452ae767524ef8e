// Production mode on what the demo left (issue 11, item 4): it refuses to start while demo accounts, the
// demo's seed or the demo's agency secrets are in the database, and without its own keys, saying how to fix
// each; an operator creates the first administrator and gives each organisation its own secret, then it starts.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { getAgencyEndpoint } from "../../db/queries/agencies";
import { getUserByLoginId } from "../../db/queries/users";
import { auditEntries } from "../../db/schema";
import { runAdminCommand } from "../../app/admin/commands.server";
import { demoLeftovers } from "../../app/demo/production-guard.server";
import { seedAgencyEndpoints, seedDemoData } from "../../app/demo/seed.server";

const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-production-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = {
  MADOGUCHI_SESSION_SECRET: "p".repeat(40),
  // The production keys can also read what this test process encrypted (its key, listed after the current
  // one, only decrypts): as when the operator runs npm run admin with the server's keys.
  MADOGUCHI_ENCRYPTION_KEYS: `p1:${Buffer.alloc(32, 5).toString("base64")},${process.env.MADOGUCHI_ENCRYPTION_KEYS}`,
  MADOGUCHI_AUDIT_KEY: Buffer.alloc(32, 4).toString("base64"),
};

/** `npm start`'s prepare step in production mode, on its own data folder (no key file unless the test made one). */
function prepare(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const merged: NodeJS.ProcessEnv = { ...process.env, SKIP_BUILD: "1", MADOGUCHI_LOG: "silent", TSX_TSCONFIG_PATH: "tsconfig.json", MADOGUCHI_MODE: "production", ...env };
    for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/prepare.ts"], { env: merged, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function admin(db: ReturnType<typeof openDatabase>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdminCommand(db, argv, { out: (line) => out.push(line), err: (line) => err.push(line), actor: "cli:operator", origin: "https://madoguchi.example.jp" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("production mode on a demo database", () => {
  it("refuses to start, naming the demo seed, the demo accounts and each demo agency secret, with the fix", async () => {
    const folder = path.join(dir, "demo");
    const file = path.join(folder, "madoguchi.db");
    const db = openDatabase(file);
    await seedDemoData(db, { hashDemoPassword: async () => "scrypt$10$8$1$x$y" });
    seedAgencyEndpoints(db);
    const problems = demoLeftovers(db);
    db.$client.close();
    expect(problems[0]).toContain("DATABASE_PATH to a new file");
    expect(problems[1]).toMatch(/demo account\(s\), whose passwords are published .*create-admin --login/);
    expect(problems.some((problem) => /japan-post signs with the demo's secret.*set-agency-endpoint japan-post/.test(problem))).toBe(true);

    const started = await prepare({ ...keys, DATABASE_PATH: file, MADOGUCHI_DATA_DIR: folder });
    expect(started.code).toBe(1);
    expect(started.stdout).not.toContain("database ready");
    expect(started.stderr).toContain("production mode does not start on");
    expect(started.stderr).toContain("create-admin --login");
    expect(started.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it("refuses to start without its own keys, and generates none", async () => {
    const folder = path.join(dir, "no-keys");
    const started = await prepare({ DATABASE_PATH: path.join(folder, "madoguchi.db"), MADOGUCHI_DATA_DIR: folder, MADOGUCHI_SESSION_SECRET: undefined, MADOGUCHI_ENCRYPTION_KEYS: undefined, MADOGUCHI_AUDIT_KEY: undefined });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain("MADOGUCHI_SESSION_SECRET");
    expect(started.stderr).toContain("never generates keys");
    expect(started.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a new production database", () => {
  it("gets its first administrator and each organisation's own secret from the operator, then starts", async () => {
    const folder = path.join(dir, "production");
    const file = path.join(folder, "madoguchi.db");
    const db = openDatabase(file);

    // The first administrator, by the operations console's command (issue 14): a one-time link.
    const created = admin(db, "create-admin", "--login", "ops.sato", "--name", "佐藤 運用");
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/\/invitations\//);
    expect(getUserByLoginId(db, { loginId: "ops.sato" })).toMatchObject({ role: "administrator" });

    const endpoint = admin(db, "set-agency-endpoint", "japan-post", "--url", "https://post.example.jp/madoguchi");
    expect(endpoint.code).toBe(0);
    expect(endpoint.out).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored encrypted, never as printed.
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })).toMatchObject({ url: "https://post.example.jp/madoguchi", secret: expect.stringMatching(/^v1:/) });
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })!.secret).not.toContain(endpoint.out);
    expect(admin(db, "set-agency-endpoint", "japan-post", "--url", "http://post.example.jp/").code).toBe(1);
    expect(admin(db, "set-agency-endpoint", "no-such-organisation", "--url", "https://x.example/").code).toBe(1);
    expect(admin(db, "set-agency-endpoint", "municipality-13104", "--url", "https://x.example/")).toMatchObject({ code: 1, err: expect.stringContaining("back office") });

    const audit = db.select().from(auditEntries).all();
    expect(audit.map((entry) => entry.action)).toContain("agency.endpoint.set");
    expect(JSON.stringify(audit)).not.toContain(endpoint.out);
    expect(demoLeftovers(db)).toEqual([]);
    db.$client.close();

    const started = await prepare({ ...keys, DATABASE_PATH: file, MADOGUCHI_DATA_DIR: folder });
    expect(started.stderr).toBe("");
    expect(started.code).toBe(0);
    expect(started.stdout).toContain("[production mode]");
  });
});
