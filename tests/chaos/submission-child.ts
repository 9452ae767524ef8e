// A portal process that does nothing but submit journeys, one after another, until it is killed: the
// submission crash test (tests/submission-crash.test.ts) kills it at chosen points of a submission.
//
// `node submission-child.mjs <database> [killAtWrite]`: with killAtWrite, the process kills itself with
// SIGKILL at that write (every INSERT, UPDATE and DELETE of any table counts, inside or outside a
// transaction), so a kill falls exactly where the test wants it, however busy the machine is. The triggers
// that count are TEMP: they live in this connection only and never reach the database file.
import { openDatabase } from "../../db/client.server";
import { getLifeEvent } from "../../flows";
import { buildConsentPreview } from "../../app/journeys/consent.server";
import { loadJourney, sendJourneyEvents, startOrResumeJourney } from "../../app/journeys/journeys.server";
import { ensureSubmissionToken, submitJourney } from "../../app/journeys/submit-journey.server";

const db = openDatabase(process.argv[2]);
const killAtWrite = Number(process.argv[3] || 0);
if (killAtWrite > 0) {
  let writes = 0;
  db.$client.function("crash_point", { deterministic: false, varargs: false }, () => {
    writes += 1;
    if (writes >= killAtWrite) process.kill(process.pid, "SIGKILL");
    return 0;
  });
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    for (const operation of ["INSERT", "UPDATE", "DELETE"]) {
      db.$client.exec(`CREATE TEMP TRIGGER "crash_${table}_${operation}" AFTER ${operation} ON main."${table}" BEGIN SELECT crash_point(); END`);
    }
  }
}
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
  process.stdout.write(`submitting ${n + 1}\n`);
  submitJourney(db, { journey, preview, optOut: [], token, lang: "ja", actorId: "u-tanaka-ichiro", onBehalfOf: null });
  process.stdout.write(`submitted ${n + 1}\n`);
}
