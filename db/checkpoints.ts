// Checkpoints off the writing thread. In WAL mode SQLite copies the log back into the database file, and syncs
// both to disk, inside whichever commit crosses `wal_autocheckpoint` (1,000 pages): the dispatcher's and the
// submissions' own commits waited on the disk there. A worker thread with its own connection does it instead,
// beside them, on the other core (README, "Design decisions", 2026-12-04 "Checkpoints run on their own thread").
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** How often the thread copies what the log holds into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * Past this many pages in the log a commit checkpoints by itself, as SQLite does by default: the log's bound
 * if the thread falls behind. Should the thread stop, the connection goes back to SQLite's default at once.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

// Plain JavaScript run by the thread (eval), so it needs no build step: it requires the same driver by its path.
const threadSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
const timer = setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type BackgroundCheckpoints = { stop(): void };

/**
 * Moves the checkpoints of `sqlite` (a WAL database file) to a worker thread: the connection checkpoints by
 * itself only past FALLBACK_AUTOCHECKPOINT_PAGES, and again at SQLite's default should the thread fail. The
 * thread never keeps the process alive. `driver` is for tests (a driver that cannot load makes the thread fail).
 */
export function checkpointInBackground(sqlite: Database.Database, { driver = createRequire(import.meta.url).resolve("better-sqlite3"), intervalMs = CHECKPOINT_INTERVAL_MS } = {}): BackgroundCheckpoints {
  const worker = new Worker(threadSource, { eval: true, workerData: { driver, file: sqlite.name, intervalMs } });
  worker.unref();
  let stopped = false;
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const fallBack = (reason: string) => {
    if (stopped) return;
    stopped = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
    console.error(`database: checkpoints are back on the writing thread (${reason})`);
  };
  worker.on("error", (error) => fallBack((error as { code?: string }).code ?? error.name));
  worker.on("exit", (code) => fallBack(`thread exited with ${code}`));
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage("stop");
    },
  };
}
