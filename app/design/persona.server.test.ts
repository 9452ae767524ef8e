// Composing a person with the form: the fields a sample's record fills, a household member and a car added,
// answers taken from the registers, and an error per field for what does not read; the result is the same
// sample + JSON changes a saved scenario keeps, and simulating it selects what the person needs.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../../flows";
import { simulate } from "../../flows/design/simulate";
import { personaValues, readPersonaForm } from "./persona.server";
import { composePerson } from "./simulation.server";

const relocation = getLifeEvent("relocation")!;
const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;

/** The form as the page draws it for NGUYEN さん, with some fields changed, as the browser sends it (a GET). */
function submitted(changes: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ compose: "1", sample: nguyen.id, ...personaValues(relocation, nguyen.record), answers: "", record: "", ...changes });
}

describe("composing a person", () => {
  it("fills the form from the simulated registers, and a form sent unchanged is the sample itself", () => {
    const values = personaValues(relocation, nguyen.record);
    expect(values).toMatchObject({ nationality: "VN", residenceStatus: "技術・人文知識・国際業務", "address.postalCode": "1690075", "address.municipality": "新宿区" });
    // No identity number is offered (the residence card number is the sample's own).
    expect(Object.keys(values)).not.toContain("residenceCardNumber");
    expect(readPersonaForm(relocation, submitted({}))).toEqual({ ok: true, input: { sampleId: nguyen.id, recordText: null, answersText: null } });
  });

  it("adds a child and a car to the household field by field, and answers from what the registers then prefill", () => {
    const result = readPersonaForm(
      relocation,
      submitted({
        "household.0.name": "NGUYEN VAN AN",
        "household.0.nameKana": "グエン ヴァン アン",
        "household.0.birthDate": "2021-04-10",
        "household.0.relationship": "child",
        "vehicles.0.registrationNumber": "品川 300 あ 12-34",
        "vehicles.0.kind": "ordinary",
        periodOfStayUntil: "2029-03-31",
        "answer.movingMembers": "=record",
        "answer.ownsVehicle": "=record",
        "answer.vehicles": "=record",
        "answer.pension": "=category2",
        answers: JSON.stringify({ parkingAddress: nguyen.answers.newAddress, parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }] }),
      }),
    );
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(JSON.parse(result.input.recordText!)).toEqual({
      household: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
      vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
      periodOfStayUntil: "2029-03-31",
    });
    const answers = JSON.parse(result.input.answersText!) as Record<string, unknown>;
    expect(answers).toMatchObject({ movingMembers: [{ name: "NGUYEN VAN AN", relationship: "child" }], ownsVehicle: true, pension: "category2" });

    const person = composePerson(relocation, result.input);
    const run = simulate(relocation, person);
    expect(run.unanswered).toBeNull();
    const selected = run.procedures.filter((procedure) => procedure.selected).map((procedure) => procedure.procedureId);
    expect(selected).toEqual(expect.arrayContaining(["child-allowance-claim", "parking-certificate", "vehicle-registration-change"]));
  });

  it("removes what a field empties: a change to null leaves the attribute out of the person", () => {
    const result = readPersonaForm(relocation, submitted({ nationality: "", residenceStatus: "", periodOfStayUntil: "" }));
    expect(result?.ok && JSON.parse(result.input.recordText!)).toEqual({ nationality: null, residenceStatus: null, periodOfStayUntil: null });
    if (!result?.ok) return;
    const { record } = composePerson(relocation, result.input);
    expect(Object.keys(record)).not.toContain("nationality");
  });

  it("gives an error per field that does not read, and keeps what was typed", () => {
    const result = readPersonaForm(
      relocation,
      submitted({
        birthDate: "1990-02-30",
        nationality: "Viet Nam",
        "address.postalCode": "169",
        "address.town": "",
        "household.0.birthDate": "2021-04-10",
        "vehicles.0.registrationNumber": "品川 300 あ 12-34",
        "answer.pension": "=category9",
        record: "[1]",
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        birthDate: "design:persona.errors.date",
        nationality: "design:persona.errors.country",
        "address.postalCode": "design:persona.errors.postalCode",
        "address.town": "design:persona.errors.required",
        "household.0.name": "design:persona.errors.memberName",
        "household.0.relationship": "design:persona.errors.relationship",
        "vehicles.0.kind": "design:persona.errors.vehicleKind",
        "answer.pension": "design:persona.errors.choice",
        record: "design:scenarios.errors.notAnObject",
      },
      values: { nationality: "Viet Nam", "address.postalCode": "169" },
    });
    expect(readPersonaForm(relocation, new URLSearchParams({ compose: "1", sample: "nobody" }))).toBeNull();
  });
});
