// Submitting a journey once: confirm the answers, create the case with the consent given, and mark the
// journey submitted. The submission token makes double clicks, back-button resubmits and two tabs one case.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.server";
import { findCaseBySubmissionToken } from "../../db/queries/cases";
import { setJourneySubmissionToken } from "../../db/queries/journeys";
import { submitCase } from "../cases/cases.server";
import type { ConsentPreview } from "./consent.server";
import type { Filing } from "../../flows";
import { finishSubmittedJourney, sendJourneyEvents, type JourneyView } from "./journeys.server";
import { journeyPath } from "./journey-pages.server";
import { todayInJapan } from "../platform/today.server";
import { redirect } from "@remix-run/node";

/** The journey's one submission token, made when the consent page is first shown. */
export function ensureSubmissionToken(db: Db, journey: JourneyView): string {
  if (journey.submissionToken) return journey.submissionToken;
  const token = randomUUID();
  setJourneySubmissionToken(db, { id: journey.id, token });
  return token;
}

/** The reference of the case a token already made, if any. */
export function caseReferenceForToken(db: Db, token: string): string | null {
  return findCaseBySubmissionToken(db, { submissionToken: token })?.reference ?? null;
}

/**
 * Submits the journey: confirms the answers (its own small transaction: a confirmed journey is a state to
 * resume from), then creates the case in one transaction with everything that belongs to it.
 */
export function submitJourney(
  db: Db,
  args: {
    journey: JourneyView;
    preview: ConsentPreview;
    optOut: string[];
    token: string;
    lang: "ja" | "en";
    actorId: string;
    onBehalfOf: string | null;
    /** When and by whom, exactly as the consent page's preview said it. */
    filing?: Filing;
  },
): { reference: string } {
  const { journey, preview, optOut, token } = args;
  const consented = preview.selected.filter((s) => !optOut.includes(s.procedureId)).map((s) => s.procedureId);
  const confirmed =
    journey.state === "confirmed" ? journey : sendJourneyEvents(db, { journeyId: journey.id, events: [{ type: "answers.confirmed", today: todayInJapan() }] });
  // An answer that no longer fits (a move date outside the window today): the machine asks it again.
  if (confirmed.state !== "confirmed") throw redirect(journeyPath(confirmed));
  // ONE transaction: the case, its procedure requests and outbox rows, the journey marked submitted and
  // the consent.given entry are written together or not at all (a crash between them stranded journeys).
  const submitted = submitCase(db, {
    lifeEventId: journey.lifeEvent.id,
    version: journey.lifeEvent.version,
    answers: confirmed.answers,
    record: confirmed.record,
    optOut,
    applicantId: journey.subjectId,
    actorId: args.actorId,
    onBehalfOf: args.onBehalfOf,
    submissionToken: token,
    filing: args.filing,
    consent: { procedureIds: consented, givenAt: new Date(), shownHash: preview.hash, optOut, lang: args.lang },
    alsoInTransaction: (tx, result) => finishSubmittedJourney(tx, { journeyId: journey.id, caseRow: result.case }),
  });
  return { reference: submitted.case.reference };
}
