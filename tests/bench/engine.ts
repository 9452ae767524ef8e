// Engine benchmark (`npm run bench:engine`): what the case service and the dispatcher cost over what their
// stack allows, measured side by side in alternating rounds of one run.
//
// - submissions: submitCase (tanaka's moving-house sample: the case, its machine, procedure requests, status
//   events, outbox rows, audit entry, in one transaction) against raw better-sqlite3 inserting copies of the
//   same rows with prepared statements, on a database with the same schema and pragmas.
// - deliveries: the dispatcher delivering queued procedure requests over the real http connector to a loopback
//   server that answers 200 at once, against a plain fetch loop POSTing the same bodies to the same server,
//   at concurrency 8 and 32.
//
// - claims: the dispatcher's claim (8 due rows leased in the caller's transaction) from a backlog of --backlog
//   pending deliveries against the same from a backlog of 600 (or more, for many rounds), alternating: a ratio near 1 means the claim does not
//   slow down as a backlog builds up (an agency that was down for a day).
//
// Usage: npm run bench:engine [-- --json] [--rounds 3] [--duration 2] [--deliveries 600] [--backlog 20000]
//   last line: {"submissions":{"rate","baseline","ratio"},"deliveries":[{"concurrency","rate","baseline","ratio"}],
//   "claims":{"backlog","msPerRow","baselineBacklog","baselineMsPerRow","ratio"}}
import "../setup/run-keys";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { openDatabase, type Db } from "../../db/client.server";
import { Dispatcher } from "../../app/delivery/dispatcher.server";
import { httpConnector } from "../../app/delivery/connectors/http.server";
import { newRowId } from "../../db/ids";
import { sqlOutbox } from "../../db/queries/outbox";
import { submitSampleCase } from "../factories";
import { median, numberOption, report, round } from "./support/measure";

const rounds = numberOption("rounds", 3);
const durationMs = numberOption("duration", 2) * 1000;
const deliveriesPerRun = numberOption("deliveries", 600);
const backlog = numberOption("backlog", 20_000);
const concurrencies = [8, 32];

const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-engine-"));
let files = 0;
// The portal's connections (the server's, a worker's) checkpoint on a thread of their own (db/checkpoints.ts);
// the raw baseline's database is opened the same way, so both pay the same for the log.
const freshDb = ({ backgroundCheckpoints = false } = {}) => openDatabase(path.join(dir, `db-${files++}.db`), { backgroundCheckpoints });

// ---------------------------------------------------------------------------------------------------
// Submissions
// ---------------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
type Template = { table: string; rows: Row[] }[];

/** Every row one submission wrote, read back from the database it went to. */
function rowsOfOneCase(db: Db): { template: Template; rowIds: string[]; ids: string[] } {
  const sqlite = db.$client;
  const { case: kase, procedureRequests } = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  const requestIds = procedureRequests.map((request) => request.id);
  const inRequests = `(${requestIds.map(() => "?").join(",")})`;
  const template: Template = [
    { table: "cases", rows: sqlite.prepare("select * from cases where id = ?").all(kase.id) as Row[] },
    { table: "procedure_requests", rows: sqlite.prepare("select * from procedure_requests where case_id = ?").all(kase.id) as Row[] },
    { table: "procedure_events", rows: sqlite.prepare("select * from procedure_events where case_id = ?").all(kase.id) as Row[] },
    { table: "outbox", rows: sqlite.prepare(`select * from outbox where procedure_request_id in ${inRequests}`).all(...requestIds) as Row[] },
    { table: "audit_entries", rows: sqlite.prepare("select * from audit_entries where subject_id = ?").all(kase.id) as Row[] },
  ];
  // Integer keys are the database's to choose.
  for (const part of template) if (part.table === "procedure_events" || part.table === "audit_entries") for (const row of part.rows) delete row.id;
  const outboxIds = template.find((part) => part.table === "outbox")!.rows.map((row) => String(row.id));
  return { template, rowIds: [kase.id, ...requestIds, ...outboxIds], ids: [kase.reference, kase.submissionToken] };
}

/** Raw better-sqlite3: the same rows, new ids (time-ordered row ids, as submitCase makes them), prepared statements, one immediate transaction per case. */
function rawSubmitter(db: Db, { template, rowIds, ids }: { template: Template; rowIds: string[]; ids: string[] }) {
  const sqlite = db.$client;
  const statements = template.map((part) => {
    const columns = Object.keys(part.rows[0]);
    return { part, columns, statement: sqlite.prepare(`insert into ${part.table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`) };
  });
  const write = sqlite.transaction(() => {
    const fresh = new Map([...rowIds.map((id) => [id, newRowId()] as const), ...ids.map((id) => [id, randomUUID()] as const)]);
    const swap = (value: unknown) => {
      if (typeof value !== "string") return value;
      let out = value;
      for (const [from, to] of fresh) if (out.includes(from)) out = out.split(from).join(to);
      return out;
    };
    for (const { part, columns, statement } of statements) for (const row of part.rows) statement.run(...columns.map((column) => swap(row[column])));
  });
  return () => write.immediate();
}

