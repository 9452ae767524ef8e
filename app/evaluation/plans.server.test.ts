// Plan items: added with a target on one figure, checked, and shown with their progress from the live figures.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { formData as form, submitSampleCase } from "../../tests/factories";
import { upsertCounterVolume } from "../../db/queries/evaluation-entries";
import { monthInTokyo } from "./definitions";
import { changePlanItem, listPlans, planProgress } from "./plans.server";

const { db, close } = createTestDatabase();
afterAll(close);


describe("ministries' plan items", () => {
  it("refuses an item without an action, with a share above 100 % or an impossible date", () => {
    const outcome = changePlanItem(db, {
      actor: "u-e",
      form: form({ ministry: "local-government-municipality", title: "", figure: "digitalTakeUp", comparison: "atLeast", target: "160", dueDate: "2028-02-30" }),
    });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind === "invalid") expect(outcome.result.error).toMatchObject({ title: ["plans.errors.title"], dueDate: ["plans.errors.dueDate"] });
    expect(listPlans(db)).toEqual([]);
  });

  it("shows the move-out's digital take-up against its target, from the live figures", () => {
    // 転出届 digital take-up ≥ 60 % by the end of FY2027.
    const outcome = changePlanItem(db, {
      actor: "u-e",
      form: form({ ministry: "local-government-municipality", title: "転出届をオンラインで", procedure: "move-out-notification", figure: "digitalTakeUp", comparison: "atLeast", target: "60", dueDate: "2028-03-31" }),
    });
    expect(outcome).toEqual({ kind: "saved" });
    const [plan] = listPlans(db);
    expect(plan).toMatchObject({ ministryId: "local-government-municipality", figure: "digitalTakeUp", target: 0.6, dueDate: "2028-03-31" });

    // One move-out through Madoguchi this month, and one counted at 千代田区's counter: 50 %, not yet met.
    const now = new Date();
    const month = monthInTokyo(now.toISOString());
    submitSampleCase(db, "relocation", "p-tanaka-ichiro", { now });
    upsertCounterVolume(db, { agencyId: "municipality-13101", procedureId: "move-out-notification", month, count: 1, enteredBy: "u-o", updatedAt: now.toISOString() });
    const period = { from: month, to: month };
    expect(planProgress(db, listPlans(db), period, "ja")[0]).toMatchObject({ value: 0.5, status: "notYet", ministry: "地方公共団体（市区町村）", procedure: "転出届" });
    // A target of at most 50 % would be met.
    upsertCounterVolume(db, { agencyId: "municipality-13101", procedureId: "move-out-notification", month, count: 0, enteredBy: "u-o", updatedAt: now.toISOString() });
    expect(planProgress(db, listPlans(db), period, "en")[0]).toMatchObject({ value: 1, status: "met" });
  });
});
