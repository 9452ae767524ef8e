// Scale benchmark (`npm run bench:scale`): the officer's inbox and the citizen's case pages as the tables grow.
// Builds databases of 10k, 100k and 1M procedure requests spread over 50 organisations (5 per case, most of
// them decided long ago, the newest 1,000 cases still open, deadlines spread over two months after each case), copied from the rows one real
// submission writes, and caches them in data/bench/ (git-ignored; delete the folder to build them again).
// Each database is opened with openDatabase, so new migrations (indexes) apply to the cached files too.
//
// inboxMs: one organisation's inbox as the page reads it (the queries of inboxView: the list of open work by deadline, the
// count per status and the overdue count), median of --repeat calls. casesMs: one citizen's case list, the
// header's "needs you" count and one case's status view.
//
// Usage: npm run bench:scale [-- --json] [--sizes 10000,100000,1000000] [--repeat 15]
//   last line: {"runs":[{"procedureRequests","inboxMs","casesMs",...}]}
import "../setup/run-keys";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/client.server";
import { countInboxRequestsByStatus, countOverdueInboxRequests, listInboxRequests } from "../../db/queries/office";
import { caseStatusFinal } from "../../flows";
import { caseStatusView, countCasesNeedingAction } from "../../app/cases/case-pages.server";
import { listCasesForApplicant } from "../../db/queries/cases";
import { submitSampleCase } from "../factories";
import { median, numberOption, option, report, round } from "./support/measure";

const sizes = option("sizes", "10000,100000,1000000").split(",").map(Number);
const repeat = numberOption("repeat", 15);
const organisations = 50;
const perCase = 5;
const cacheDir = path.resolve("data", "bench");
const measuredAgency = "bench-org-07";
const measuredApplicant = "p-bench-000042";

type Row = Record<string, unknown>;

/** Fills an empty database with `count` procedure requests, from the shape of one real submission. */
function fill(db: Db, count: number) {
  const sqlite = db.$client;
  const sample = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  const caseRow = sqlite.prepare("select * from cases where id = ?").get(sample.case.id) as Row;
  const requestRow = sqlite.prepare("select * from procedure_requests where case_id = ?").get(sample.case.id) as Row;
  const eventRow = sqlite.prepare("select * from procedure_events where case_id = ? limit 1").get(sample.case.id) as Row;
  delete eventRow.id;
  const insert = (table: string, columns: string[]) => sqlite.prepare(`insert into ${table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`);
  const caseColumns = Object.keys(caseRow);
  const requestColumns = Object.keys(requestRow);
  const eventColumns = Object.keys(eventRow);
  const insertCase = insert("cases", caseColumns);
  const insertRequest = insert("procedure_requests", requestColumns);
  const insertEvent = insert("procedure_events", eventColumns);
  const start = Date.parse("2025-06-01T00:00:00Z");
  const cases = Math.ceil(count / perCase);
  let made = 0;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let c = from; c < to; c++) {
      const caseId = `bench-case-${c}`;
      const created = new Date(start + c * Math.floor((540 * 86_400_000) / cases));
      const at = created.toISOString();
      insertCase.run(
        ...caseColumns.map((column) =>
          ({ id: caseId, reference: `MDG-B-${c}`, submission_token: `bench-token-${c}`, applicant_id: `p-bench-${String(c % 40_000).padStart(6, "0")}`, created_at: at, updated_at: at })[column] ?? caseRow[column],
        ),
      );
      for (let p = 0; p < perCase && made < count; p++, made++) {
        const id = `bench-pr-${c}-${p}`;
        // Old cases are decided; the newest 1,000 (half, in the smallest database) are still open work, so the
        // open work stays the same while the history grows.
        const open = c >= cases - Math.min(cases / 2, 1_000);
        const status = open ? (p % 3 === 0 ? "queued" : "delivered") : p % 4 === 0 ? "rejected" : "accepted";
        const deadline = new Date(created.getTime() + ((c * 7 + p * 13) % 60) * 86_400_000).toISOString().slice(0, 10);
        const agencyId = `bench-org-${String((c * perCase + p) % organisations).padStart(2, "0")}`;
        insertRequest.run(
          ...requestColumns.map((column) =>
            ({ id, case_id: caseId, procedure_id: `procedure-${p}`, agency_id: agencyId, status, deadline, created_at: at, updated_at: at })[column] ?? requestRow[column],
          ),
        );
        const steps = status === "queued" ? ["queued"] : status === "delivered" ? ["queued", "delivering", "delivered"] : ["queued", "delivering", "delivered", status];
        steps.forEach((to, i) =>
          insertEvent.run(
            ...eventColumns.map((column) => ({ procedure_request_id: id, case_id: caseId, from_status: i === 0 ? null : steps[i - 1], to_status: to, at })[column] ?? eventRow[column]),
          ),
        );
      }
    }
  });
  for (let c = 0; c < cases; c += 2_000) batch(c, Math.min(cases, c + 2_000));
  // The sample case itself is not part of the figures.
  sqlite.prepare("delete from outbox").run();
  sqlite.prepare("delete from procedure_events where case_id = ?").run(sample.case.id);
  sqlite.prepare("delete from procedure_requests where case_id = ?").run(sample.case.id);
  sqlite.prepare("delete from cases where id = ?").run(sample.case.id);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
}

function databaseOf(count: number): Db {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `scale-${count}.db`);
  if (!existsSync(file)) {
    process.stderr.write(`bench:scale: building ${count} procedure requests (cached in ${path.relative(process.cwd(), file)})…\n`);
    const building = `${file}.building`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
    const db = openDatabase(building);
    fill(db, count);
    db.$client.close();
    renameSync(building, file);
  }
  return openDatabase(file);
}

function timeMs(work: () => void): number {
  work(); // warm: statements, page cache
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const runs = [];
for (const count of sizes) {
  const db = databaseOf(count);
  const now = new Date("2026-12-02T03:00:00Z");
  let listed = 0;
  const inboxMs = timeMs(() => {
    // What the inbox page reads (app/office/office.server.ts inboxView, default filters: open work, any deadline).
    const today = now.toISOString().slice(0, 10);
    listed = listInboxRequests(db, { agencyId: measuredAgency, excludeStatuses: [...caseStatusFinal] }).length;
    countInboxRequestsByStatus(db, { agencyId: measuredAgency });
    countOverdueInboxRequests(db, { agencyId: measuredAgency, today, finalStatuses: [...caseStatusFinal] });
  });
  const caseId = (db.$client.prepare("select id from cases where applicant_id = ? limit 1").get(measuredApplicant) as { id: string } | undefined)?.id;
  const casesMs = timeMs(() => {
    listCasesForApplicant(db, { applicantId: measuredApplicant });
    countCasesNeedingAction(db, { applicantId: measuredApplicant });
    if (caseId) caseStatusView(db, { caseId, lang: "ja" });
  });
  db.$client.close();
  runs.push({ procedureRequests: count, inboxMs: round(inboxMs), casesMs: round(casesMs), inboxRows: listed });
  process.stderr.write(`${count}: inbox ${round(inboxMs)} ms (${listed} rows), citizen's cases ${round(casesMs)} ms\n`);
}
report(
  { runs, settings: { organisations, repeat }, machine: { cpus: os.cpus().length, node: process.version, load1: round(os.loadavg()[0]) } },
  runs.map((run) => `${run.procedureRequests} procedure requests: inbox ${run.inboxMs} ms, citizen's cases ${run.casesMs} ms`).join("\n"),
);
