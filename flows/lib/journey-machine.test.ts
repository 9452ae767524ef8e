// Table tests of the journey machine's transitions, on the relocation journey and Tanaka's record.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createJourneyMachine, getLifeEvent, nextQuestion } from "../index";
import { demoAddresses, demoRecords, relocationSamples } from "../relocation/samples";
import type { JourneyContext, JourneyEvent } from "./journey-machine";

const relocation = getLifeEvent("relocation")!;
const machine = createJourneyMachine(relocation);
const tanaka = demoRecords["p-tanaka-ichiro"];
const tanakaAnswers = relocationSamples.find((sample) => sample.id === "p-tanaka-ichiro")!.answers;

function start(answers?: Record<string, unknown>, record = tanaka) {
  const actor = createActor(machine, { input: { record, answers } });
  actor.start();
  return actor;
}

const answer = (questionId: string, value: unknown): JourneyEvent => ({ type: "answer.submitted", questionId, value });
const context = (actor: ReturnType<typeof start>) => actor.getSnapshot().context as JourneyContext;

describe("journey machine transitions", () => {
  it.each([
    { name: "starts at the first question", events: [], state: "moveDate" },
    { name: "a valid answer moves on", events: [answer("moveDate", "2026-03-20")], state: "currentAddress" },
    { name: "an invalid answer stays", events: [answer("moveDate", "2026-02-30")], state: "moveDate" },
    { name: "an answer to another question is ignored", events: [answer("newAddress", demoAddresses.tanakaNew)], state: "moveDate" },
    { name: "back from the first question is ignored", events: [{ type: "back" } as const], state: "moveDate" },
    {
      name: "back returns to the previous question",
      events: [answer("moveDate", "2026-03-20"), { type: "back" } as const],
      state: "moveDate",
    },
    {
      name: "owning no vehicle skips the vehicle questions",
      events: [answer("moveDate", "2026-03-20"), answer("currentAddress", demoAddresses.tanakaOld), answer("newAddress", demoAddresses.tanakaNew), answer("movingMembers", []), answer("hasMyNumberCard", "yes"), answer("healthInsurance", "employee"), answer("pension", "category2"), answer("ownsVehicle", "no")],
      state: "hasDriversLicence",
    },
    {
      name: "owning a vehicle asks for the vehicles",
      events: [answer("moveDate", "2026-03-20"), answer("currentAddress", demoAddresses.tanakaOld), answer("newAddress", demoAddresses.tanakaNew), answer("movingMembers", []), answer("hasMyNumberCard", true), answer("healthInsurance", "employee"), answer("pension", "category2"), answer("ownsVehicle", true)],
      state: "vehicles",
    },
    { name: "confirming is refused before check answers", events: [{ type: "answers.confirmed" } as const], state: "moveDate" },
  ])("$name", ({ events, state }) => {
    const actor = start();
    for (const event of events) actor.send(event);
    expect(actor.getSnapshot().value).toBe(state);
  });

  it("keeps the errors of an invalid answer as i18n keys, and clears them on a valid one", () => {
    const actor = start();
    actor.send(answer("moveDate", "not a date"));
    expect(context(actor).errors).toEqual({ questionId: "moveDate", issues: [{ path: "", message: "relocation:errors.invalidDate?what=relocation%3AmoveDate.what" }] });
    actor.send(answer("moveDate", "2026-03-20"));
    expect(context(actor).errors).toBeNull();
    actor.send(answer("currentAddress", { ...demoAddresses.tanakaOld, postalCode: "12" }));
    expect(context(actor).errors?.issues).toEqual([{ path: "postalCode", message: "relocation:errors.postalCode" }]);
  });

  it("stores parsed values: yes/no as booleans, postal codes without hyphens", () => {
    const actor = start();
    actor.send(answer("moveDate", "2026-03-20"));
    actor.send(answer("currentAddress", { ...demoAddresses.tanakaOld, postalCode: "101-0051", building: "" }));
    expect(context(actor).answers.currentAddress).toEqual({ ...demoAddresses.tanakaOld, building: undefined });
  });

  it("does not count a confirmed prefill as entered, but counts a change", () => {
    const actor = start();
    actor.send(answer("moveDate", "2026-03-20"));
    actor.send(answer("currentAddress", { ...demoAddresses.tanakaOld }));
    expect(context(actor).entered).toEqual(["moveDate"]);
    actor.send({ type: "back" });
    actor.send(answer("currentAddress", { ...demoAddresses.tanakaOld, building: "神保町レジデンス503" }));
    expect(context(actor).entered).toEqual(["moveDate", "currentAddress"]);
  });

  it("resumes at the first unanswered question, or at check answers when complete", () => {
    expect(start({ moveDate: "2026-03-20" }).getSnapshot().value).toBe("currentAddress");
    expect(start(tanakaAnswers).getSnapshot().value).toBe("checkingAnswers");
  });

  it("returns to check answers after a change, asking any question the change makes applicable", () => {
    const actor = start(tanakaAnswers);
    actor.send({ type: "change.requested", questionId: "ownsVehicle" });
    expect(actor.getSnapshot().value).toBe("ownsVehicle");
    actor.send(answer("ownsVehicle", true));
    expect(actor.getSnapshot().value).toBe("vehicles");
    actor.send(answer("vehicles", [{ registrationNumber: "品川 300 あ 1-23", kind: "ordinary" }]));
    expect(actor.getSnapshot().value).toBe("parkingAddress");
    actor.send(answer("parkingAddress", demoAddresses.tanakaNew));
    actor.send(answer("parkingSpace", [{ right: "rented", lengthCm: 500, widthCm: 250 }]));
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
    expect(context(actor).changing).toBe(false);
  });

  it("drops answers that no longer apply after a change", () => {
    const actor = start({ ...tanakaAnswers, ownsVehicle: true, vehicles: [{ registrationNumber: "品川 300 あ 1-23", kind: "ordinary" }], parkingAddress: demoAddresses.tanakaNew, parkingSpace: [{ right: "own", lengthCm: 500, widthCm: 250 }] });
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
    actor.send({ type: "change.requested", questionId: "ownsVehicle" });
    actor.send(answer("ownsVehicle", false));
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
    expect(context(actor).answers).not.toHaveProperty("vehicles");
    expect(context(actor).answers).not.toHaveProperty("parkingAddress");
  });

  it("refuses a change to a question that does not apply", () => {
    const actor = start(tanakaAnswers);
    expect(actor.getSnapshot().can({ type: "change.requested", questionId: "vehicles" })).toBe(false);
    expect(actor.getSnapshot().can({ type: "change.requested", questionId: "newAddress" })).toBe(true);
  });

  it("goes back from a change to check answers", () => {
    const actor = start(tanakaAnswers);
    actor.send({ type: "change.requested", questionId: "newAddress" });
    actor.send({ type: "back" });
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
  });

  it("goes back from check answers to the last applicable question", () => {
    const actor = start(tanakaAnswers);
    actor.send({ type: "back" });
    expect(actor.getSnapshot().value).toBe("phone");
  });

  it("confirms from check answers into the final state", () => {
    const actor = start(tanakaAnswers);
    actor.send({ type: "answers.confirmed" });
    expect(actor.getSnapshot().value).toBe("confirmed");
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().hasTag("confirmed")).toBe(true);
  });

  it("persists to JSON and restores where it left off", () => {
    const actor = start();
    actor.send(answer("moveDate", "2026-03-20"));
    actor.send(answer("currentAddress", demoAddresses.tanakaOld));
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const restored = createActor(machine, { snapshot: persisted, input: { record: tanaka } });
    restored.start();
    expect(restored.getSnapshot().value).toBe("newAddress");
    expect(context(restored).answers.moveDate).toBe("2026-03-20");
    restored.send(answer("newAddress", demoAddresses.tanakaNew));
    expect(restored.getSnapshot().value).toBe("movingMembers");
  });

  it("agrees with nextQuestion on every step of a sample journey", () => {
    const actor = start();
    for (;;) {
      const { answers, record } = context(actor);
      const expected = nextQuestion(relocation, answers, record);
      if (expected === null) break;
      expect(actor.getSnapshot().value).toBe(expected);
      actor.send(answer(expected, tanakaAnswers[expected]));
    }
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
  });
});
