// The journey service: one person's answers to one life event, driven by the life event's journey machine
// and saved after every page, so leaving and coming back resumes where the person was.
import { randomUUID } from "node:crypto";
import { createActor, type AnyMachineSnapshot } from "xstate";
import type { Db, Tx } from "../../db/client.server";
import { appendAuditEntry, hasAuditEntry } from "../../db/queries/audit";
import { findCaseBySubmissionToken } from "../../db/queries/cases";
import {
  createJourney,
  findJourney,
  findJourneyInProgress,
  listJourneysInProgressWithToken,
  markJourneySubmitted,
  saveJourneySnapshot,
  type JourneyRow,
} from "../../db/queries/journeys";
import { logger } from "../platform/logger.server";
import { findRecordAttributeSource, type RecordSource } from "../../db/queries/records";
import { openIdentityNumbers, readRecordValues, sealIdentityNumbers } from "../identity/security/identity-numbers.server";
import {
  applicableQuestions,
  createJourneyMachine,
  getLifeEvent,
  prefillValue,
  type Answers,
  type JourneyContext,
  type JourneyEvent,
  type LifeEvent,
  type Question,
  type RecordValues,
} from "../../flows";

export type JourneyView = {
  id: string;
  lifeEvent: LifeEvent;
  /** The machine's state: a question id, 'checkingAnswers' or 'confirmed'. */
  state: string;
  context: JourneyContext;
  answers: Answers;
  record: RecordValues;
  status: JourneyRow["status"];
  submissionToken: string | null;
  subjectId: string;
};

const machines = new Map<string, ReturnType<typeof createJourneyMachine>>();

function machineFor(lifeEvent: LifeEvent) {
  const key = `${lifeEvent.id}@${lifeEvent.version}`;
  let machine = machines.get(key);
  if (!machine) {
    machine = createJourneyMachine(lifeEvent);
    machines.set(key, machine);
  }
  return machine;
}

/** A journey's machine from its stored snapshot (identity numbers opened: the machine checks and routes on them). */
function restore(lifeEvent: LifeEvent, row: JourneyRow) {
  const snapshot = openIdentityNumbers(JSON.parse(row.snapshot) as unknown, `journey:${row.id}`);
  return createActor(machineFor(lifeEvent), { snapshot: snapshot as AnyMachineSnapshot }).start();
}

/** The snapshot as stored: identity numbers encrypted, bound to the journey. */
const sealedSnapshot = (journeyId: string, snapshot: unknown) => sealIdentityNumbers(snapshot, `journey:${journeyId}`);

function stateName(snapshot: AnyMachineSnapshot): string {
  return typeof snapshot.value === "string" ? snapshot.value : Object.keys(snapshot.value)[0];
}

function view(row: JourneyRow, snapshot: AnyMachineSnapshot, lifeEvent: LifeEvent): JourneyView {
  const context = snapshot.context as JourneyContext;
  return {
    id: row.id,
    lifeEvent,
    state: stateName(snapshot),
    context,
    answers: context.answers,
    record: context.record,
    status: row.status,
    submissionToken: row.submissionToken,
    subjectId: row.subjectId,
  };
}

function lifeEventOf(row: JourneyRow): LifeEvent {
  const lifeEvent = getLifeEvent(row.lifeEventId, row.flowVersion);
  if (!lifeEvent) throw new Error(`unknown life event ${row.lifeEventId}@${row.flowVersion}`);
  return lifeEvent;
}

type CaseForJourney = { id: string; actedBy: string; onBehalfOf: string | null; applicantId: string; lifeEventId: string; consent: string };

/**
 * Marks a journey submitted with its case and records the consent given, unless already recorded. Called
 * inside the case's own transaction at submission, and to finish a journey that an older version left
 * half-way (case written, journey and consent not: three transactions then, and a crash between them).
 */
