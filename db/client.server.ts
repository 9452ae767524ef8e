// The one database connection of a process: SQLite through better-sqlite3 in WAL mode, migrated on open.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle, or the database itself: query functions accept either. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "run" | "all" | "get" | "query">;

export const defaultDatabasePath = () => process.env.DATABASE_PATH ?? path.resolve(process.cwd(), "data", "madoguchi.db");
export const migrationsFolder = () => process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "db", "migrations");

/** Opens (and creates) a database file, sets the pragmas every connection needs, and applies pending migrations. */
export function openDatabase(file: string = defaultDatabasePath()): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

declare global {
  var __madoguchiDb: Db | undefined;
}

/** The process's shared connection, opened on first use (kept across dev-server reloads). */
export function getDb(): Db {
  globalThis.__madoguchiDb ??= openDatabase();
  return globalThis.__madoguchiDb;
}
