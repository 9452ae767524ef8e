// Every figure's definition on a small hand-made data set: a few cases, procedures, decisions, journeys,
// ratings and ideas written straight into a fresh database, and the figures each must give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { cases, dataSubjects, ideaEvents, ideas, journeys, outbox, procedureEvents, procedureRequests, satisfactionResponses, users } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { decidedAfterDeadline, fiscalYearOf, monthInTokyo, monthsBetween, percentile, rejectionCode, share } from "./definitions";
import { computeFigures, readEvaluationFilter } from "./figures.server";

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
  { status = "delivered", deadline = null, decidedAt = null, rejection = null }: { status?: string; deadline?: string | null; decidedAt?: string | null; rejection?: string | null } = {},
) {
  db.insert(procedureRequests)
    .values({ id, caseId, procedureId, agencyId, status, payload: "{}", dataItems: "[]", deadline, inPerson: false, rejectionReason: rejection, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" })
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
  addRequest("r1", "c1", "move-in-notification", "municipality-13104", { status: "accepted", deadline: "2026-04-14", decidedAt: "2026-04-01T01:00:00Z" });
  addRequest("r2", "c2", "move-in-notification", "municipality-13104", { status: "rejected", deadline: "2026-04-10", decidedAt: "2026-04-10T20:00:00Z", rejection: "identity-not-verified|note" });
  addRequest("r3", "c2", "pension-recipient-address-change", "japan-pension-service", { status: "accepted", decidedAt: "2026-04-11T06:00:00Z" });
  addRequest("r4", "c3", "move-in-notification", "municipality-13113", { status: "rejected", deadline: "2026-05-01", decidedAt: "2026-04-21T16:00:00Z", rejection: "identity-not-verified" });
  addRequest("r5", "c3", "electricity-move", "tepco-energy-partner");
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
