// Every figure's definition on a small hand-made data set: a few cases, procedures, decisions, journeys,
// ratings and ideas written straight into a fresh database, and the figures each must give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { cases, dataSubjects, ideaEvents, ideas, journeys, outbox, procedureEvents, procedureRequests, satisfactionResponses, users } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { setUnitCost, upsertCounterVolume } from "../../db/queries/evaluation-entries";
import {
  costPerTransaction,
  decidedAfterDeadline,
  digitalTakeUp,
  fiscalYearEnd,
  fiscalYearOf,
  monthInTokyo,
  monthsBetween,
  onceOnlyEffect,
  percentile,
  planStatus,
  reformRanking,
  rejectionCode,
  share,
  unitCostFor,
} from "./definitions";
import { computeFigures, readEvaluationFilter } from "./figures.server";
import { readFiscalYear, reportCsv, reportJson } from "./report.server";
import { csvParse } from "d3-dsv";

let db: Db;
let close: () => void;

function addCase(id: string, submittedAt: string, lifeEventId = "relocation") {
  db.insert(cases)
    .values({ id, reference: `MDG-${id}`, lifeEventId, flowVersion: 1, applicantId: "p-x", actedBy: "u-x", status: "inProgress", answers: "{}", consent: "{}", snapshot: "{}", submissionToken: id, createdAt: submittedAt, updatedAt: submittedAt })
    .run();
}
function addRequest(
  id: string,
  caseId: string,
  procedureId: string,
  agencyId: string,
  {
    status = "delivered",
    deadline = null,
    decidedAt = null,
    rejection = null,
    items = [],
    typed = null,
  }: { status?: string; deadline?: string | null; decidedAt?: string | null; rejection?: string | null; items?: string[]; typed?: number | null } = {},
) {
  db.insert(procedureRequests)
    .values({ id, caseId, procedureId, agencyId, status, payload: "{}", dataItems: JSON.stringify(items), itemsTyped: typed, deadline, inPerson: false, rejectionReason: rejection, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" })
    .run();
  if (decidedAt) db.insert(procedureEvents).values({ procedureRequestId: id, caseId, fromStatus: "delivered", toStatus: status, at: decidedAt, actor: "agency" }).run();
}

beforeAll(() => {
  ({ db, close } = createTestDatabase());
  // Three cases in April 2026 (Tokyo time; 2026-03-31T15:00Z is already 1 April in Japan), one in May, one in March (out of FY2026).
  addCase("c1", "2026-03-31T15:00:00Z");
  addCase("c2", "2026-04-10T00:00:00Z");
  addCase("c3", "2026-04-20T00:00:00Z");
  addCase("c4", "2026-05-02T00:00:00Z", "incorporation");
  addCase("c0", "2026-03-31T14:59:59Z");
  // Decisions 10, 20, 30 and 40 hours after submission; c2's move-in decided after its deadline (in Japan's dates).
  // Data items needed and typed: r1 4 (1 typed), r2 4 (2), r3 3 (0), r5 2 (2); r4 and r6 from before the count was kept.
  const four = ["name", "birthDate", "newAddress", "moveDate"];
  addRequest("r1", "c1", "move-in-notification", "municipality-13104", { status: "accepted", deadline: "2026-04-14", decidedAt: "2026-04-01T01:00:00Z", items: four, typed: 1 });
  addRequest("r2", "c2", "move-in-notification", "municipality-13104", { status: "rejected", deadline: "2026-04-10", decidedAt: "2026-04-10T20:00:00Z", rejection: "identity-not-verified|note", items: four, typed: 2 });
  addRequest("r3", "c2", "pension-recipient-address-change", "japan-pension-service", { status: "accepted", decidedAt: "2026-04-11T06:00:00Z", items: four.slice(0, 3), typed: 0 });
  addRequest("r4", "c3", "move-in-notification", "municipality-13113", { status: "rejected", deadline: "2026-05-01", decidedAt: "2026-04-21T16:00:00Z", rejection: "identity-not-verified", items: four });
  addRequest("r5", "c3", "electricity-move", "tepco-energy-partner", { items: ["newAddress", "moveDate"], typed: 2 });
  addRequest("r6", "c4", "company-registration", "legal-affairs-13");
  addRequest("r0", "c0", "move-in-notification", "municipality-13104", { status: "accepted", decidedAt: "2026-04-01T00:00:00Z" });
  db.insert(outbox)
    .values({ id: "o5", procedureRequestId: "r5", kind: "deliver", delivery: 1, idempotencyKey: "r5-1", status: "dead", attempts: 8, nextAttemptAt: "2026-04-20T00:00:00Z", createdAt: "2026-04-20T00:00:00Z", updatedAt: "2026-04-20T00:00:00Z" })
    .run();
  // Four journeys started in April: two submitted, one stopped at newAddress, one at moveDate.
  db.insert(dataSubjects).values({ id: "p-x", kind: "person", createdAt: "2026-01-01T00:00:00Z" }).run();
  const journey = (id: string, status: "submitted" | "inProgress" | "abandoned", state: string) =>
    db.insert(journeys).values({ id, subjectId: "p-x", actorId: "u-x", lifeEventId: "relocation", flowVersion: 1, status, snapshot: JSON.stringify({ value: state, context: {} }), createdAt: "2026-04-05T00:00:00Z", updatedAt: "2026-04-05T00:00:00Z" }).run();
  journey("j1", "submitted", "confirmed");
  journey("j2", "submitted", "confirmed");
  journey("j3", "inProgress", "newAddress");
  journey("j4", "abandoned", "moveDate");
  // Ratings 5, 4 and 1 for cases in April.
  for (const [caseId, rating] of [["c1", 5], ["c2", 4], ["c3", 1]] as const) db.insert(satisfactionResponses).values({ caseId, moment: "submitted", rating, createdAt: "2026-04-21T00:00:00Z" }).run();
  // Ideas: three in April, one answered and done.
  db.insert(users).values({ id: "u-x", loginId: "x", displayName: "X", role: "citizen", createdAt: "2026-01-01T00:00:00Z" }).run();
  for (const [id, status] of [[1, "done"], [2, "received"], [3, "received"]] as const) {
    db.insert(ideas).values({ id, kind: "idea", title: "t", body: "b", lifeEventId: "relocation", authorId: "u-x", status, createdAt: "2026-04-15T00:00:00Z", updatedAt: "2026-04-15T00:00:00Z" }).run();
  }
  db.insert(ideaEvents).values({ ideaId: 1, kind: "answered", fromStatus: "received", toStatus: "done", actor: "u-d", at: "2026-04-16T00:00:00Z" }).run();
  // Counter volumes: the move-in at 新宿区 6 in April and 2 in May, at 渋谷区 1 in April; the pension address change 3
  // in April; and 100 in March, outside the fiscal year.
  const counted = (agencyId: string, procedureId: string, month: string, count: number) =>
    upsertCounterVolume(db, { agencyId, procedureId, month, count, enteredBy: "u-o", updatedAt: "2026-06-01T00:00:00Z" });
  counted("municipality-13104", "move-in-notification", "2026-04", 5);
  counted("municipality-13104", "move-in-notification", "2026-04", 6); // a correction replaces the first entry
  counted("municipality-13104", "move-in-notification", "2026-05", 2);
  counted("municipality-13113", "move-in-notification", "2026-04", 1);
  counted("japan-pension-service", "pension-recipient-address-change", "2026-04", 3);
  counted("municipality-13104", "move-in-notification", "2026-03", 100);
  // Unit costs: online 500 yen, counter 2,000 yen, and 3,000 yen for a move-in at the counter.
  const cost = (channel: "online" | "counter", procedureId: string, yen: number) => setUnitCost(db, { channel, procedureId, yen, setBy: "u-e", updatedAt: "2026-06-01T00:00:00Z" });
  cost("online", "", 500);
  cost("counter", "", 2000);
  cost("counter", "move-in-notification", 3000);
});
afterAll(() => close());

const figures = (query: string) => computeFigures(db, readEvaluationFilter(new URL(`http://x/evaluation?${query}`), new Date("2026-06-15T00:00:00Z")));

describe("definitions", () => {
  it("counts months and fiscal years in Japan's time", () => {
    expect(monthInTokyo("2026-03-31T15:00:00Z")).toBe("2026-04");
    expect(monthInTokyo("2026-03-31T14:59:59Z")).toBe("2026-03");
    expect(fiscalYearOf("2026-03")).toBe(2025);
    expect(fiscalYearOf("2026-04")).toBe(2026);
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });

  it("takes percentiles by nearest rank, and no share of nothing", () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });

  it("calls a decision late only when its date in Japan is after the deadline", () => {
    expect(decidedAfterDeadline("2026-04-10T14:59:59Z", "2026-04-10")).toBe(false);
    expect(decidedAfterDeadline("2026-04-10T15:00:00Z", "2026-04-10")).toBe(true);
    expect(decidedAfterDeadline("2026-04-10T15:00:00Z", null)).toBe(false);
    expect(rejectionCode("identity-not-verified|free text")).toBe("identity-not-verified");
    expect(rejectionCode(null)).toBe("unspecified");
  });
});

describe("definitions of take-up, cost, once-only and plans", () => {
  it("digital take-up is requests through Madoguchi over those and the counter's", () => {
    expect(digitalTakeUp(3, 1)).toBe(0.75);
    expect(digitalTakeUp(0, 0)).toBeNull();
  });

  it("a unit cost is the procedure's own, else the channel's default, else unknown", () => {
    const costs = [
      { channel: "online" as const, procedureId: "", yen: 500 },
      { channel: "counter" as const, procedureId: "move-in-notification", yen: 3000 },
    ];
    expect(unitCostFor(costs, "counter", "move-in-notification")).toBe(3000);
    expect(unitCostFor(costs, "online", "move-in-notification")).toBe(500);
    expect(unitCostFor(costs, "counter", "electricity-move")).toBeNull();
    const cost = costPerTransaction(
      [
        { procedureId: "move-in-notification", channel: "online", count: 2 },
        { procedureId: "move-in-notification", channel: "counter", count: 1 },
        { procedureId: "electricity-move", channel: "counter", count: 7 },
      ],
      costs,
    );
    expect(cost).toEqual({ totalYen: 4000, costed: 3, uncosted: 7, perTransaction: 4000 / 3 });
    expect(costPerTransaction([], costs).perTransaction).toBeNull();
  });

  it("the once-only effect counts items prefilled over items needed, leaving out requests without a count", () => {
    expect(onceOnlyEffect([{ needed: 10, typed: 1 }, { needed: 5, typed: 4 }, { needed: 3, typed: null }])).toEqual({ needed: 15, typed: 5, prefilled: 10, share: 10 / 15, uncounted: 1 });
    expect(onceOnlyEffect([]).share).toBeNull();
  });

  it("ranks procedures by volume times items saved per request", () => {
    const ranking = reformRanking([
      { procedureId: "a", online: 10, counter: 90, prefilled: 20, counted: 10 },
      { procedureId: "b", online: 50, counter: 0, prefilled: 300, counted: 50 },
      { procedureId: "c", online: 0, counter: 0, prefilled: 0, counted: 0 },
    ]);
    expect(ranking.map((r) => [r.procedureId, r.volume, r.savedPerRequest, r.score])).toEqual([
      ["b", 50, 6, 300],
      ["a", 100, 2, 200],
    ]);
  });

  it("a plan item is met, not yet met, missed after its due date, or without data", () => {
    expect(fiscalYearEnd(2027)).toBe("2028-03-31");
    expect(planStatus(0.61, "atLeast", 0.6, "2028-03-31", "2026-06-15")).toBe("met");
    expect(planStatus(0.4, "atLeast", 0.6, "2028-03-31", "2026-06-15")).toBe("notYet");
    expect(planStatus(0.4, "atLeast", 0.6, "2026-03-31", "2026-06-15")).toBe("missed");
    expect(planStatus(48, "atMost", 72, "2026-03-31", "2026-06-15")).toBe("met");
    expect(planStatus(null, "atMost", 72, "2028-03-31", "2026-06-15")).toBe("noData");
  });
});

describe("figures on the hand-made data set", () => {
  it("defaults to this fiscal year so far", () => {
    const all = figures("");
    expect(all.filter).toMatchObject({ from: "2026-04", to: "2026-06" });
    expect(all.months).toEqual(["2026-04", "2026-05", "2026-06"]);
  });

  it("volume: cases submitted in the period and their procedure requests, by month", () => {
    const all = figures("");
    expect(all.volume).toMatchObject({ cases: 4, requests: 6 });
    expect(all.volume.byMonth).toEqual([
      { month: "2026-04", cases: 3, requests: 5 },
      { month: "2026-05", cases: 1, requests: 1 },
      { month: "2026-06", cases: 0, requests: 0 },
    ]);
    expect(figures("from=2026-03&to=2026-03").volume).toMatchObject({ cases: 1, requests: 1 });
  });

  it("completion: journeys started against submitted, and where the others stopped", () => {
    const completion = figures("").completion;
    expect(completion).toMatchObject({ started: 4, submitted: 2, rate: 0.5 });
    expect(completion.dropOff).toEqual(
      expect.arrayContaining([
        { lifeEventId: "relocation", questionId: "newAddress", count: 1 },
        { lifeEventId: "relocation", questionId: "moveDate", count: 1 },
      ]),
    );
  });

  it("time to decision (p50, p90), late decisions, rejections by reason, dead letters", () => {
    const all = figures("");
    // Decided: r1 10 h, r2 20 h, r3 30 h, r4 40 h.
    expect(all.timeToDecision).toEqual({ decided: 4, p50Hours: 20, p90Hours: 40 });
    // With a deadline: r1 (on time), r2 (decided 11 April in Japan, deadline 10 April), r4 (on time).
    expect(all.afterDeadline).toEqual({ decidedWithDeadline: 3, late: 1, share: 1 / 3 });
    expect(all.rejections).toEqual([{ procedureId: "move-in-notification", code: "identity-not-verified", count: 2 }]);
    expect(all.deadLetters).toEqual({ requests: 1, share: 1 / 6 });
  });

  it("satisfaction: mean, share satisfied (4 or 5) and the distribution of ratings", () => {
    const satisfaction = figures("").satisfaction;
    expect(satisfaction).toMatchObject({ responses: 3, mean: 10 / 3, satisfiedShare: 2 / 3 });
    expect(satisfaction.distribution.map((d) => d.count)).toEqual([1, 0, 0, 1, 1]);
  });

  it("digital take-up: requests against counter volumes for the same procedures, organisations and months", () => {
    const all = figures("");
    // Online 6 (r1–r6); counter 6 + 2 + 1 + 3 = 12 (March's 100 is outside the period).
    expect(all.digitalTakeUp).toMatchObject({ online: 6, counter: 12, share: 6 / 18 });
    expect(all.digitalTakeUp.byMonth).toEqual([
      { month: "2026-04", online: 5, counter: 10, share: 5 / 15 },
      { month: "2026-05", online: 1, counter: 2, share: 1 / 3 },
      { month: "2026-06", online: 0, counter: 0, share: null },
    ]);
    expect(figures("agency=municipality-13104").digitalTakeUp).toMatchObject({ online: 2, counter: 8, share: 0.2 });
    // A life event's procedures only: nothing of incorporation was counted at the counter.
    expect(figures("lifeEvent=incorporation").digitalTakeUp).toMatchObject({ online: 1, counter: 0, share: 1 });
  });

  it("cost per transaction: each channel's unit cost for the procedure, over every transaction", () => {
    // Online 6 × 500; counter: move-in 9 × 3,000, pension 3 × 2,000. 36,000 yen over 18 transactions.
    expect(figures("").costPerTransaction).toEqual({ totalYen: 36000, costed: 18, uncosted: 0, perTransaction: 2000 });
  });

  it("the once-only effect: data items prefilled against needed, requests without a count left out", () => {
    // Counted: r1 4/1, r2 4/2, r3 3/0, r5 2/2 → 13 needed, 5 typed, 8 prefilled; r4 and r6 uncounted.
    expect(figures("").onceOnly).toEqual({ needed: 13, typed: 5, prefilled: 8, share: 8 / 13, uncounted: 2 });
  });

  it("ranks procedures by volume × data items saved per request", () => {
    // Move-in: 3 + 9 = 12 transactions, 5 items saved over 2 counted requests (2.5) → 30; pension 4 × 3 → 12.
    expect(figures("").reformRanking.map((r) => [r.procedureId, r.volume, r.savedPerRequest, r.score])).toEqual([
      ["move-in-notification", 12, 2.5, 30],
      ["pension-recipient-address-change", 4, 3, 12],
      ["company-registration", 1, 0, 0],
      ["electricity-move", 1, 0, 0],
    ]);
  });

  it("ideas received, answered and done", () => {
    expect(figures("").ideas).toEqual({ received: 3, answered: 1, done: 1 });
  });

  it("filters by life event, procedure, organisation and ministry", () => {
    expect(figures("lifeEvent=incorporation").volume).toMatchObject({ cases: 1, requests: 1 });
    expect(figures("procedure=move-in-notification").volume).toMatchObject({ cases: 3, requests: 3 });
    expect(figures("agency=municipality-13104").volume).toMatchObject({ cases: 2, requests: 2 });
    // The Ministry of Health, Labour and Welfare: only the Japan Pension Service's request (r3).
    const mhlw = figures("ministry=ministry-of-health-labour-and-welfare");
    expect(mhlw.volume).toMatchObject({ cases: 1, requests: 1 });
    expect(mhlw.timeToDecision).toEqual({ decided: 1, p50Hours: 30, p90Hours: 30 });
    // A ministry and an organisation that is not in it: nothing.
    expect(figures("ministry=ministry-of-health-labour-and-welfare&agency=municipality-13104").volume).toMatchObject({ cases: 0, requests: 0 });
  });
});

describe("the yearly report", () => {
  it("reads a fiscal year from the address: four digits, not in the future", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(readFiscalYear("2026", now)).toBe(2026);
    expect(readFiscalYear("2027", now)).toBeNull();
    expect(readFiscalYear("26", now)).toBeNull();
    expect(readFiscalYear("1999", now)).toBeNull();
  });

  it("gives every figure of FY2026 as CSV and JSON, the same as the dashboard's for April to March", () => {
    const rows = csvParse(reportCsv(db, { fiscalYear: 2026 }));
    const value = (figure: string, measure: string, month = "") => rows.find((r) => r.figure === figure && r.measure === measure && r.month === month && !r.procedure && !r.detail)?.value;
    expect(value("volume", "cases")).toBe("4");
    expect(value("volume", "requests")).toBe("6");
    expect(value("volume", "requests", "2026-04")).toBe("5");
    expect(value("digitalTakeUp", "counter")).toBe("12");
    expect(value("costPerTransaction", "perTransactionYen")).toBe("2000");
    expect(value("onceOnly", "prefilled")).toBe("8");
    expect(value("deadLetters", "requests")).toBe("1");
    expect(rows.find((r) => r.figure === "rejections")).toMatchObject({ procedure: "move-in-notification", detail: "identity-not-verified", value: "2" });
    const json = reportJson(db, { fiscalYear: 2026, ministryId: "ministry-of-health-labour-and-welfare" });
    expect(json.period).toEqual({ from: "2026-04", to: "2027-03" });
    expect(json.figures.volume).toMatchObject({ cases: 1, requests: 1 });
    expect(json.figures.digitalTakeUp).toMatchObject({ online: 1, counter: 3, share: 0.25 });
  });
});
