import { afterAll, describe, expect, it } from "vitest";
import { listAgencyDeliveryHealth, listDeliveryActivity, type DeliveryActivity } from "../../db/queries/agencies";
import { submitSampleCase } from "../../tests/factories";
import { createTestDatabase } from "../../tests/setup/test-db";
import { Dispatcher } from "../delivery/dispatcher.server";
import { byTrouble, deliveryHealthOf, percentile } from "./delivery-health";

const now = new Date("2026-03-01T12:00:00.000Z");
/** `minutes` before now, as stored. */
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

// A hand-made day of one organisation ("post") and a little of another ("water"): each figure below is
// counted from these rows by hand.
const activity: DeliveryActivity = {
  delivered: [
    // Last hour: 10, 20, 30, 40 seconds from due to delivered.
    { agencyId: "post", at: ago(5), dueSince: new Date(now.getTime() - 5 * 60_000 - 10_000).toISOString() },
    { agencyId: "post", at: ago(15), dueSince: new Date(now.getTime() - 15 * 60_000 - 20_000).toISOString() },
    { agencyId: "post", at: ago(25), dueSince: new Date(now.getTime() - 25 * 60_000 - 30_000).toISOString() },
    { agencyId: "post", at: ago(59), dueSince: new Date(now.getTime() - 59 * 60_000 - 40_000).toISOString() },
    // Earlier today: 600 seconds (a slow morning).
    { agencyId: "post", at: ago(300), dueSince: ago(310) },
    { agencyId: "water", at: ago(10), dueSince: ago(11) },
  ],
  failures: [
    { agencyId: "post", at: ago(30), status: "retrying" },
    { agencyId: "post", at: ago(20), status: "retrying" },
    { agencyId: "post", at: ago(10), status: "deadLettered" },
    { agencyId: "post", at: ago(600), status: "retrying" },
    { agencyId: "post", at: ago(601), status: "deadLettered" },
    { agencyId: "water", at: ago(700), status: "deadLettered" },
  ],
  // Eight became due in the last hour for post (four delivered, one dead-lettered: three more waiting); one for water.
  arrivals: [...[1, 2, 3, 4, 5, 6, 7, 8].map((minutes) => ({ agencyId: "post", at: ago(minutes * 7) })), { agencyId: "water", at: ago(11) }, { agencyId: "post", at: ago(61) }],
};
const post = deliveryHealthOf("post", { agencyId: "post", queued: 2, failing: 1, deadLetters: 2, lastSuccessAt: ago(5), oldestWaitingSince: ago(40) }, activity, now);
const water = deliveryHealthOf("water", undefined, activity, now);

describe("delivery health, from a hand-made data set", () => {
  it("counts the deliveries of the last hour and of the last day", () => {
    expect(post.lastHour.delivered).toBe(4);
    expect(post.lastDay.delivered).toBe(5);
    expect(water.lastHour.delivered).toBe(1);
  });

  it("counts the retries", () => {
    expect(post.lastHour.retried).toBe(2);
    expect(post.lastDay.retried).toBe(3);
    expect(water.lastDay.retried).toBe(0);
  });

  it("counts the dead letters", () => {
    expect(post.lastHour.deadLettered).toBe(1);
    expect(post.lastDay.deadLettered).toBe(2);
    expect(water).toMatchObject({ lastHour: { deadLettered: 0 }, lastDay: { deadLettered: 1 } });
  });

  it("takes p50 and p95 of the time from becoming due to delivered, by nearest rank", () => {
    expect(post.lastHour).toMatchObject({ p50Seconds: 20, p95Seconds: 40 });
    expect(post.lastDay).toMatchObject({ p50Seconds: 30, p95Seconds: 600 });
    expect(water.lastHour).toMatchObject({ p50Seconds: 60, p95Seconds: 60 });
    expect(percentile([], 50)).toBeNull();
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([...Array(100).keys()].map((n) => n + 1), 95)).toBe(95);
  });

  it("names the oldest waiting delivery, and nothing waiting for an organisation with none", () => {
    expect(post.oldestWaitingSince).toBe(ago(40));
    expect(water).toMatchObject({ queued: 0, failing: 0, deadLetters: 0, oldestWaitingSince: null, lastSuccessAt: null });
  });

  it("measures the backlog's change over the last hour, and puts a growing backlog first", () => {
    expect(post.backlogChange).toBe(8 - 4 - 1);
    expect(water.backlogChange).toBe(0);
    const quiet = { name: "A quiet one", health: { ...water, deadLetters: 5 } };
    const growing = { name: "Z growing", health: { ...water, backlogChange: 2 } };
    const shrinking = { name: "B shrinking", health: { ...water, backlogChange: -3 } };
    expect([shrinking, quiet, growing].sort((a, b) => byTrouble(a, b, "en")).map((x) => x.name)).toEqual(["Z growing", "A quiet one", "B shrinking"]);
  });
});

describe("delivery health, from the database", () => {
  const { db, close } = createTestDatabase();
  afterAll(close);

  it("reads the facts the dispatcher leaves: each delivered, retried and dead-lettered delivery, and what still waits", async () => {
    const submitted = new Date(now.getTime() - 10 * 60_000);
    const { procedureRequests } = submitSampleCase(db, "relocation", "p-ito-yuki", { now: submitted });
    let clock = new Date(submitted.getTime() + 2_000);
    // Japan Post's system fails for good; the waterworks' (both of its) once and then is not tried again yet; the rest arrive.
    const dispatcher = new Dispatcher({
      db,
      log: () => {},
      clock: () => clock,
      random: () => 0,
      connectors: (_tx, agencyId) => ({
        deliver: async () =>
          agencyId === "japan-post"
            ? { ok: false, permanent: true, error: "HTTP 400", httpStatus: 400 }
            : agencyId === "tokyo-waterworks"
              ? { ok: false, permanent: false, error: "HTTP 503", httpStatus: 503 }
              : { ok: true },
      }),
    });
    await dispatcher.runOnce();
    clock = new Date(now);
    const activity = listDeliveryActivity(db, { since: new Date(now.getTime() - 86_400_000).toISOString() });
    const current = new Map(listAgencyDeliveryHealth(db).map((row) => [row.agencyId, row]));
    const due = procedureRequests.filter((request) => request.status === "queued");
    const delivered = due.filter((request) => !["japan-post", "tokyo-waterworks"].includes(request.agencyId));

    expect(activity.arrivals).toHaveLength(due.length);
    expect(activity.delivered.map((row) => row.agencyId).sort()).toEqual(delivered.map((request) => request.agencyId).sort());
    const post = deliveryHealthOf("japan-post", current.get("japan-post"), activity, now);
    expect(post).toMatchObject({ deadLetters: 1, lastHour: { delivered: 0, deadLettered: 1, retried: 0 }, backlogChange: 0 });
    const water = deliveryHealthOf("tokyo-waterworks", current.get("tokyo-waterworks"), activity, now);
    expect(water).toMatchObject({ failing: 2, oldestWaitingSince: submitted.toISOString(), lastHour: { retried: 2, delivered: 0 }, backlogChange: 2 });
    const other = deliveryHealthOf(delivered[0].agencyId, current.get(delivered[0].agencyId), activity, now);
    expect(other.lastHour).toMatchObject({ p50Seconds: 2, p95Seconds: 2 });
  });
});
