// The case service: submitting a journey as a case, and the one way a procedure request's status changes
// (an event sent to the case machine restored from its snapshot). Each call is one transaction.
import { randomInt } from "node:crypto";
import { createActor, type AnyStateMachine, type Snapshot, type SnapshotFrom } from "xstate";
import {
  completePayload,
  createCaseMachine,
  getLifeEvent,
  getProcedure,
  caseHasEnded,
  persistCase,
  procedureStatuses,
  regionsOfStoredCase,
  restoreCase,
  selectProcedures,
  stepCase,
  typedDataItems,
  type Answers,
  type Filing,
  type CaseContext,
  type CaseEvent,
  type CaseInput,
  type ProcedureStatus,
  type RecordValues,
  type SelectedProcedure,
} from "../../flows";
import type { Db, Tx } from "../../db/client.server";
import { newRowId } from "../../db/ids";
import { appendAuditEntry } from "../../db/queries/audit";
import {
  findCaseByReference,
  findCaseBySubmissionToken,
  getCase,
  getProcedureRequest,
  getProcedureRequestPayload,
  insertCase,
  insertProcedureEvent,
  insertProcedureRequest,
  listProcedureProgressForCase,
  listProcedureRequestsForCase,
  updateCaseSnapshot,
  updateProcedureRequest,
  type CaseRow,
  type ProcedureRequestRow,
} from "../../db/queries/cases";
import { sqlOutbox, type Outbox } from "../../db/queries/outbox";
import { engineConfig } from "../platform/engine-config.server";
import { writeBackOnAcceptance } from "./once-only.server";
import {
  openCaseSnapshot,
  openDecisionReference,
  openIdentityNumbers,
  sealCaseSnapshot,
  sealDecisionReference,
  sealIdentityNumbers,
} from "../identity/security/identity-numbers.server";