function rate(work: () => void): number {
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < durationMs) {
    work();
    done++;
  }
  return (done * 1000) / (performance.now() - started);
}

function benchSubmissions() {
  const portalDb = freshDb({ backgroundCheckpoints: true });
  const rawDb = freshDb({ backgroundCheckpoints: true });
  const shape = rowsOfOneCase(freshDb());
  const rowsPerCase = shape.template.reduce((sum, part) => sum + part.rows.length, 0);
  const raw = rawSubmitter(rawDb, shape);
  const submit = () => submitSampleCase(portalDb, "relocation", "p-tanaka-ichiro");
  submit();
  raw();
  const pairs: { rate: number; baseline: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0 ? rate(raw) : rate(submit);
    const second = r % 2 === 0 ? rate(submit) : rate(raw);
    pairs.push(r % 2 === 0 ? { baseline: first, rate: second } : { rate: first, baseline: second });
    process.stderr.write(`round ${r + 1} submissions: ${pairs.at(-1)!.rate.toFixed(0)}/s, raw ${pairs.at(-1)!.baseline.toFixed(0)}/s\n`);
  }
  portalDb.$client.close();
  rawDb.$client.close();
  return {
    rate: round(median(pairs.map((p) => p.rate)), 1),
    baseline: round(median(pairs.map((p) => p.baseline)), 1),
    ratio: round(median(pairs.map((p) => p.rate / p.baseline)), 3),
    rowsPerCase,
  };
}

// ---------------------------------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------------------------------

/** An agency's system that answers every delivery with 200 at once, and keeps the bodies it received. */
async function startAgency() {
  const bodies: string[] = [];
  let keep = true;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (keep) bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"reference":"A-${bodies.length}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`,
    bodies,
    stopKeeping: () => (keep = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A database with at least `count` deliveries queued. */
function queuedDeliveries(count: number, { backgroundCheckpoints = true } = {}): Db {
  const db = freshDb({ backgroundCheckpoints });
  let queued = 0;
  while (queued < count) queued += submitSampleCase(db, "relocation", "p-tanaka-ichiro").procedureRequests.filter((r) => r.status === "queued").length;
  return db;
}

async function dispatcherRate(db: Db, url: string, concurrency: number): Promise<number> {
  const sqlite = db.$client;
  const total = (sqlite.prepare("select count(*) as n from outbox where status = 'pending'").get() as { n: number }).n;
  // Polled every 5 ms while the dispatcher runs in this process, so it must cost next to nothing: a count over
  // the pending rows took about 2% of the dispatcher's time, charged to the dispatcher.
  const pending = sqlite.prepare("select exists (select 1 from outbox where status = 'pending') as n");
  const connector = httpConnector({ url, secret: "bench-secret" });
  const dispatcher = new Dispatcher({ db, connectors: () => connector, concurrency, pollMs: 10, log: () => {} });
  const started = performance.now();
  dispatcher.start();
  while ((pending.get() as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const elapsed = performance.now() - started;
  await dispatcher.stop();
  const dead = (sqlite.prepare("select count(*) as n from outbox where status = 'dead'").get() as { n: number }).n;
  if (dead > 0) throw new Error(`${dead} deliveries were dead-lettered`);
  return (total * 1000) / elapsed;
}

async function fetchLoopRate(url: string, bodies: string[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body });
        await response.text();
      }
    }),
  );
  return (bodies.length * 1000) / (performance.now() - started);
}

