import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "./client.server";
import { checkpointInBackground, FALLBACK_AUTOCHECKPOINT_PAGES } from "./checkpoints";

const dirs: string[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databaseFile() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-checkpoints-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}

/** About 2 MB of pages in the log (500 pages: fewer than SQLite's own 1,000, so the writer never copies them). */
function writeTwoMegabytes(sqlite: Database.Database) {
  sqlite.exec("CREATE TABLE filler (text TEXT)");
  const insert = sqlite.prepare("INSERT INTO filler VALUES (?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`${i}`.padEnd(4000, "x"));
  })();
}

describe("checkpoints on their own thread", () => {
  it("copies the log into the database file while the writing connection only writes the log", async () => {
    const file = databaseFile();
    const db = openDatabase(file, { backgroundCheckpoints: true });
    closers.push(() => db.$client.close());
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    const before = statSync(file).size;
    writeTwoMegabytes(db.$client);
    // The pages reach the database file although this connection never checkpoints below 10,000 pages.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 2_000_000), { timeout: 30_000, interval: 20 });
  });

  it("leaves a connection opened without it to SQLite's own checkpoints", () => {
    const db = openDatabase(databaseFile());
    closers.push(() => db.$client.close());
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });

  it("gives the checkpoints back to the writing connection when the thread fails", async () => {
    const sqlite = new Database(databaseFile());
    sqlite.pragma("journal_mode = WAL");
    closers.push(() => sqlite.close());
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    checkpointInBackground(sqlite, { driver: "/nowhere/better-sqlite3.js" });
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await vi.waitFor(() => expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1000), { timeout: 30_000, interval: 20 });
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^database: checkpoints are back on the writing thread/));
    errors.mockRestore();
  });

  it("ends its thread when the connection closes", async () => {
    const file = databaseFile();
    const db = openDatabase(file, { backgroundCheckpoints: true });
    writeTwoMegabytes(db.$client);
    db.$client.close();
    // The thread's connection closed too: the last one to close checkpoints the log and removes it.
    await vi.waitFor(() => expect(() => statSync(`${file}-wal`)).toThrow(/ENOENT/), { timeout: 30_000, interval: 20 });
  });
});
