// What the journey pages share: finding the signed-in applicant's journey, checking they may be on a page,
// and where each state of the journey machine lives in the URL.
import { redirect } from "@remix-run/node";
import type { AuthContext, Subject } from "../identity/auth.server";
import { applicantRoles, listSubjects } from "../identity/auth.server";
import { getDb } from "../../db/client.server";
import { listCasesForApplicant } from "../../db/queries/cases";
import { findJourneyInProgress } from "../../db/queries/journeys";
import type { LifeEvent } from "../../flows";
import { findJourneyView, reachableQuestionIds, startOrResumeJourney, type JourneyView } from "./journeys.server";
import { subjectTypeOf } from "./life-events.server";

export function journeyPath(journey: Pick<JourneyView, "lifeEvent" | "state">): string {
  const base = `/life-events/${journey.lifeEvent.id}`;
  if (journey.state === "checkingAnswers") return `${base}/check-answers`;
  if (journey.state === "confirmed") return `${base}/consent`;
  return `${base}/questions/${journey.state}`;
}

/** The subject this life event is for (a person moves house; a company is incorporated), or a thrown 403. */
export function requireSubjectFor(auth: AuthContext & { subject: Subject }, lifeEvent: LifeEvent): Subject {
  if (auth.subject.type !== subjectTypeOf(lifeEvent)) throw new Response("Forbidden", { status: 403 });
  return auth.subject;
}

export function startJourneyFor(auth: AuthContext & { subject: Subject }, lifeEvent: LifeEvent): JourneyView {
  const subject = requireSubjectFor(auth, lifeEvent);
  return startOrResumeJourney(getDb(), { subjectId: subject.id, actorId: auth.user.id, lifeEventId: lifeEvent.id });
}

/** The journey in progress of the applicant, or a redirect to the life event's start page. */
export function requireJourney(auth: AuthContext & { subject: Subject }, lifeEvent: LifeEvent): JourneyView {
  const subject = requireSubjectFor(auth, lifeEvent);
  const journey = findJourneyView(getDb(), { subjectId: subject.id, lifeEventId: lifeEvent.id });
  if (!journey) throw redirect(`/life-events/${lifeEvent.id}`);
  return journey;
}

/** A question may be opened once it has been reached; any other goes to where the journey is. */
export function requireReachable(journey: JourneyView, questionId: string | undefined): string {
  if (!questionId || !reachableQuestionIds(journey).includes(questionId)) throw redirect(journeyPath(journey));
  return questionId;
}

/**
 * What a life event's start page offers the person looking at it, so nobody is shown a button that would
 * refuse them: start (anyone not signed in is asked to sign in first), continue a journey in progress, view the
 * application already sent (and start another), choose to act for someone it is for, or nothing (staff).
 */
export type StartOffer =
  | { kind: "start" }
  | { kind: "continue" }
  | { kind: "submitted"; reference: string }
  | { kind: "actFor"; subjectType: "person" | "company" }
  | { kind: "notForYou"; subjectType: "person" | "company" };

export function startOfferFor(auth: AuthContext | null, lifeEvent: LifeEvent): StartOffer {
  if (!auth) return { kind: "start" };
  const subjectType = subjectTypeOf(lifeEvent);
  if (!applicantRoles.includes(auth.user.role)) return { kind: "notForYou", subjectType };
  if (auth.subject?.type !== subjectType) {
    const canActFor = listSubjects(auth.user.id).some((subject) => subject.type === subjectType);
    return canActFor ? { kind: "actFor", subjectType } : { kind: "notForYou", subjectType };
  }
  const db = getDb();
  if (findJourneyInProgress(db, { subjectId: auth.subject.id, lifeEventId: lifeEvent.id })) return { kind: "continue" };
  const latest = listCasesForApplicant(db, { applicantId: auth.subject.id }).find((kase) => kase.lifeEventId === lifeEvent.id);
  return latest ? { kind: "submitted", reference: latest.reference } : { kind: "start" };
}
