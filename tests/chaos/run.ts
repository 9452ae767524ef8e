// `npm run test:chaos`: the long crash run (≥ 1,000 procedures, ≥ 20 SIGKILLs of two workers). Not part of
// `npm test`. Its last line is the summary: submitted=N delivered=N dead_lettered=N lost=N applied_twice=N.
import "../setup/run-keys";
import { runCrashScenario } from "./harness";

const started = Date.now();
const report = await runCrashScenario({
  cases: Number(process.env.CHAOS_CASES || 200),
  kills: Number(process.env.CHAOS_KILLS || 24),
  workers: 2,
  maxAttempts: 6,
  faults: { errorRate: 0.1, timeoutRate: 0.05, dropRate: 0.05, lostResponseRate: 0.1, slowRate: 0.2, slowMs: 200 },
  killEveryMs: [200, 1_500],
  refillBelow: 100,
  log: (message) => console.log(`chaos: ${((Date.now() - started) / 1000).toFixed(1)}s ${message}`),
});
const { stats, inconsistent, ...summary } = report;
console.log(`chaos: ${JSON.stringify(summary)}`);
console.log(`chaos: simulator ${JSON.stringify({ received: stats.received, repeats: stats.repeats, faults: stats.faults })}`);
for (const line of inconsistent) console.log(`chaos: inconsistent ${line}`);
const ok = report.lost === 0 && report.appliedTwice === 0 && inconsistent.length === 0 && report.auditChainOk && report.submitted >= 1_000 && report.kills >= 20;
if (!ok) process.exitCode = 1;
console.log(`submitted=${report.submitted} delivered=${report.delivered} dead_lettered=${report.deadLettered} lost=${report.lost} applied_twice=${report.appliedTwice}`);