// ---------------------------------------------------------------------------------------------------
// Errors: each has a stable code, so routes and callbacks can answer with it.
// ---------------------------------------------------------------------------------------------------
export class CaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class UnknownLifeEventError extends CaseError {
  constructor(lifeEventId: string, version?: number) {
    super("unknownLifeEvent", `No published life event ${lifeEventId}${version ? ` v${version}` : ""}`);
  }
}
export class NothingToSubmitError extends CaseError {
  constructor() {
    super("nothingToSubmit", "The answers call for no procedure");
  }
}
export class ConsentMissingError extends CaseError {
  constructor(readonly procedureIds: string[]) {
    super("consentMissing", `No consent to share data for: ${procedureIds.join(", ")}`);
  }
}
export class ProcedureRequestNotFoundError extends CaseError {
  constructor(procedureRequestId: string) {
    super("procedureRequestNotFound", `No procedure request ${procedureRequestId}`);
  }
}
/** The case machine refuses the event in its current state (e.g. a decision before delivery). */
export class CaseEventRefusedError extends CaseError {
  constructor(
    readonly eventType: string,
    readonly status: string,
  ) {
    super("eventRefused", `${eventType} does not apply to a procedure request that is ${status}`);
  }
}
/** Another writer changed the case between our read and our write; the caller may try again. */
export class CaseConflictError extends CaseError {
  constructor(caseId: string) {
    super("caseConflict", `Case ${caseId} changed while this event was applied`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Submitting
// ---------------------------------------------------------------------------------------------------

/** What the applicant agreed to, on the consent page: the procedures whose data may be sent, and when. */
export type Consent = {
  procedureIds: string[];
  givenAt: Date | string;
  /** SHA-256 of exactly what the consent page showed (organisations, procedures, items, legal bases, data). */
  shownHash?: string;
  /** Private procedures the applicant unticked. */
  optOut?: string[];
  /** The language the consent page was read in. */
  lang?: string;
};

export type SubmitCaseArgs = {
  lifeEventId: string;
  version?: number;
  answers: Answers;
  record: RecordValues;
  optOut?: string[];
  /** The person (p-…) or company (c-…) the case is about. */
  applicantId: string;
  /** The signed-in user who submits. */
  actorId: string;
  onBehalfOf?: string | null;
  /** The one-time token of the check-answers form: a double submit returns the first case. */
  submissionToken: string;
  consent: Consent;
  /** When and by whom it is filed (届出年月日・届出人), as the consent page showed it. */
  filing?: Filing;
  maxAttempts?: number;
  now?: Date;
  outbox?: Outbox;
  /**
   * Runs inside the case's transaction once the case is written (or found, for a repeated token), so
   * what the caller records with it (the journey marked submitted, the consent entry) is written with
   * the case or not at all.
   */
  alsoInTransaction?: (tx: Tx, submitted: SubmittedCase) => void;
};

export type SubmittedCase = { case: CaseRow; procedureRequests: ProcedureRequestRow[]; created: boolean };

const referenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U to misread

/** A reference number for citizens: MDG-<year>-XXXX-XXXX (40 random bits). */
export function newCaseReference(now: Date = new Date()): string {
  const block = () => Array.from({ length: 4 }, () => referenceAlphabet[randomInt(referenceAlphabet.length)]).join("");
  return `MDG-${now.getUTCFullYear()}-${block()}-${block()}`;
}

export const idempotencyKeyFor = (procedureRequestId: string, delivery: number) => `${procedureRequestId}-${delivery}`;

/**
 * Submits a journey: the case, its started case machine's snapshot (with the flow version), one procedure
 * request per selected procedure, one outbox row per procedure that may start now, and the audit entry,
 * all in one transaction. The same submission token returns the case it made the first time.
 */
export function submitCase(db: Db, args: SubmitCaseArgs): SubmittedCase {
  const now = args.now ?? new Date();
  const outbox = args.outbox ?? sqlOutbox;
  const existing = args.alsoInTransaction ? undefined : findCaseBySubmissionToken(db, { submissionToken: args.submissionToken });
  if (existing) return { case: existing, procedureRequests: listProcedureRequestsForCase(db, { caseId: existing.id }), created: false };

  const lifeEvent = getLifeEvent(args.lifeEventId, args.version);
  if (!lifeEvent) throw new UnknownLifeEventError(args.lifeEventId, args.version);
  const selected = selectProcedures({ lifeEvent, answers: args.answers, record: args.record, optOut: args.optOut, filing: args.filing });
  if (selected.length === 0) throw new NothingToSubmitError();
  const typed = typedDataItems({ lifeEvent, answers: args.answers, record: args.record, filing: args.filing });
  const consented = new Set(args.consent.procedureIds);
  const unconsented = selected.filter((procedure) => !consented.has(procedure.procedureId)).map((procedure) => procedure.procedureId);
  if (unconsented.length) throw new ConsentMissingError(unconsented);
  // Regions for the selected procedures only; the stored snapshot names them, so its machine is rebuilt from it.
  const machine = createCaseMachine(lifeEvent, selected.map((procedure) => procedure.procedureId));
  const maxAttempts = args.maxAttempts ?? engineConfig().maxAttempts;
  const at = now.toISOString();
  const givenAt = new Date(args.consent.givenAt).toISOString();

  return db.transaction(
    (tx) => {
      // Checked again inside the write lock: two submits racing with one token make one case.
      const raced = findCaseBySubmissionToken(tx, { submissionToken: args.submissionToken });
      if (raced) {
        const found = { case: raced, procedureRequests: listProcedureRequestsForCase(tx, { caseId: raced.id }), created: false };
        args.alsoInTransaction?.(tx, found);
        return found;
      }

      const caseId = newRowId();
      const { statuses, snapshot } = startCaseMachine(machine, {
        caseId,
        selected: selected.map(({ procedureId, prerequisites }) => ({ procedureId, prerequisites })),
        maxAttempts,
      });

      const kase = insertCase(tx, {
        id: caseId,
        reference: uniqueReference(tx, now),
        lifeEventId: lifeEvent.id,
        flowVersion: lifeEvent.version,
        applicantId: args.applicantId,
        actedBy: args.actorId,
        onBehalfOf: args.onBehalfOf ?? null,
        status: "submitted",
        answers: JSON.stringify(sealIdentityNumbers(args.answers, `case:${caseId}`)),
        consent: JSON.stringify(consentRecord(selected, givenAt, args.consent)),
        snapshot,
        snapshotVersion: 0,
        submissionToken: args.submissionToken,
        createdAt: at,
        updatedAt: at,
      });

      const requests = selected.map((procedure) => {
        const status = statuses[procedure.procedureId];
        const procedureRequestId = newRowId();
        const request = insertProcedureRequest(tx, {
          id: procedureRequestId,
          caseId,
          procedureId: procedure.procedureId,
          agencyId: procedure.agencyId,
          status,
          payload: JSON.stringify(sealIdentityNumbers(procedure.payload, `procedureRequest:${procedureRequestId}`)),
          dataItems: JSON.stringify(procedure.dataItems),
          deadline: procedure.deadline,
          // Filed by post or at the counter (no My Number Card) counts as in person: the data goes ahead.
          inPerson: procedure.inPerson || procedure.offline,
          itemsTyped: procedure.dataItems.filter((item) => typed.has(item)).length,
          createdAt: at,
          updatedAt: at,
        });
        insertProcedureEvent(tx, {
          procedureRequestId: request.id,
          caseId,
          fromStatus: null,
          toStatus: status,
          at,
          actor: args.actorId,
          detail: JSON.stringify({ event: "case.submitted" }),
        });
        if (status === "queued") outbox.enqueue(tx, { procedureRequestId: request.id, delivery: 1, idempotencyKey: idempotencyKeyFor(request.id, 1), now });
        return request;
      });

      appendAuditEntry(tx, {
        at: now,
        actor: args.actorId,
        onBehalfOf: args.onBehalfOf ?? null,
        action: "case.submitted",
        subjectType: "case",
        subjectId: caseId,
        dataSubjectId: args.applicantId,
        details: {
          reference: kase.reference,
          lifeEventId: lifeEvent.id,
          flowVersion: lifeEvent.version,
          procedures: selected.map(({ procedureId, agencyId, dataItems }) => ({ procedureId, agencyId, dataItems })),
        },
      });
      const submitted = { case: kase, procedureRequests: requests, created: true };
      args.alsoInTransaction?.(tx, submitted);
      return submitted;
    },
    { behavior: "immediate" },
  );
}

function consentRecord(selected: SelectedProcedure[], givenAt: string, consent: Consent) {
  return {
    givenAt,
    shownHash: consent.shownHash ?? null,
    optOut: consent.optOut ?? [],
    lang: consent.lang ?? null,
    procedures: selected.map(({ procedureId, agencyId, dataItems }) => ({ procedureId, agencyId, dataItems })),
  };
}

function uniqueReference(tx: Tx, now: Date): string {
  for (;;) {
    const reference = newCaseReference(now);
    // 40 random bits per year: a clash is rare, and the UNIQUE constraint is the backstop.
    if (!findCaseByReference(tx, { reference })) return reference;
  }
}

// ---------------------------------------------------------------------------------------------------
// Applying events
// ---------------------------------------------------------------------------------------------------

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A case machine event without its procedureId: the procedure request says which procedure it is for. */
export type ProcedureEvent = DistributiveOmit<CaseEvent, "procedureId">;

export type ApplyCaseEventArgs = {
  procedureRequestId: string;
  event: ProcedureEvent;
  /** user:<id>, agency:<id>, system:<component> */
  actor: string;
  /** For whom the actor acted, when not for themselves (a household member, a company). */
  onBehalfOf?: string | null;
  /** More non-personal facts for the audit entry and the status event (e.g. which data items were corrected). */
  detail?: Record<string, unknown>;
  now?: Date;
  outbox?: Outbox;
  /** The request's row as the caller has just read it in this same transaction (the dispatcher's claim), so it is not read again. */
  request?: ProcedureRequestRow;
};

export type AppliedCaseEvent = {
  caseId: string;
  caseReference: string;
  caseStatus: CaseRow["status"];
  /** The new status of the procedure request the event was for. */
  status: ProcedureStatus;
  /** Every procedure request whose status changed (dependents included). */
  changes: { procedureRequestId: string; procedureId: string; from: string; to: ProcedureStatus }[];
};

/**
 * Sends one event to a case's machine, restored with the flow version that made it, and stores the new
 * snapshot, every procedure request's new status, the status events, the audit entry and the deliveries
 * that became due, in one transaction. Refuses (CaseEventRefusedError) what the machine would not take.
 */
export function applyCaseEvent(db: Db, args: ApplyCaseEventArgs): AppliedCaseEvent {
  return db.transaction((tx) => applyCaseEventInTx(tx, args), { behavior: "immediate" });
}

/** Whether the case machine would take the event now (e.g. may this rejection still be sent again?). Writes nothing. */
export function canApplyCaseEvent(db: Db, { procedureRequestId, event: partial }: { procedureRequestId: string; event: ProcedureEvent }): boolean {
  const request = getProcedureRequest(db, { procedureRequestId });
  const kase = request && getCase(db, { caseId: request.caseId });
  if (!request || !kase) return false;
  return restoredCase(kase).can({ ...partial, procedureId: request.procedureId } as CaseEvent);
}

/** applyCaseEvent inside the caller's transaction, for writes that must go with it (e.g. the outbox row). */
export function applyCaseEventInTx(tx: Tx, { procedureRequestId, event: partial, actor, onBehalfOf = null, detail = {}, now = new Date(), outbox = sqlOutbox, request: read }: ApplyCaseEventArgs): AppliedCaseEvent {
  const request = read?.id === procedureRequestId ? read : getProcedureRequest(tx, { procedureRequestId });
  if (!request) throw new ProcedureRequestNotFoundError(procedureRequestId);
  const kase = getCase(tx, { caseId: request.caseId })!;
  const event = { ...partial, procedureId: request.procedureId } as CaseEvent;
  const before = restoredCase(kase);
  const machine = before.machine as AnyStateMachine;
  let after: SnapshotFrom<AnyStateMachine>;
  try {
    after = stepCase(machine, before, event);
  } catch {
    throw new CaseError("machineError", `The case machine failed on ${event.type}`);
  }
  // A snapshot at rest that no transition takes comes back as the very same object: the machine refused the
  // event (every transition of a case machine has a target, so `can` says the same; asking it first would select
  // the transitions twice).
  if (after === before) throw new CaseEventRefusedError(event.type, request.status);
  if (after.status === "error") throw new CaseError("machineError", `The case machine failed on ${event.type}`);

  const at = now.toISOString();
  const context = after.context as CaseContext;
  const statuses = procedureStatuses(after);
  // A rejection ends its procedure but stays open to a correction, so the machine may still run: the
  // case has ended when every procedure has.
  const caseStatus: CaseRow["status"] = after.status === "done" || caseHasEnded(statuses) ? "completed" : "inProgress";
  const stored = JSON.stringify(sealCaseSnapshot(persistCase(machine, after), kase.id));
  if (!updateCaseSnapshot(tx, { caseId: kase.id, expectedVersion: kase.snapshotVersion, snapshot: stored, status: caseStatus, now: at })) {
    throw new CaseConflictError(kase.id);
  }
  rememberRestored(kase.id, stored, after);

  const changes: AppliedCaseEvent["changes"] = [];
  // The event's own request first, then the dependents it moved. The machine's assignments replace only the
  // progress they change, so when no other procedure's progress changed (a delivery's start and result, most
  // decisions), the request already read is the only row to update.
  const moved = (before.context as CaseContext).procedures;
  const othersMoved = Object.keys(context.procedures).some((id) => id !== request.procedureId && context.procedures[id] !== moved[id]);
  const rows = othersMoved
    ? listProcedureProgressForCase(tx, { caseId: kase.id }).sort((a, b) => Number(b.id === request.id) - Number(a.id === request.id))
    : [request];
  for (const stored of rows) {
    // Compared and written in clear; an identity-number reference is stored encrypted (sealDecisionReference).
    const row = { ...stored, decisionReference: openDecisionReference(stored.id, stored.decisionReference) };
    const to = statuses[row.procedureId];
    const progress = context.procedures[row.procedureId];
    const fields = {
      agencyReference: progress?.agencyReference ?? row.agencyReference,
      decisionReference: progress?.reference ?? row.decisionReference,
      informationQuestion: progress?.question ?? row.informationQuestion,
      informationAnswer: progress?.answer ?? row.informationAnswer,
      // Sent again after a correction: the old rejection no longer stands (the timeline keeps it).
      rejectionReason: event.type === "citizen.resubmitted" && row.id === request.id ? null : (progress?.rejectionReason ?? row.rejectionReason),
      closingReason: progress?.closingReason ?? row.closingReason,
    };
    const fieldsChanged = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => fields[key] !== row[key]);
    if (to === row.status && !fieldsChanged) continue;
    // Only a payload that changes is read and written again.
    let payload: string | undefined;
    let payloadIncomplete = false;
    if (to !== row.status && row.status === "waiting" && to === "queued") {
      // Items a prerequisite produced (e.g. the corporate number) are filled in once it is accepted. A
      // reference that does not fit the item's schema leaves it empty (null), flagged in the status event.
      const procedure = getProcedure(row.procedureId);
      if (procedure && Object.keys(procedure.fromPrerequisite).length) {
        try {
          const opened = openIdentityNumbers(JSON.parse(getProcedureRequestPayload(tx, { procedureRequestId: row.id })!) as unknown, `procedureRequest:${row.id}`);
          const references = Object.fromEntries(Object.entries(context.procedures).map(([id, progress]) => [id, progress.reference]));
          payload = JSON.stringify(sealIdentityNumbers(completePayload({ procedure, payload: opened, references }), `procedureRequest:${row.id}`));
        } catch {
          payloadIncomplete = true;
        }
      }
    }
    updateProcedureRequest(tx, {
      procedureRequestId: row.id,
      changes: { status: to, ...(payload !== undefined ? { payload } : {}), ...fields, decisionReference: sealDecisionReference(row.id, row.procedureId, fields.decisionReference), updatedAt: at },
    });
    if (to === row.status) continue;
    changes.push({ procedureRequestId: row.id, procedureId: row.procedureId, from: row.status, to });
    insertProcedureEvent(tx, {
      procedureRequestId: row.id,
      caseId: kase.id,
      fromStatus: row.status,
      toStatus: to,
      at,
      actor,
      detail: JSON.stringify({
        ...eventDetail(event, row.id === request.id ? undefined : request.id),
        ...(row.id === request.id ? detail : {}),
        ...(payloadIncomplete ? { payloadIncomplete } : {}),
      }),
    });
    if (to === "queued") enqueueDelivery(tx, outbox, row.id, now);
  }

  // Once only: a fact an organisation has now accepted (the new address) goes back to the record.
  if (event.type === "agency.accepted") {
    writeBackOnAcceptance(tx, {
      procedureId: request.procedureId,
      applicantId: kase.applicantId,
      caseReference: kase.reference,
      answers: openIdentityNumbers(JSON.parse(kase.answers) as Record<string, unknown>, `case:${kase.id}`),
      at: now,
    });
  }

  appendAuditEntry(tx, {
    at: now,
    actor,
    onBehalfOf,
    action: `procedure.${event.type}`,
    subjectType: "procedureRequest",
    subjectId: request.id,
    dataSubjectId: kase.applicantId,
    agencyId: request.agencyId,
    purpose: request.procedureId,
    details: {
      caseReference: kase.reference,
      from: request.status,
      to: statuses[request.procedureId],
      ...(event.type === "delivery.succeeded" ? { dataItems: JSON.parse(request.dataItems) as string[] } : {}),
      ...detail,
      ...(changes.length > 1 ? { alsoChanged: changes.filter((change) => change.procedureRequestId !== request.id).map(({ procedureId, to }) => ({ procedureId, to })) } : {}),
    },
  });

  return { caseId: kase.id, caseReference: kase.reference, caseStatus, status: statuses[request.procedureId], changes };
}

/** The event type and its non-personal fields (attempts, permanence): never question or answer texts. */
function eventDetail(event: CaseEvent, causedBy?: string) {
  return {
    event: event.type,
    ...(event.type === "delivery.failed" ? { attempt: event.attempt, permanent: event.permanent } : {}),
    ...(causedBy ? { causedBy } : {}),
  };
}

/** A procedure became due: revive its dead delivery (same key), or write the next delivery. */
function enqueueDelivery(tx: Tx, outbox: Outbox, procedureRequestId: string, now: Date) {
  const latest = outbox.latestForRequest(tx, { procedureRequestId });
  if (latest?.status === "dead") return outbox.revive(tx, { id: latest.id, now });
  if (latest?.status === "pending") return;
  const delivery = (latest?.delivery ?? 0) + 1;
  outbox.enqueue(tx, { procedureRequestId, delivery, idempotencyKey: idempotencyKeyFor(procedureRequestId, delivery), now });
}

// A machine's first state depends on its input only (no clock, no randomness), and in the case's input only
// the case id changes from one submission to the next; starting the machine cost more than the rest of a
// submission (when it had a region per procedure of the catalogue). So each started state is kept, per machine
// and per selection, and given the new case's id.
const startedCases = new WeakMap<AnyStateMachine, Map<string, { statuses: Record<string, ProcedureStatus>; persisted: { context: CaseContext } }>>();
const STARTED_CASES_KEPT = 200;

/** The case machine started with `input`: each procedure request's status, and the snapshot to store (JSON). */
export function startCaseMachine(machine: AnyStateMachine, input: CaseInput): { statuses: Record<string, ProcedureStatus>; snapshot: string } {
  let kept = startedCases.get(machine);
  if (!kept) startedCases.set(machine, (kept = new Map()));
  const key = JSON.stringify([input.selected, input.maxAttempts]);
  let started = kept.get(key);
  if (!started) {
    const actor = createActor(machine, { input: { ...input, caseId: "" } }).start();
    started = { statuses: procedureStatuses(actor.getSnapshot()), persisted: actor.getPersistedSnapshot() as unknown as { context: CaseContext } };
    actor.stop();
    if (kept.size >= STARTED_CASES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, started);
  }
  const snapshot = JSON.stringify({ ...started.persisted, context: { ...started.persisted.context, caseId: input.caseId } });
  return { statuses: { ...started.statuses }, snapshot };
}

// A case's stored snapshot is restored for every event sent to it, and the dispatcher sends two in a row (its
// delivery started, then its result). So the last snapshots made are kept in memory, each with the exact text
// stored for it: one is used only while the database still holds that very text, so an update that was rolled
// back, or one made by another process, is never mistaken for it. Nothing a second server would need lives here.
const restoredCases = new Map<string, { stored: string; snapshot: SnapshotFrom<AnyStateMachine> }>();
const RESTORED_CASES_KEPT = 128;

function rememberRestored(caseId: string, stored: string, snapshot: SnapshotFrom<AnyStateMachine>) {
  restoredCases.delete(caseId);
  restoredCases.set(caseId, { stored, snapshot });
  if (restoredCases.size > RESTORED_CASES_KEPT) restoredCases.delete(restoredCases.keys().next().value!);
}

/**
 * The case's machine snapshot as stored now (opened: identity numbers in clear, only in memory), restored with
 * the machine that made it: the case's flow version, and the regions its stored state names.
 */
function restoredCase(kase: CaseRow): SnapshotFrom<AnyStateMachine> {
  const kept = restoredCases.get(kase.id);
  // The kept text is the stored text, so the machine that made it is the one it was restored with.
  if (kept && kept.stored === kase.snapshot) return kept.snapshot;
  const lifeEvent = getLifeEvent(kase.lifeEventId, kase.flowVersion);
  if (!lifeEvent) throw new UnknownLifeEventError(kase.lifeEventId, kase.flowVersion);
  const persisted = openCaseSnapshot(JSON.parse(kase.snapshot) as Snapshot<unknown>, kase.id);
  return restoreCase(createCaseMachine(lifeEvent, regionsOfStoredCase(persisted)), persisted);
}
