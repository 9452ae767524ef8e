// The citizen's status page data: each procedure with its official form as the person's data filled it.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { sampleOf, submitSampleCase } from "../../tests/factories";
import { caseStatusView } from "./case-pages.server";

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