export function finishSubmittedJourney(tx: Tx, { journeyId, caseRow, recovered = false }: { journeyId: string; caseRow: CaseForJourney; recovered?: boolean }) {
  markJourneySubmitted(tx, { id: journeyId, caseId: caseRow.id });
  if (hasAuditEntry(tx, { action: "consent.given", subjectId: caseRow.id })) return;
  const consent = JSON.parse(caseRow.consent) as { givenAt?: string; shownHash?: string | null; optOut?: string[]; lang?: string | null; procedures?: { procedureId: string }[] };
  appendAuditEntry(tx, {
    actor: caseRow.actedBy,
    onBehalfOf: caseRow.onBehalfOf,
    action: "consent.given",
    subjectType: "case",
    subjectId: caseRow.id,
    dataSubjectId: caseRow.applicantId,
    purpose: caseRow.lifeEventId,
    details: {
      shownHash: consent.shownHash ?? null,
      procedures: (consent.procedures ?? []).map((procedure) => procedure.procedureId),
      optOut: consent.optOut ?? [],
      lang: consent.lang ?? null,
      ...(recovered ? { recovered: true, givenAt: consent.givenAt ?? null } : {}),
    },
  });
}

/**
 * A journey still "in progress" whose submission token already made a case was left half-way by a crash
 * in an older version: finish it (journey submitted, consent recorded) and say so. Runs wherever a
 * journey in progress is looked up, and for all of them at start-up.
 */
function finishedIfSubmitted(tx: Tx, row: JourneyRow): boolean {
  if (!row.submissionToken) return false;
  const caseRow = findCaseBySubmissionToken(tx, { submissionToken: row.submissionToken });
  if (!caseRow) return false;
  finishSubmittedJourney(tx, { journeyId: row.id, caseRow, recovered: true });
  logger.warn("journey left half-way by a crash was finished", { journeyId: row.id, caseId: caseRow.id });
  return true;
}

/** Finishes every journey left half-way (see finishedIfSubmitted); returns how many. */
export function recoverInterruptedSubmissions(db: Db): number {
  return db.transaction(
    (tx) => listJourneysInProgressWithToken(tx).filter((row) => finishedIfSubmitted(tx, row)).length,
    { behavior: "immediate" },
  );
}

/** The subject's journey in progress for this life event, or a new one started from their record. */
export function startOrResumeJourney(
  db: Db,
  { subjectId, actorId, lifeEventId }: { subjectId: string; actorId: string; lifeEventId: string },
): JourneyView {
  const lifeEvent = getLifeEvent(lifeEventId);
  if (!lifeEvent) throw new Response("Not Found", { status: 404 });
  return db.transaction(
    (tx) => {
      let existing = findJourneyInProgress(tx, { subjectId, lifeEventId });
      if (existing && finishedIfSubmitted(tx, existing)) existing = findJourneyInProgress(tx, { subjectId, lifeEventId });
      if (existing) return loadFrom(existing);
      const record = readRecordValues(tx, { subjectId }) as RecordValues;
      const actor = createActor(machineFor(lifeEvent), { input: { record } }).start();
      const id = randomUUID();
      const snapshot = sealedSnapshot(id, actor.getPersistedSnapshot());
      const row = createJourney(tx, {
        id,
        subjectId,
        actorId,
        lifeEventId,
        flowVersion: lifeEvent.version,
        snapshot,
      });
      return view(row, actor.getSnapshot(), lifeEvent);
    },
    { behavior: "immediate" },
  );
}

/**
 * A journey as it was saved, for reading: its state and context are the stored snapshot's, so no actor is started
 * (every question page reads one; sendJourneyEvents restores the machine to move it on).
 */
function loadFrom(row: JourneyRow): JourneyView {
  const lifeEvent = lifeEventOf(row);
  const snapshot = openIdentityNumbers(JSON.parse(row.snapshot) as unknown, `journey:${row.id}`) as AnyMachineSnapshot;
  return view(row, snapshot, lifeEvent);
}

