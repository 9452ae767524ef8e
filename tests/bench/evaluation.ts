// Evaluation benchmark (`npm run bench:evaluation`): the dashboard and the yearly report on the demo history
// (20,000 cases over FY2024 and FY2025 by default, `npm run demo:history`'s generator with its seed), cached in
// data/bench/ (delete it to rebuild). Each view is timed as the page's loader computes it (median of --repeat
// calls), against a baseline in the same run: raw better-sqlite3 reading the same fiscal year's procedure
// requests with their first decision, the least any figure of the year must read. Ratios mean more than the
// milliseconds on a shared machine. No timed assertion anywhere.
//
// Usage: npm run bench:evaluation [-- --json] [--cases 20000] [--repeat 7]
//   last line: {"cases","procedureRequests","baselineMs","baselineCpuMs","views":[{"view","ms","cpuMs","ratio"}],...}
//   ratio: the view's CPU time over the baseline's.
import "../setup/run-keys";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client.server";
import { generateHistory } from "../../app/demo/history.server";
import { dashboardView } from "../../app/evaluation/dashboard.server";
import { plansPageView } from "../../app/evaluation/plans.server";
import { reportCsv, reportView } from "../../app/evaluation/report.server";
import { median, numberOption, report, round } from "./support/measure";

const cases = numberOption("cases", 20_000);
const repeat = numberOption("repeat", 7);
const cacheDir = path.resolve("data", "bench");
const file = path.join(cacheDir, `evaluation-${cases}.db`);
const now = new Date("2026-12-02T00:00:00Z");

if (!existsSync(file)) {
  mkdirSync(cacheDir, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const db = openDatabase(building);
  process.stderr.write(`building ${cases} cases of history in ${path.relative(process.cwd(), file)}…\n`);
  generateHistory(db, { cases, seed: 2026, fiscalYears: [2024, 2025], now });
  db.$client.close();
  renameSync(building, file);
}

const db = openDatabase(file);
/** Median wall and CPU milliseconds of `work` (CPU: this process's user and system time, which a busy machine moves less). */
const measure = (work: () => unknown) => {
  work(); // warm the page cache and the statement cache
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(startedCpu);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
};

const from = new Date(Date.parse("2025-04-01T00:00:00+09:00")).toISOString();
const to = new Date(Date.parse("2026-04-01T00:00:00+09:00")).toISOString();
const baselineQuery = db.$client.prepare(
  "select r.id, r.procedure_id, r.agency_id, r.status, r.data_items, r.items_typed, c.created_at, (select min(e.at) from procedure_events e where e.procedure_request_id = r.id and e.to_status in ('accepted', 'rejected')) as decided from procedure_requests r join cases c on c.id = r.case_id where c.created_at >= ? and c.created_at < ?",
);
const baseline = measure(() => baselineQuery.all(from, to));
const procedureRequests = (db.$client.prepare("select count(*) as n from procedure_requests").get() as { n: number }).n;
const fiscalYear = 2025;
const views: [string, () => unknown][] = [
  ["dashboard, FY2025, everything", () => dashboardView(db, { from: "2025-04", to: "2026-03" }, "ja")],
  ["dashboard, FY2025, one ministry", () => dashboardView(db, { from: "2025-04", to: "2026-03", ministryId: "local-government-municipality" }, "ja")],
  ["yearly report page, FY2025", () => reportView(db, { fiscalYear }, "ja")],
  ["yearly report CSV, FY2025, one ministry", () => reportCsv(db, { fiscalYear, ministryId: "local-government-municipality" })],
  ["plans page (last 12 months)", () => plansPageView(db, "ja", now)],
];
const results = views.map(([view, work]) => {
  const { ms, cpuMs } = measure(work);
  process.stderr.write(`${view}: ${round(ms)} ms, CPU ${round(cpuMs)} ms (${round(cpuMs / baseline.cpuMs)}× the baseline's CPU)\n`);
  return { view, ms: round(ms), cpuMs: round(cpuMs), ratio: round(cpuMs / baseline.cpuMs) };
});
db.$client.close();
report(
  { cases, procedureRequests, baselineMs: round(baseline.ms), baselineCpuMs: round(baseline.cpuMs), views: results, settings: { repeat }, machine: { cpus: os.cpus().length, node: process.version, load1: round(os.loadavg()[0]) } },
  `${cases} cases, ${procedureRequests} procedure requests; baseline (reading FY2025's requests with their decision) ${round(baseline.ms)} ms, CPU ${round(baseline.cpuMs)} ms\n` +
    results.map((r) => `${r.view}: ${r.ms} ms, CPU ${r.cpuMs} ms, ${r.ratio}× the baseline's CPU`).join("\n"),
);
