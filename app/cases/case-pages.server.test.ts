// The citizen's status page data: each procedure links its official form, which its printable page shows as the
// person's data filled it.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { sampleOf, submitSampleCase } from "../../tests/factories";
import { caseStatusView, printableFormView } from "./case-pages.server";
import { applyCaseEvent } from "./cases.server";
import { getProcedure } from "../../flows";

const { db, close } = createTestDatabase();
afterAll(() => close());

describe("the status page's forms", () => {
  it("links each procedure's official form, and its printable page shows it filled with what was sent, identity numbers masked", () => {
    const submitted = submitSampleCase(db, "relocation", "p-suzuki-haruko");
    const view = caseStatusView(db, { caseId: submitted.case.id, lang: "en" });
    const { sample } = sampleOf("relocation", "p-suzuki-haruko");
    // Every procedure sent has a form, linked from its card (the status page no longer builds the forms).
    for (const procedure of view) {
      expect(procedure.hasForm, procedure.procedureId).toBe(true);
      expect(procedure).not.toHaveProperty("form");
    }
    const printable = view.map((procedure) => printableFormView(db, { kase: submitted.case, procedureRequestId: procedure.id, lang: "en" }));
    for (const page of printable) expect(page.form.items.length, page.procedureName).toBeGreaterThan(0);
    const pension = printable.find((page) => page.id === view.find((procedure) => procedure.procedureId === "pension-recipient-address-change")!.id)!;
    const number = pension.form.items.find((entry) => entry.key === "basicPensionNumber")!;
    const full = String(sample.record.basicPensionNumber);
    expect(number).toMatchObject({ status: "filled", label: expect.any(String) });
    expect(number.value).toBe(`${"•".repeat(full.length - 4)}${full.slice(-4)}`);
    const moveDate = printable.flatMap((page) => page.form.items).find((entry) => entry.key === "moveDate")!;
    expect(moveDate).toMatchObject({ status: "filled", label: "Date of the move", value: sample.answers.moveDate });
    // Items Madoguchi need not fill say why, in English on the English page (the reasons the catalogue gives).
    for (const [index, procedure] of view.entries()) {
      const because = getProcedure(procedure.procedureId)!.form!.items.filter((item) => item.because);
      const reasons = printable[index].form.items.filter((entry) => entry.status === "notNeeded" && entry.reason).map((entry) => entry.reason);
      expect(reasons, procedure.procedureId).toEqual(because.map((item) => item.because!.en));
    }
    expect(printable.flatMap((page) => page.form.items).filter((entry) => entry.reason).length).toBeGreaterThan(0);
  });

  it("answers 404 for a procedure request of another case", () => {
    const mine = submitSampleCase(db, "relocation", "p-suzuki-haruko");
    const other = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
    expect(() => printableFormView(db, { kase: mine.case, procedureRequestId: other.procedureRequests[0].id, lang: "ja" })).toThrow(Response);
  });

  it("links no form for a procedure that has none", () => {
    const submitted = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
    for (const procedure of caseStatusView(db, { caseId: submitted.case.id, lang: "ja" })) {
      expect(procedure.hasForm).toBe(Boolean(getProcedure(procedure.procedureId)?.form));
    }
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
