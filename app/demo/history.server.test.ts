// The demo history: repeatable from its seed, peaking in March and April, and counted by the dashboard's figures.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { computeFigures } from "../evaluation/figures.server";
import { generateHistory } from "./history.server";

const { db, close } = createTestDatabase();
afterAll(close);

const snapshot = () => ({
  cases: db.$client.prepare("select count(*) as n from cases where id like 'h-%'").get(),
  requests: db.$client.prepare("select status, count(*) as n from procedure_requests where id like 'h-%' group by status order by status").all(),
  ratings: db.$client.prepare("select sum(rating) as n from satisfaction_responses where case_id like 'h-%'").get(),
  counter: db.$client.prepare("select sum(count) as n from counter_volumes").get(),
});

describe("demo history", () => {
  it("makes the same history from the same seed, replacing the last run", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    generateHistory(db, { cases: 400, seed: 7, fiscalYears: [2024, 2025], now });
    const first = snapshot();
    generateHistory(db, { cases: 400, seed: 7, fiscalYears: [2024, 2025], now });
    expect(snapshot()).toEqual(first);
    expect(first.cases).toEqual({ n: 400 });
  });

  it("peaks in March and April, and the figures count every case", () => {
    const figures = computeFigures(db, { from: "2025-04", to: "2026-03" });
    const byMonth = Object.fromEntries(figures.volume.byMonth.map((m) => [m.month, m.cases]));
    expect(byMonth["2026-03"]).toBeGreaterThan(2 * byMonth["2025-11"]);
    expect(byMonth["2025-04"]).toBeGreaterThan(2 * byMonth["2025-11"]);
    const all = computeFigures(db, { from: "2024-04", to: "2026-03" });
    expect(all.volume.cases).toBe(400);
    expect(all.digitalTakeUp.share).toBeGreaterThan(0.3);
    expect(all.digitalTakeUp.share).toBeLessThan(0.65);
    expect(all.onceOnly.uncounted).toBe(0);
    expect(all.onceOnly.share).toBeGreaterThan(0.5);
    expect(all.costPerTransaction.perTransaction).not.toBeNull();
  });
});