/** The journey in progress of a subject, if any. */
export function findJourneyView(db: Db, { subjectId, lifeEventId }: { subjectId: string; lifeEventId: string }): JourneyView | null {
  const row = findJourneyInProgress(db, { subjectId, lifeEventId });
  if (row?.submissionToken && findCaseBySubmissionToken(db, { submissionToken: row.submissionToken })) {
    db.transaction((tx) => finishedIfSubmitted(tx, row), { behavior: "immediate" });
    return null;
  }
  return row ? loadFrom(row) : null;
}

export function loadJourney(db: Db, { journeyId }: { journeyId: string }): JourneyView | null {
  const row = findJourney(db, { id: journeyId });
  return row ? loadFrom(row) : null;
}

/**
 * Sends events to a journey's machine and saves the new snapshot in one transaction.
 * Returns the view after the last event (with the machine's errors, if an answer was invalid).
 */
export function sendJourneyEvents(db: Db, { journeyId, events }: { journeyId: string; events: JourneyEvent[] }): JourneyView {
  return db.transaction(
    (tx) => {
      const row = findJourney(tx, { id: journeyId });
      if (!row || row.status !== "inProgress") throw new Response("Not Found", { status: 404 });
      const lifeEvent = lifeEventOf(row);
      const actor = restore(lifeEvent, row);
      for (const event of events) actor.send(event);
      saveJourneySnapshot(tx, { id: row.id, snapshot: sealedSnapshot(row.id, actor.getPersistedSnapshot()) });
      return view({ ...row }, actor.getSnapshot(), lifeEvent);
    },
    { behavior: "immediate" },
  );
}

/**
 * The events that bring the machine to a question the person opened (going back, or changing an answer
 * from check answers) before answering it. Null when the question may not be opened now.
 */
export function eventsToReach(journey: JourneyView, questionId: string): JourneyEvent[] | null {
  if (journey.state === questionId) return [];
  const asked = applicableQuestions(journey.lifeEvent, journey.answers, journey.record).map((q) => q.id);
  if (!asked.includes(questionId)) return null;
  if (journey.state === "checkingAnswers") return [{ type: "change.requested", questionId }];
  const order = journey.lifeEvent.questions.map((q) => q.id);
  const here = order.indexOf(journey.state);
  const there = order.indexOf(questionId);
  if (there > here) return null;
  // Step back through the questions that apply until we reach it.
  const between = asked.filter((id) => order.indexOf(id) >= there && order.indexOf(id) < here);
  return between.map(() => ({ type: "back" }) as const);
}

/** The questions already reached: answered ones and the current one. */
export function reachableQuestionIds(journey: JourneyView): string[] {
  const asked = applicableQuestions(journey.lifeEvent, journey.answers, journey.record).map((q) => q.id);
  return asked.filter((id) => id in journey.answers || id === journey.state);
}

/** The question before this one that applies to the person, or null on the first question. */
export function previousQuestionId(journey: JourneyView, questionId: string): string | null {
  const order = journey.lifeEvent.questions.map((q) => q.id);
  const asked = applicableQuestions(journey.lifeEvent, journey.answers, journey.record).map((q) => q.id);
  return asked.filter((id) => order.indexOf(id) < order.indexOf(questionId)).at(-1) ?? null;
}

export type PrefillSource = { kind: RecordSource["kind"] | "record"; ref?: string | null };

/**
 * What the government already knows for this question, with where it came from and when, so the page
 * can show it for the person to confirm or change. Null when nothing is known.
 */
export function prefillFor(
  db: Db,
  journey: JourneyView,
  question: Question,
): { value: unknown; source: PrefillSource; recordedAt: string | null } | null {
  const value = prefillValue(question, journey.record);
  if (value === undefined || value === null) return null;
  if (!question.prefillFrom) return { value, source: { kind: "record" }, recordedAt: null };
  const attribute = findRecordAttributeSource(db, { subjectId: journey.subjectId, key: question.prefillFrom });
  return attribute
    ? { value, source: attribute.source, recordedAt: attribute.recordedAt }
    : { value, source: { kind: "record" }, recordedAt: null };
}
