// Saved scenarios: a composed person saved from the simulation, listed to run again, counted by coverage beside the
// samples, deleted; saving and deleting are audited; a scenario holds no identity number and no markup.
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEntries } from "../../db/schema";
import { getLifeEvent, identityNumberFields } from "../../flows";
import { coverage } from "../../flows/design/coverage";
import { createTestDatabase } from "../../tests/setup/test-db";
import type { AuthContext } from "../identity/auth.server";
import { coverageScenarios, deleteScenario, savedScenariosView, saveScenario } from "./scenarios.server";
import { readSimulationInput, simulationView } from "./simulation.server";

const { db, close } = createTestDatabase();
afterAll(close);

const designer = { user: { id: "u-designer", role: "designer" }, actingFor: null, subject: null } as unknown as AuthContext;
const relocation = getLifeEvent("relocation")!;
const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;
/** A foreign resident moving with a child and a car: NGUYEN さん with answers changed. */
const changes = {
  movingMembers: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
  ownsVehicle: true,
  vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
  parkingAddress: nguyen.answers.newAddress,
  parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
};
const form = { name: "Foreign resident with a child and a car", sampleId: nguyen.id, answersText: JSON.stringify(changes), recordText: JSON.stringify({ dogs: [] }) };
const audits = (action: string) => db.select().from(auditEntries).where(eq(auditEntries.action, action)).all().map((row) => JSON.parse(row.details) as Record<string, unknown>);

describe("saved scenarios", () => {
  let id = 0;

  it("saves a composed person, audited, and lists it with a link that runs it again", () => {
    const result = saveScenario(db, designer, relocation, form);
    expect(result.ok).toBe(true);
    id = result.ok ? result.id : 0;
    expect(audits("design.scenario.saved")).toEqual([{ scenario: id, name: form.name, sample: nguyen.id }]);
    const [listed] = savedScenariosView(db, relocation);
    expect(listed.name).toBe(form.name);
    // The link is the simulation of the same person: the child and the car select their procedures.
    const input = readSimulationInput(new URL(listed.href, "http://portal"), relocation)!;
    expect(input).toEqual({ sampleId: form.sampleId, answersText: form.answersText, recordText: form.recordText });
    const run = simulationView(relocation, input, "en", ((key: string) => key) as never);
    expect(run.selected.map((procedure) => procedure.id)).toEqual(expect.arrayContaining(["child-allowance-claim", "parking-certificate"]));
  });

  it("is run by coverage beside the samples, its rules counted as for any sample", () => {
    const { scenarios, names } = coverageScenarios(db, relocation);
    expect(scenarios.map((scenario) => scenario.id)).toEqual([...relocation.samples.map((sample) => sample.id), `scenario-${id}`]);
    expect(names.get(`scenario-${id}`)).toBe(form.name);
    const saved = scenarios.at(-1)!;
    expect(saved.answers.ownsVehicle).toBe(true);
    expect(saved.record.nationality).toBe(nguyen.record.nationality);
    const result = coverage(relocation, scenarios);
    expect(result.incomplete).toEqual([]);
    // Its child and its car count: the rules that select their procedures were true for it.
    for (const procedureId of ["child-allowance-claim", "parking-certificate"]) {
      expect(result.procedures.find((procedure) => procedure.id === procedureId)!.whenTrue, procedureId).toContain(`scenario-${id}`);
    }
  });

  it("refuses a scenario without a name, with markup, with changes that are not an object, or with an identity number", () => {
    const numberField = [...identityNumberFields()][0];
    expect(saveScenario(db, designer, relocation, { ...form, name: " ", answersText: "[1]" })).toEqual({
      ok: false,
      errors: { name: ["design:scenarios.errors.nameRequired"], answers: ["design:scenarios.errors.notAnObject"] },
    });
    expect(saveScenario(db, designer, relocation, { ...form, name: "<img src=x>", recordText: JSON.stringify({ household: [{ [numberField]: "123456789012" }] }) })).toEqual({
      ok: false,
      errors: { name: ["design:scenarios.errors.nameHostile"], record: ["design:scenarios.errors.identityNumber"] },
    });
    expect(savedScenariosView(db, relocation)).toHaveLength(1);
  });

  it("deletes a scenario, audited; another life event's or an unknown one is not deleted", () => {
    expect(deleteScenario(db, designer, getLifeEvent("incorporation")!, id)).toBe(false);
    expect(deleteScenario(db, designer, relocation, id)).toBe(true);
    expect(deleteScenario(db, designer, relocation, id)).toBe(false);
    expect(savedScenariosView(db, relocation)).toEqual([]);
    expect(audits("design.scenario.deleted")).toEqual([{ scenario: id, name: form.name, sample: nguyen.id }]);
  });
});