async function benchDeliveries() {
  const agency = await startAgency();
  try {
    // A first run fills the agency's list of bodies, which the fetch loop sends again.
    const warmUp = async (count: number) => {
      const db = queuedDeliveries(count);
      await dispatcherRate(db, agency.url, 8);
      db.$client.close();
    };
    await warmUp(Math.min(deliveriesPerRun, 100));
    agency.bodies.length = 0;
    await warmUp(deliveriesPerRun);
    agency.stopKeeping();
    const bodies = [...agency.bodies];
    // The fetch loop is warmed as the dispatcher was, so neither is measured while its code is still compiled.
    await fetchLoopRate(agency.url, bodies, 8);
    const results = [];
    for (const concurrency of concurrencies) {
      const pairs: { rate: number; baseline: number }[] = [];
      for (let r = 0; r < rounds; r++) {
        const db = queuedDeliveries(deliveriesPerRun);
        const portalFirst = r % 2 === 1;
        const a = portalFirst ? await dispatcherRate(db, agency.url, concurrency) : await fetchLoopRate(agency.url, bodies, concurrency);
        const b = portalFirst ? await fetchLoopRate(agency.url, bodies, concurrency) : await dispatcherRate(db, agency.url, concurrency);
        db.$client.close();
        pairs.push(portalFirst ? { rate: a, baseline: b } : { rate: b, baseline: a });
        process.stderr.write(`round ${r + 1} deliveries at ${concurrency}: ${pairs.at(-1)!.rate.toFixed(0)}/s, fetch loop ${pairs.at(-1)!.baseline.toFixed(0)}/s\n`);
      }
      results.push({
        concurrency,
        rate: round(median(pairs.map((p) => p.rate)), 1),
        baseline: round(median(pairs.map((p) => p.baseline)), 1),
        ratio: round(median(pairs.map((p) => p.rate / p.baseline)), 3),
      });
    }
    return results;
  } finally {
    await agency.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Claims from a backlog
// ---------------------------------------------------------------------------------------------------

/** A database with `count` pending deliveries: real ones, and copies of them as later deliveries of the same requests. */
function backlogOf(count: number): Db {
  const db = queuedDeliveries(Math.min(count, 600), { backgroundCheckpoints: false });
  const sqlite = db.$client;
  const rows = sqlite.prepare("select * from outbox where status = 'pending'").all() as Row[];
  const columns = Object.keys(rows[0]);
  const insert = sqlite.prepare(`insert into outbox (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`);
  sqlite.transaction(() => {
    for (let i = rows.length; i < count; i++) {
      const row = rows[i % rows.length];
      const delivery = Number(row.delivery) + Math.floor(i / rows.length);
      const copy: Row = { ...row, id: newRowId(), delivery, idempotency_key: `${String(row.procedure_request_id)}-${delivery}` };
      insert.run(...columns.map((column) => copy[column]));
    }
  })();
  return db;
}

/** Milliseconds per row of claiming 8 rows at a time, each claim in its own transaction, the rows then done. */
function claimMsPerRow(db: Db, claims: number): number {
  const done = db.$client.prepare("update outbox set status = 'delivered', lease_owner = null, lease_expires_at = null where id = ?");
  let ms = 0;
  let rows = 0;
  for (let i = 0; i < claims; i++) {
    db.transaction(
      () => {
        const started = performance.now();
        const taken = sqlOutbox.claim(db, { owner: "bench", now: new Date(Date.now() + 1_000), leaseMs: 60_000, limit: 8 });
        ms += performance.now() - started;
        rows += taken.length;
        for (const row of taken) done.run(row.id);
      },
      { behavior: "immediate" },
    );
  }
  return ms / rows;
}

function benchClaims() {
  // Every claim takes its rows out of the backlog: the small one holds at least what the rounds take.
  const baselineBacklog = Math.max(deliveriesPerRun, 8 * (5 + 20 * rounds) + 8);
  const small = backlogOf(baselineBacklog);
  const large = backlogOf(backlog);
  claimMsPerRow(small, 5);
  claimMsPerRow(large, 5);
  const pairs: { msPerRow: number; baselineMsPerRow: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const largeFirst = r % 2 === 1;
    const a = claimMsPerRow(largeFirst ? large : small, 20);
    const b = claimMsPerRow(largeFirst ? small : large, 20);
    pairs.push(largeFirst ? { msPerRow: a, baselineMsPerRow: b } : { msPerRow: b, baselineMsPerRow: a });
    process.stderr.write(`round ${r + 1} claims: ${(pairs.at(-1)!.msPerRow * 1000).toFixed(1)} µs a row from ${backlog}, ${(pairs.at(-1)!.baselineMsPerRow * 1000).toFixed(1)} µs from ${baselineBacklog}\n`);
  }
  small.$client.close();
  large.$client.close();
  return {
    backlog,
    msPerRow: round(median(pairs.map((p) => p.msPerRow)), 4),
    baselineBacklog,
    baselineMsPerRow: round(median(pairs.map((p) => p.baselineMsPerRow)), 4),
    ratio: round(median(pairs.map((p) => p.msPerRow / p.baselineMsPerRow)), 2),
  };
}

try {
  const submissions = benchSubmissions();
  const deliveries = await benchDeliveries();
  const claims = benchClaims();
  const result = { submissions, deliveries, claims, settings: { rounds, durationMs, deliveriesPerRun, backlog }, machine: { cpus: os.cpus().length, node: process.version, load1: round(os.loadavg()[0]) } };
  report(
    result,
    [
      `submissions ${submissions.rate}/s against raw better-sqlite3 ${submissions.baseline}/s (${submissions.rowsPerCase} rows a case): ratio ${submissions.ratio}`,
      ...deliveries.map((d) => `deliveries at concurrency ${d.concurrency}: ${d.rate}/s against a fetch loop ${d.baseline}/s: ratio ${d.ratio}`),
      `claims from a backlog of ${claims.backlog}: ${claims.msPerRow} ms a row against ${claims.baselineMsPerRow} from ${claims.baselineBacklog}: ratio ${claims.ratio}`,
    ].join("\n"),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
