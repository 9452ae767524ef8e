// A fresh, migrated SQLite database file for one test file.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/client.server";

export function createTestDatabase(): { db: Db; file: string; close: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
