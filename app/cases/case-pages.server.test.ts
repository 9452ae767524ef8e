// The citizen's status page data: each procedure with its official form as the person's data filled it.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { sampleOf, submitSampleCase } from "../../tests/factories";
import { caseStatusView } from "./case-pages.server";
import { applyCaseEvent } from "./cases.server";

const { db, close } = createTestDatabase();
afterAll(() => close());

describe("the status page's forms", () => {
  it("shows each procedure's official form filled with what was sent, identity numbers masked", () => {
    const submitted = submitSampleCase(db, "relocation", "p-suzuki-haruko");
    const view = caseStatusView(db, { caseId: submitted.case.id, lang: "en" });
    const { sample } = sampleOf("relocation", "p-suzuki-haruko");
    const pension = view.find((procedure) => procedure.procedureId === "pension-recipient-address-change")!;
    const number = pension.form!.items.find((entry) => entry.key === "basicPensionNumber")!;
    const full = String(sample.record.basicPensionNumber);
    expect(number).toMatchObject({ status: "filled", label: expect.any(String) });
    expect(number.value).toBe(`${"•".repeat(full.length - 4)}${full.slice(-4)}`);
    // Every procedure sent shows its form, in the form's order, with the items Madoguchi need not fill explained.
    for (const procedure of view) {
      expect(procedure.form, procedure.procedureId).not.toBeNull();
      expect(procedure.form!.items.length).toBeGreaterThan(0);
    }
    const moveDate = view.flatMap((procedure) => procedure.form!.items).find((entry) => entry.key === "moveDate")!;
    expect(moveDate).toMatchObject({ status: "filled", label: "Date of the move", value: sample.answers.moveDate });
  });
});

describe("the status page's timelines", () => {
  it("shows each procedure request its own status events, oldest first, and no other case's", () => {
    const other = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
    const submitted = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
    const first = submitted.procedureRequests.find((request) => request.status === "queued")!;
    applyCaseEvent(db, { procedureRequestId: first.id, event: { type: "delivery.started" }, actor: "system:test" });
    applyCaseEvent(db, { procedureRequestId: other.procedureRequests[0].id, event: { type: "delivery.started" }, actor: "system:test" });
    const view = caseStatusView(db, { caseId: submitted.case.id, lang: "ja" });
    expect(view.find((procedure) => procedure.id === first.id)!.timeline.map((event) => event.status)).toEqual(["queued", "delivering"]);
    for (const procedure of view.filter((each) => each.id !== first.id)) expect(procedure.timeline.map((event) => event.status)).toEqual([procedure.status]);
  });
});
