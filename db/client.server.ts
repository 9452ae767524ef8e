// The one database connection of a process: SQLite through better-sqlite3 in WAL mode, migrated on open.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { checkpointInBackground } from "./checkpoints";
import { auditAnchorPath, auditKeyring, readAuditAnchor, writeAuditAnchor } from "./audit-seal";
import { appendAuditKeyRotation, auditEntryMadeWith, findAuditHead, findAuditHeadEntry, sealLegacyAuditChain } from "./queries/audit";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle, or the database itself: query functions accept either. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "run" | "all" | "get" | "query">;

export const defaultDatabasePath = () => process.env.DATABASE_PATH ?? path.resolve(process.cwd(), "data", "madoguchi.db");
export const migrationsFolder = () => process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "db", "migrations");

/** The database cannot be written: the portal must not start and say it is ready. */
export class DatabaseNotWritableError extends Error {
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The database ${file} cannot be written (${reason}). Madoguchi needs to write the file and to create ${path.basename(file)}-wal ` +
        `and ${path.basename(file)}-shm beside it: make the file and its folder writable by the user that runs the portal ` +
        `(and the filesystem not read-only), or set DATABASE_PATH to a writable place, then start again.`,
    );
    this.name = "DatabaseNotWritableError";
  }
}

/**
 * Creates the file (and its folder) readable by the owner only, and tightens files an older version left
 * readable by others. SQLite gives the -wal and -shm files the database file's permissions.
 */
function ownerOnly(file: string) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(each) && (statSync(each).mode & 0o077) !== 0) chmodSync(each, 0o600);
  }
}

/**
 * Proves the database can be written, without changing it: a table created in a transaction that is
 * rolled back. A read-only file, folder or filesystem fails here, at start, rather than on every write.
 */
function assertWritable(sqlite: Database.Database) {
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.exec("CREATE TABLE madoguchi_write_probe (x INTEGER)");
  } finally {
    sqlite.exec("ROLLBACK");
  }
}

/**
 * Opens (and creates, owner-only) a database file, sets the pragmas every connection needs, applies pending
 * migrations and checks that it can be written; throws DatabaseNotWritableError when it cannot. A long-lived
 * connection that writes much (the server's, a worker's) asks for `backgroundCheckpoints` (db/checkpoints.ts).
 */
export function openDatabase(file: string = defaultDatabasePath(), { backgroundCheckpoints = false }: { backgroundCheckpoints?: boolean } = {}): Db {
  let sqlite: Database.Database | undefined;
  try {
    if (file !== ":memory:") ownerOnly(file);
    sqlite = new Database(file);
    reuseStatements(sqlite);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // Temporary files in memory: past 64 KiB a savepoint's journal (about 16 pages a case event; the dispatcher
    // opens one per row when it writes a turn again after a failure) was written to a temporary file on disk, about
    // a quarter of a delivery's CPU; and page images of personal data are no longer written to temporary files.
    sqlite.pragma("temp_store = MEMORY");
    assertWritable(sqlite);
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: migrationsFolder() });
    if (file !== ":memory:") {
      ownerOnly(file);
      anchorAuditAppends(db, file);
      if (backgroundCheckpoints) {
        const checkpoints = checkpointInBackground(sqlite);
        const close = sqlite.close.bind(sqlite);
        sqlite.close = () => {
          checkpoints.stop();
          return close();
        };
      }
    }
    return db;
  } catch (error) {
    sqlite?.close();
    const code = (error as { code?: string }).code ?? "";
    if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH|IOERR)|^EACCES$|^EPERM$|^EROFS$/.test(code)) throw new DatabaseNotWritableError(file, error);
    throw error;
  }
}

/** How many prepared statements a connection keeps; the queries of the whole portal fit many times over. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Makes `prepare` reuse the statement already compiled for the same SQL text (the least recently used is
 * dropped past STATEMENT_CACHE_SIZE). Drizzle prepares its SQL again on every call, and SQLite's compiling
 * cost more than running most of our statements. A reused statement is handed out as a new one would be
 * (rows as objects, not raw, plucked or expanded); one still being iterated is never handed out twice.
 */
function reuseStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached && !cached.busy) {
      statements.delete(source);
      statements.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (cached) return statement;
    statements.set(source, statement);
    if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    return statement;
  }) as Database.Database["prepare"];
}

/** The most often the anchor is rewritten under load: how far, at worst, it trails the head of a running portal. */
export const ANCHOR_INTERVAL_MS = 100;

/**
 * Keeps the audit log's anchor (db/audit-seal.ts) at the chain's head: a TEMP trigger (this connection
 * only) notes every appended entry, and once the transaction is over (at the end of the event loop's turn;
 * under load at most once every ANCHOR_INTERVAL_MS) the head is written to the anchor file. The anchor moves only along the chain it names: when the entry it names is gone or changed, or it
 * was removed while entries exist, it is left as it is, so audit:verify reports it. Protects against
 * deleting entries at the end of the log, or all of them, unnoticed.
 *
 * The anchor is written after the commit, never before: a process killed between the two leaves it behind
 * the head (audit:verify accepts and counts entries after the anchored one), and the next connection to open
 * the database moves it up to the head at once. Written before the commit, a transaction that then failed
 * would leave an anchor naming an entry that never existed, indistinguishable from a cut tail.
 */
function anchorAuditAppends(db: Db, file: string) {
  const sqlite = db.$client;
  const anchorFile = auditAnchorPath(file);
  // A chain from before the key (unkeyed) is sealed under the key once, and anchored.
  if (!existsSync(anchorFile) && sealLegacyAuditChain(db) > 0) writeAuditAnchor(anchorFile, findAuditHead(db)!);
  handOverAuditKey(db);
  const emptyAtOpen = findAuditHead(db) === undefined;
  let scheduled = false;
  const moveAnchor = () => {
    const head = findAuditHead(db);
    if (!head) return;
    let anchor: ReturnType<typeof readAuditAnchor>;
    try {
      // Under the current key, or a retired one (an anchor from before a key rotation, rewritten here).
      const { current, previous } = auditKeyring();
      anchor = readAuditAnchor(anchorFile, [current, ...previous]);
    } catch {
      return; // an anchor no known key made: left for audit:verify to report
    }
    // With an anchor: only if the entry it names is still there, unchanged. Without: only for a log that
    // was empty when this connection opened (a new database), never for older entries whose anchor went.
    const continues = anchor ? sqlite.prepare("SELECT 1 FROM audit_entries WHERE id = ? AND hash = ?").get(anchor.id, anchor.hash) !== undefined : emptyAtOpen;
    if (continues && head.id !== anchor?.id) writeAuditAnchor(anchorFile, head);
  };
  // Under load the anchor is written at most once every ANCHOR_INTERVAL_MS; the first append after a quiet
  // spell is anchored at once. Each write is a new file renamed over the old one, about 0.3 ms of the file
  // system's time on ext4; written every turn of a busy dispatcher, that was a tenth of its CPU.
  let lastWritten = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (!sqlite.open) return;
    // Still inside a transaction (an async caller between BEGIN and COMMIT): after it.
    if (sqlite.inTransaction) return void setImmediate(flush);
    const wait = lastWritten + ANCHOR_INTERVAL_MS - performance.now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        flush();
      }, wait).unref();
      return;
    }
    scheduled = false;
    moveAnchor();
    lastWritten = performance.now();
  };
  // An anchor left behind by a process killed between its commit and the anchor's write catches up now.
  moveAnchor();
  // A process that closes its connection right after appending (a CLI) anchors before it closes.
  const close = sqlite.close.bind(sqlite);
  sqlite.close = () => {
    clearTimeout(timer);
    if (scheduled && !sqlite.inTransaction) {
      scheduled = false;
      moveAnchor();
    }
    return close();
  };
  sqlite.function("madoguchi_audit_appended", { deterministic: false }, () => {
    if (!scheduled) {
      scheduled = true;
      // After the I/O callbacks of this turn of the event loop: the deliveries recorded together (each one an
      // audit entry) move the anchor once, as one atomic file rename, not once each; under load, once an interval.
      setImmediate(flush);
    }
    return null;
  });
  sqlite.exec("CREATE TEMP TRIGGER IF NOT EXISTS madoguchi_audit_anchor AFTER INSERT ON main.audit_entries BEGIN SELECT madoguchi_audit_appended(); END");
}

/**
 * Rotating the audit key (README, "Rotating the audit key"): when the chain's last entry was made with a
 * retired key (MADOGUCHI_AUDIT_PREVIOUS_KEYS) and not the current one, the first connection opened with the
 * new key appends the handover entry (appendAuditKeyRotation), signed by both, before anything else is
 * appended. A head made with no known key is left alone, for audit:verify to report.
 */
function handOverAuditKey(db: Db) {
  let keyring: ReturnType<typeof auditKeyring>;
  try {
    keyring = auditKeyring();
  } catch {
    return; // no key in this process (it appends nothing either)
  }
  const { current, previous } = keyring;
  if (previous.length === 0) return;
  db.transaction(
    (tx) => {
      const head = findAuditHeadEntry(tx);
      if (!head || auditEntryMadeWith(head, current)) return;
      const retired = previous.find((key) => auditEntryMadeWith(head, key));
      if (retired) appendAuditKeyRotation(tx, { previous: retired, next: current });
    },
    { behavior: "immediate" },
  );
}

declare global {
  var __madoguchiDb: Db | undefined;
}

/** The process's shared connection, opened on first use (kept across dev-server reloads). */
export function getDb(): Db {
  globalThis.__madoguchiDb ??= openDatabase(defaultDatabasePath(), { backgroundCheckpoints: true });
  return globalThis.__madoguchiDb;
}
