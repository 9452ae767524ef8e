import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../tests/setup/test-db";

const { db, close } = createTestDatabase();
afterAll(close);

describe("database connection", () => {
  it("runs in WAL mode with foreign keys enforced", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("has applied the committed migrations", () => {
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["audit_entries", "settings", "__drizzle_migrations"]));
  });
});
