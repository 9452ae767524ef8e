// The crash scenario shared by the crash test (npm test) and `npm run test:chaos`: worker processes
// deliver hundreds of procedures to a faulty agency simulator while they are killed with SIGKILL at random
// moments and restarted; afterwards every due procedure must be delivered or dead-lettered, none applied twice.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client.server";
import { verifyAuditChain } from "../../db/queries/audit";
import { outbox, procedureRequests } from "../../db/schema";
import { seedAgencyEndpoints } from "../../app/demo/seed.server";
import { startAgencySimulator, type Faults, type SimulatorStats } from "../../app/demo/simulator/agency-simulator.server";
import { submitSampleCase } from "../factories";

export type CrashScenario = {
  /** Cases to submit; each Tanaka relocation makes five deliveries due at once (four http, one inbox). */
  cases: number;
  kills: number;
  workers: number;
  maxAttempts: number;
  faults: Partial<Faults>;
  /** Random pause between kills, in ms. */
  killEveryMs: [number, number];
  /** Before a kill, when fewer deliveries than this are pending, submit `cases / 4` more: every kill lands mid-work. */
  refillBelow: number;
  log?: (message: string) => void;
};

export type CrashReport = {
  cases: number;
  /** Deliveries due: one per procedure request that could start at submission. */
  submitted: number;
  delivered: number;
  deadLettered: number;
  lost: number;
  appliedTwice: number;
  kills: number;
  killsWhileDelivering: number;
  inconsistent: string[];
  auditChainOk: boolean;
  stats: SimulatorStats;
};

const root = process.cwd();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);

function pendingCount(db: Db) {
  return db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "pending")).all().length;
}

export async function runCrashScenario(scenario: CrashScenario): Promise<CrashReport> {
  const log = scenario.log ?? (() => {});
  const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-chaos-"));
  const databasePath = path.join(dir, "chaos.db");
  const db = openDatabase(databasePath);
  const simulator = await startAgencySimulator({ faults: scenario.faults, log: () => {} });
  const workers = new Set<ChildProcess>();
  try {
    seedAgencyEndpoints(db, { baseUrl: simulator.url });
    let submittedCases = 0;
    const submit = (count: number) => {
      for (let i = 0; i < count; i++) submitSampleCase(db, "relocation", "p-tanaka-ichiro", { maxAttempts: scenario.maxAttempts });
      submittedCases += count;
      log(`submitted ${submittedCases} cases`);
    };
    submit(scenario.cases);

    const env = {
      ...process.env,
      DATABASE_PATH: databasePath,
      DISPATCHER_BACKOFF_BASE_MS: "5",
      DISPATCHER_BACKOFF_CAP_MS: "50",
      DELIVERY_TIMEOUT_MS: "400",
      DISPATCHER_LEASE_MS: "1400",
      DISPATCHER_POLL_MS: "20",
      DISPATCHER_CONCURRENCY: "8",
    };
    const startWorker = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        // tsx as a loader, not its CLI: the CLI runs the script in a child process, which SIGKILL would orphan.
        const child = spawn(process.execPath, ["--import", "tsx", "app/cli/worker.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
        workers.add(child);
        let output = "";
        const onData = (chunk: Buffer) => {
          output += chunk;
          if (output.includes("worker: dispatching")) resolve(child);
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
        child.once("exit", (code, signal) => {
          workers.delete(child);
          if (!output.includes("worker: dispatching")) reject(new Error(`worker exited (${code ?? signal}) before starting:\n${output}`));
        });
      });
    const kill = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      });

    const running: ChildProcess[] = [];
    for (let i = 0; i < scenario.workers; i++) running.push(await startWorker());
    let kills = 0;
    let killsWhileDelivering = 0;
    while (kills < scenario.kills) {
      await sleep(between(scenario.killEveryMs));
      if (pendingCount(db) < scenario.refillBelow) submit(Math.ceil(scenario.cases / 4));
      const index = Math.floor(Math.random() * running.length);
      const pendingBefore = pendingCount(db);
      await kill(running[index]);
      kills++;
      if (pendingBefore > 0) killsWhileDelivering++;
      log(`kill ${kills}/${scenario.kills} (pending deliveries: ${pendingBefore})`);
      running[index] = await startWorker();
    }
    // The last workers run until nothing is due, then stop cleanly (a run that never settles counts as lost after
    // half an hour; the test's own time limit stops it before that).
    for (const started = Date.now(); pendingCount(db) > 0 && Date.now() - started < 30 * 60_000; ) await sleep(50);
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );

    const due = db.select({ procedureRequestId: outbox.procedureRequestId }).from(outbox).all().map((row) => row.procedureRequestId);
    const requests = new Map(db.select().from(procedureRequests).all().map((row) => [row.id, row]));
    const rows = db.select().from(outbox).all();
    const inconsistent: string[] = [];
    let delivered = 0;
    let deadLettered = 0;
    for (const row of rows) {
      const status = requests.get(row.procedureRequestId)?.status;
      if (row.status === "delivered" && status === "delivered") delivered++;
      else if (row.status === "dead" && status === "deadLettered" && row.lastError) deadLettered++;
      else inconsistent.push(`${row.id}: outbox ${row.status}, procedure request ${status}`);
    }
    const stats = simulator.stats();
    const appliedTwice =
      Object.values(stats.applications).filter((count) => count > 1).length + Object.values(stats.applicationsByDelivery).filter((count) => count > 1).length;
    return {
      cases: submittedCases,
      submitted: due.length,
      delivered,
      deadLettered,
      lost: due.length - delivered - deadLettered,
      appliedTwice,
      kills,
      killsWhileDelivering,
      inconsistent,
      auditChainOk: verifyAuditChain(db).ok,
      stats,
    };
  } finally {
    for (const child of workers) child.kill("SIGKILL");
    await simulator.stop();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
