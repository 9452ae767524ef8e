// The simulation against the real thing: its effort figures equal the effort benchmark's (which drives the
// real journey machine), and its payloads equal what a real journey of the same person stores for delivery.
import { afterAll, describe, expect, it } from "vitest";
import { listProcedureRequestsForCase } from "../../db/queries/cases";
import { getLifeEvent, listLifeEvents, type Answers } from "../../flows";
import { simulate } from "../../flows/design/simulate";
import { measureEffort } from "../../tests/bench/effort-count";
import { createTestDatabase } from "../../tests/setup/test-db";
import { seedBasicResidentRegister } from "../demo/registries/basic-resident-register.server";
import { buildConsentPreview } from "../journeys/consent.server";
import { loadJourney, sendJourneyEvents, startOrResumeJourney } from "../journeys/journeys.server";
import { ensureSubmissionToken, submitJourney } from "../journeys/submit-journey.server";
import { openIdentityNumbers } from "../identity/security/identity-numbers.server";

const { db, close } = createTestDatabase();
afterAll(close);
seedBasicResidentRegister(db);

const relocation = getLifeEvent("relocation")!;
const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;
/** The issue's person: a foreign resident moving with a child and a car (NGUYEN さん's record, answers composed). */
const answers: Answers = {
  ...nguyen.answers,
  movingMembers: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
  ownsVehicle: true,
  vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
  parkingAddress: nguyen.answers.newAddress,
  parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
};

describe("the simulation", () => {
  it("counts effort as the effort benchmark does, for every sample of every life event", () => {
    for (const lifeEvent of listLifeEvents()) {
      for (const sample of lifeEvent.samples) {
        const benchmark = measureEffort(lifeEvent, sample);
        const { effort } = simulate(lifeEvent, sample);
        expect({ id: sample.id, needed: effort.itemsNeeded, entered: effort.itemsEntered }).toEqual({ id: sample.id, needed: benchmark.itemsNeeded, entered: benchmark.itemsEntered });
      }
    }
  });

  it("sends exactly the payloads a real journey of the same person stores for each organisation", () => {
    const journey = startOrResumeJourney(db, { subjectId: nguyen.id, actorId: "u-nguyen", lifeEventId: "relocation" });
    let current = loadJourney(db, { journeyId: journey.id })!;
    for (let step = 0; step < relocation.questions.length && current.state !== "checkingAnswers"; step++) {
      current = sendJourneyEvents(db, { journeyId: journey.id, events: [{ type: "answer.submitted", questionId: current.state, value: answers[current.state] }] });
    }
    expect(current.state).toBe("checkingAnswers");
    const preview = buildConsentPreview(current, "ja");
    const token = ensureSubmissionToken(db, current);
    const submitted = submitJourney(db, { journey: current, preview, optOut: [], token, lang: "ja", actorId: "u-nguyen", onBehalfOf: null });
    const kase = db.$client.prepare("select id from cases where reference = ?").get(submitted.reference) as { id: string };
    // Stored with identity numbers encrypted; what the organisation receives is the payload opened.
    const stored = listProcedureRequestsForCase(db, { caseId: kase.id })
      .map((request) => ({ procedureId: request.procedureId, agencyId: request.agencyId, payload: openIdentityNumbers(JSON.parse(request.payload) as unknown, `procedureRequest:${request.id}`) }))
      .sort((a, b) => a.procedureId.localeCompare(b.procedureId));

    // The designer's simulation of the same person: the record from the sample, the same answers.
    const simulated = simulate(relocation, { record: nguyen.record, answers })
      .procedures.filter((procedure) => procedure.selected)
      .map((procedure) => ({ procedureId: procedure.procedureId, agencyId: procedure.agencyId, payload: procedure.payload }))
      .sort((a, b) => a.procedureId.localeCompare(b.procedureId));
    expect(simulated.map((procedure) => procedure.procedureId)).toEqual(expect.arrayContaining(["child-allowance-claim", "parking-certificate"]));
    expect(simulated).toEqual(stored);
  });
});
