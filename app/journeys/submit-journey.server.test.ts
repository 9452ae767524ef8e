import { afterAll, describe, expect, it } from "vitest";
import { findJourney } from "../../db/queries/journeys";
import { readRecordValues } from "../identity/security/identity-numbers.server";
import { getLifeEvent } from "../../flows";
import { createTestDatabase } from "../../tests/setup/test-db";
import { buildConsentPreview, readOptOut } from "./consent.server";
import { listProcedureRequestsForCase } from "../../db/queries/cases";
import { eventsToReach, loadJourney, sendJourneyEvents, startOrResumeJourney } from "./journeys.server";
import { seedBasicResidentRegister } from "../demo/registries/basic-resident-register.server";
import { ensureSubmissionToken, submitJourney } from "./submit-journey.server";

const { db, close } = createTestDatabase();
afterAll(close);
seedBasicResidentRegister(db);

const relocation = getLifeEvent("relocation")!;
const tanaka = relocation.samples.find((s) => s.id === "p-tanaka-ichiro")!;

function answerAll(journeyId: string) {
  let journey = loadJourney(db, { journeyId })!;
  for (let i = 0; i < relocation.questions.length && journey.state !== "checkingAnswers"; i++) {
    journey = sendJourneyEvents(db, { journeyId, events: [{ type: "answer.submitted", questionId: journey.state, value: tanaka.answers[journey.state] }] });
  }
  return journey;
}

describe("a journey from first page to one case", () => {
  const started = startOrResumeJourney(db, { subjectId: "p-tanaka-ichiro", actorId: "u-tanaka-ichiro", lifeEventId: "relocation" });

  it("starts from the person's record and resumes where they were", () => {
    expect(started.record).toEqual(readRecordValues(db, { subjectId: "p-tanaka-ichiro" }));
    sendJourneyEvents(db, { journeyId: started.id, events: [{ type: "answer.submitted", questionId: "moveDate", value: "2026-03-10" }] });
    const again = startOrResumeJourney(db, { subjectId: "p-tanaka-ichiro", actorId: "u-tanaka-ichiro", lifeEventId: "relocation" });
    expect(again.id).toBe(started.id);
    expect(again.state).toBe("currentAddress");
  });

  it("reaches an earlier question by going back, and a later one not at all", () => {
    const journey = loadJourney(db, { journeyId: started.id })!;
    expect(eventsToReach(journey, "moveDate")).toEqual([{ type: "back" }]);
    expect(eventsToReach(journey, "phone")).toBeNull();
  });

  it("binds consent to what was shown, leaves out unticked companies, and makes one case of two submits", () => {
    const journey = answerAll(started.id);
    expect(journey.state).toBe("checkingAnswers");
    const preview = buildConsentPreview(journey, "ja");
    expect(buildConsentPreview(journey, "ja").hash).toBe(preview.hash);
    expect(buildConsentPreview(journey, "en").hash).not.toBe(preview.hash);
    const form = new FormData();
    for (const id of ["electricity-move", "gas-move", "internet-move"]) form.append("share", id);
    const optOut = readOptOut(preview, form);
    expect(optOut).toEqual(["mail-forwarding"]);

    const token = ensureSubmissionToken(db, journey);
    expect(ensureSubmissionToken(db, loadJourney(db, { journeyId: journey.id })!)).toBe(token);
    const args = { journey, preview, optOut, token, lang: "ja" as const, actorId: "u-tanaka-ichiro", onBehalfOf: null };
    const first = submitJourney(db, args);
    const second = submitJourney(db, { ...args, journey: { ...journey, state: "confirmed" } });
    expect(second.reference).toBe(first.reference);
    expect(db.$client.prepare("select count(*) from cases").pluck().get()).toBe(1);

    const kase = db.$client.prepare("select id, consent from cases").get() as { id: string; consent: string };
    const consent = JSON.parse(kase.consent) as { shownHash: string; optOut: string[]; procedures: { procedureId: string }[] };
    expect(consent.shownHash).toBe(preview.hash);
    expect(consent.optOut).toEqual(["mail-forwarding"]);
    const procedures = listProcedureRequestsForCase(db, { caseId: kase.id }).map((r) => r.procedureId);
    expect(procedures).toContain("electricity-move");
    expect(procedures).not.toContain("mail-forwarding");
    expect(findJourney(db, { id: journey.id })?.status).toBe("submitted");
  });
});

describe("a journey begun on an earlier version of its life event", () => {
  it("goes on, and is submitted, on the version it started with", () => {
    // 佐藤さん's family moves to Yokohama with a child: version 2 also ends the child allowance at the old ward.
    const sato = relocation.samples.find((s) => s.id === "p-sato-kenji")!;
    const started = startOrResumeJourney(db, { subjectId: "p-sato-kenji", actorId: "u-sato-kenji", lifeEventId: "relocation" });
    db.$client.prepare("update journeys set flow_version = 1 where id = ?").run(started.id);
    let journey = loadJourney(db, { journeyId: started.id })!;
    expect(journey.lifeEvent).toBe(getLifeEvent("relocation", 1));
    for (let i = 0; i < relocation.questions.length && journey.state !== "checkingAnswers"; i++) {
      journey = sendJourneyEvents(db, { journeyId: journey.id, events: [{ type: "answer.submitted", questionId: journey.state, value: sato.answers[journey.state] }] });
    }
    expect(journey.state).toBe("checkingAnswers");
    const preview = buildConsentPreview(journey, "ja");
    const token = ensureSubmissionToken(db, journey);
    const { reference } = submitJourney(db, { journey, preview, optOut: [], token, lang: "ja", actorId: "u-sato-kenji", onBehalfOf: null });
    const kase = db.$client.prepare("select id, flow_version as flowVersion from cases where reference = ?").get(reference) as { id: string; flowVersion: number };
    expect(kase.flowVersion).toBe(1);
    const procedures = listProcedureRequestsForCase(db, { caseId: kase.id }).map((r) => r.procedureId);
    expect(procedures).toContain("child-allowance-claim");
    expect(procedures).not.toContain("child-allowance-end");
  });
});
