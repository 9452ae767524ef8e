// Model-based tests of the relocation journey: every question is reached, every path of answers ends
// confirmed, and replaying a path on a real actor does what the model says.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createJourneyMachine, getLifeEvent } from "../index";
import { exploreJourneys } from "../lib/checks";
import { walkJourney } from "../lib/test-helpers";
import type { RecordValues } from "../lib/types";
import { demoRecords } from "./samples";

const relocation = getLifeEvent("relocation")!;
const machine = createJourneyMachine(relocation);

/** A record on which every question applies somewhere: a foreign resident aged 60 or over. */
const everyBranch: RecordValues = { ...demoRecords["p-nguyen-thi-lan"], birthDate: "1950-01-01" };

describe("relocation journey, model-based", () => {
  const walk = walkJourney(relocation, machine, everyBranch);

  it("reaches every question and check answers", () => {
    for (const question of relocation.questions) expect(walk.reachedStates, question.id).toContain(question.id);
    expect(walk.reachedStates).toContain("checkingAnswers");
    expect(walk.reachedStates).toContain("confirmed");
  });

  it("ends every path of answers in 'confirmed' and nowhere else", () => {
    expect(walk.deadEnds.every((state) => state === "confirmed")).toBe(true);
    const expected = exploreJourneys(relocation, everyBranch).paths;
    expect(walk.completePaths.length).toBe(expected);
    expect(walk.completePaths.length).toBeGreaterThanOrEqual(256);
  });

  it("replays every complete path on a real actor", () => {
    for (const path of walk.completePaths) {
      const actor = createActor(machine, { input: { record: everyBranch } }).start();
      for (const step of path.steps) actor.send(step.event);
      expect(actor.getSnapshot().value).toBe("confirmed");
      expect(actor.getSnapshot().hasTag("confirmed")).toBe(true);
    }
  });

  it.each(Object.keys(demoRecords))("asks %s only the questions that apply", (id) => {
    const record = demoRecords[id];
    const { reachedStates } = walkJourney(relocation, machine, record);
    expect(reachedStates.has("residenceCardNumber")).toBe(record.nationality !== "JP");
    expect(reachedStates.has("receivesPension")).toBe(id === "p-suzuki-haruko");
  });
});
