import { describe, expect, it } from "vitest";
import { relocation } from "../relocation/definition";
import { simulate } from "./simulate";

const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;
/** NGUYEN さん composed with a child of five and a car: the issue's foreign resident moving with a child and a car. */
const withChildAndCar = {
  record: nguyen.record,
  answers: {
    ...nguyen.answers,
    movingMembers: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
    ownsVehicle: true,
    vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
    parkingAddress: nguyen.answers.newAddress,
    parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
  },
};

describe("a simulation", () => {
  it("shows page by page what is asked, why, and what is prefilled from where", () => {
    const run = simulate(relocation, withChildAndCar);
    expect(run.unanswered).toBeNull();
    const residenceCard = run.pages.find((page) => page.questionId === "residenceCardNumber")!;
    expect(residenceCard.askedBecause).toEqual({ value: true, answers: [], record: [{ key: "nationality", value: nguyen.record.nationality }] });
    expect(residenceCard.prefillFrom).toBe("residenceCardNumber");
    const vehicles = run.pages.find((page) => page.questionId === "vehicles")!;
    expect(vehicles.askedBecause?.answers).toEqual([{ key: "ownsVehicle", value: true }]);
    // Questions not asked are listed with the rule's reading that left them out.
    expect(run.skipped.find((skip) => skip.questionId === "dogs")?.why).toEqual({ value: false, answers: [{ key: "ownsDog", value: false }], record: [] });
    expect(run.pages.map((page) => page.questionId)).not.toContain("dogs");
  });

  it("selects the procedures with the rule's reading for each, and builds payloads that pass their schemas", () => {
    const run = simulate(relocation, withChildAndCar);
    const selected = run.procedures.filter((procedure) => procedure.selected).map((procedure) => procedure.procedureId);
    expect(selected).toEqual(expect.arrayContaining(["child-allowance-claim", "parking-certificate", "vehicle-registration-change", "move-in-notification"]));
    expect(selected).not.toContain("dog-registration-change");
    const allowance = run.procedures.find((procedure) => procedure.procedureId === "child-allowance-claim")!;
    expect(allowance.why.value).toBe(true);
    expect(allowance.why.answers.map((read) => read.key)).toEqual(expect.arrayContaining(["movingMembers", "moveDate", "currentAddress", "newAddress"]));
    expect(allowance.payload).toMatchObject({ children: withChildAndCar.answers.movingMembers });
    expect(run.procedures.every((procedure) => procedure.schemaIssues.length === 0)).toBe(true);
    expect(run.procedures.find((procedure) => procedure.procedureId === "parking-certificate")?.deadline).toBeTruthy();
    const notSelected = run.procedures.find((procedure) => procedure.procedureId === "dog-registration-change")!;
    expect(notSelected).toMatchObject({ selected: false, payload: null, agencyId: null });
  });

  it("reports a payload its schema rejects, and stops at the first question left open", () => {
    const open = simulate(relocation, { record: nguyen.record, answers: { moveDate: "2026-03-01" } });
    expect(open.unanswered).toBe("currentAddress");
    expect(open.procedures.every((procedure) => !procedure.selected)).toBe(true);
    const invalid = simulate(relocation, { record: nguyen.record, answers: { ...nguyen.answers, moveDate: "not a date" } });
    expect(invalid.pages[0]).toMatchObject({ questionId: "moveDate", valid: false });
    expect(invalid.unanswered).toBe("moveDate");
  });

  it("counts the effort: items needed by the selected procedures against items entered", () => {
    const run = simulate(relocation, nguyen);
    const needed = run.procedures.filter((procedure) => procedure.selected).reduce((sum, procedure) => sum + procedure.dataItems.length, 0);
    expect(run.effort.itemsNeeded).toBe(needed);
    expect(run.effort.itemsEntered).toBe(run.pages.reduce((sum, page) => sum + page.itemsEntered, 0));
    expect(run.effort.itemsEntered).toBeLessThan(run.effort.itemsNeeded);
  });
});
