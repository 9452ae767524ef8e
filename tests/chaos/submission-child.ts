// A portal process that does nothing but submit journeys, one after another, until it is killed: the
// submission crash test (tests/submission-crash.test.ts) kills it with SIGKILL at random moments.
import { openDatabase } from "../../db/client.server";
import { getLifeEvent } from "../../flows";
import { buildConsentPreview } from "../../app/journeys/consent.server";
import { loadJourney, sendJourneyEvents, startOrResumeJourney } from "../../app/journeys/journeys.server";
import { ensureSubmissionToken, submitJourney } from "../../app/journeys/submit-journey.server";

const db = openDatabase(process.argv[2]);
const relocation = getLifeEvent("relocation")!;
const tanaka = relocation.samples.find((sample) => sample.id === "p-tanaka-ichiro")!;

process.stdout.write("ready\n");
for (let n = 0; ; n++) {
  let journey = startOrResumeJourney(db, { subjectId: tanaka.id, actorId: "u-tanaka-ichiro", lifeEventId: "relocation" });
  for (let i = 0; i < relocation.questions.length && journey.state !== "checkingAnswers" && journey.state !== "confirmed"; i++) {
    journey = sendJourneyEvents(db, { journeyId: journey.id, events: [{ type: "answer.submitted", questionId: journey.state, value: tanaka.answers[journey.state] }] });
  }
  const token = ensureSubmissionToken(db, journey);
  journey = loadJourney(db, { journeyId: journey.id })!;
  const preview = buildConsentPreview(journey, "ja");
  submitJourney(db, { journey, preview, optOut: [], token, lang: "ja", actorId: "u-tanaka-ichiro", onBehalfOf: null });
}
