// Crash test: two worker processes deliver a few hundred procedures to a faulty simulator and are killed
// with SIGKILL at random moments, then restarted. Nothing may be lost, and nothing applied twice.
import { describe, expect, it } from "vitest";
import { runCrashScenario } from "./chaos/harness";

describe("delivery survives killed workers", () => {
  // Workers start as tsx processes, slow on a busy machine: the time limit only stops a run that hangs.
  it("ends every due procedure delivered or dead-lettered, and no agency applies one twice", async () => {
    const report = await runCrashScenario({
      cases: 60,
      kills: 6,
      workers: 2,
      maxAttempts: 6,
      faults: { errorRate: 0.1, lostResponseRate: 0.1, slowRate: 0.2, slowMs: 150 },
      killEveryMs: [200, 700],
      refillBelow: 40,
    });
    expect(report.submitted).toBe(report.cases * 5);
    expect(report.submitted).toBeGreaterThanOrEqual(300);
    expect(report.kills).toBe(6);
    expect(report.killsWhileDelivering).toBe(6);
    expect(report.inconsistent).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.delivered + report.deadLettered).toBe(report.submitted);
    expect(report.appliedTwice).toBe(0);
    expect(Math.max(...Object.values(report.stats.applications))).toBe(1);
    expect(report.auditChainOk).toBe(true);
  }, 900_000);
});
