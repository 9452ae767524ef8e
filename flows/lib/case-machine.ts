// The case machine follows every procedure of one submitted case: a parallel region per procedure it follows
// (those the case selected; the whole catalogue of the life event version for a designer's model or an older
// case). It decides; the dispatcher delivers, retries and keeps time.
import { assign, createActor, setup, type AnyActorScope, type AnyStateMachine, type Snapshot, type SnapshotFrom } from "xstate";
import type { LifeEvent } from "./life-event";

export type ProcedureStatus =
  | "notSelected"
  | "waiting"
  | "queued"
  | "delivering"
  | "retrying"
  | "deadLettered"
  | "delivered"
  | "informationRequested"
  | "accepted"
  | "rejected"
  | "cancelled"
  | "closedOutside";

export const procedureStatusList: ProcedureStatus[] = [
  "notSelected",
  "waiting",
  "queued",
  "delivering",
  "retrying",
  "deadLettered",
  "delivered",
  "informationRequested",
  "accepted",
  "rejected",
  "cancelled",
  "closedOutside",
];

export const caseStatusFinal: ProcedureStatus[] = ["notSelected", "accepted", "rejected", "cancelled", "closedOutside"];

export type CaseInput = {
  caseId: string;
  selected: { procedureId: string; prerequisites: string[] }[];
  maxAttempts: number;
};

export type ProcedureProgress = {
  status: ProcedureStatus;
  prerequisites: string[];
  attempts: number;
  agencyReference?: string;
  reference?: string;
  rejectionReason?: string;
  question?: string;
  answer?: string;
  /** Why an operator closed a dead-lettered delivery as handled outside Madoguchi (the citizen reads it). */
  closingReason?: string;
};

export type CaseContext = {
  caseId: string;
  lifeEventId: string;
  version: number;
  maxAttempts: number;
  /** Every procedure the life event version can trigger, selected or not. */
  catalogue: string[];
  procedures: Record<string, ProcedureProgress>;
};

export type CaseEvent =
  | { type: "delivery.started"; procedureId: string }
  | { type: "delivery.succeeded"; procedureId: string; agencyReference?: string }
  | { type: "delivery.failed"; procedureId: string; attempt: number; permanent: boolean }
  | { type: "operator.retried"; procedureId: string }
  | { type: "operator.closed"; procedureId: string; reason: string }
  | { type: "agency.accepted"; procedureId: string; reference?: string }
  | { type: "agency.rejected"; procedureId: string; reason: string }
  | { type: "agency.informationRequested"; procedureId: string; question: string }
  | { type: "citizen.answered"; procedureId: string; answer: string }
  /** The person corrected a rejected procedure's data and sends it again, to the same organisation only. */
  | { type: "citizen.resubmitted"; procedureId: string };

type Params = { procedureId: string };
type StatusParams = { procedureId: string; status: ProcedureStatus };

/** A prerequisite settled without acceptance: its dependents are cancelled (nothing is sent without it). */
const settledBadly: ProcedureStatus[] = ["rejected", "cancelled", "closedOutside"];

/** Every procedure this one waits for, directly or through another. */
function prerequisitesOf(context: CaseContext, procedureId: string, seen = new Set<string>()): Set<string> {
  for (const id of context.procedures[procedureId]?.prerequisites ?? []) {
    if (seen.has(id)) continue;
    seen.add(id);
    prerequisitesOf(context, id, seen);
  }
  return seen;
}

/**
 * Whether a case has ended: every procedure accepted, rejected, cancelled, closed outside or not selected.
 * A rejection ends a procedure, yet the person may still correct it and send it again, so the machine keeps
 * rejected (and the cancelled procedures behind it) open: the case's end is read from the statuses.
 */
export function caseHasEnded(statuses: Record<string, ProcedureStatus>): boolean {
  return Object.values(statuses).every((status) => caseStatusFinal.includes(status));
}

/**
 * The procedures a case machine has regions for: `regions` (by default the whole catalogue of the life event
 * version), in the catalogue's order, so the same set always makes the same machine.
 */
export function caseRegions(lifeEvent: LifeEvent, regions: Iterable<string> = lifeEvent.procedures): string[] {
  const wanted = new Set(regions);
  const unknown = [...wanted].find((id) => !lifeEvent.procedures.includes(id));
  if (unknown) throw new Error(`${lifeEvent.id} v${lifeEvent.version} has no procedure ${unknown}`);
  return lifeEvent.procedures.filter((id) => wanted.has(id));
}

/**
 * The regions of the machine that made a stored (persisted) case snapshot: the procedures its state names
 * while the case runs; once it has completed, the procedures it followed. A case submitted before 2026-12-03
 * was made with a region for every procedure of the catalogue, a newer one with its selected procedures only.
 */
export function regionsOfStoredCase(persisted: Snapshot<unknown>): string[] {
  const { value, context } = persisted as Snapshot<unknown> & { value?: unknown; context?: Partial<CaseContext> };
  if (value && typeof value === "object" && "processing" in value && value.processing && typeof value.processing === "object") {
    return Object.keys(value.processing);
  }
  return Object.keys(context?.procedures ?? {});
}

/**
 * A case machine with a parallel region for each of `regions` (by default every procedure of the life event
 * version). A submitted case needs regions for its selected procedures only: a region stepped for a procedure it
 * never selected cost most of the machine's work on each event (2026-12-03 decision).
 */
export function createCaseMachine(lifeEvent: LifeEvent, regions?: Iterable<string>): AnyStateMachine {
  const followed = caseRegions(lifeEvent, regions);
  const on = (procedureId: string) => ({ type: "isFor" as const, params: { procedureId } });

  const region = (procedureId: string) => {
    const status = (value: ProcedureStatus) => ({ type: "setStatus" as const, params: { procedureId, status: value } });
    return {
      description: `The procedure request for ${procedureId}.`,
      initial: "starting",
      states: {
        starting: {
          description: "Transient: not selected, waiting for prerequisites, or queued for delivery.",
          always: [
            { guard: { type: "isNotSelected" as const, params: { procedureId } }, target: "notSelected" },
            { guard: { type: "hasOpenPrerequisites" as const, params: { procedureId } }, target: "waiting" },
            { target: "queued" },
          ],
        },
        notSelected: { type: "final" as const, entry: status("notSelected"), tags: ["notSelected"], description: "The answers did not call for this procedure." },
        waiting: {
          entry: status("waiting"),
          description: "Waits until every prerequisite is accepted.",
          always: [
            {
              guard: { type: "hasFailedPrerequisite" as const, params: { procedureId } },
              target: "cancelled",
              description: "A prerequisite was rejected or cancelled, so this one cannot go ahead.",
            },
            {
              guard: { type: "hasAcceptedPrerequisites" as const, params: { procedureId } },
              target: "queued",
              description: "Every prerequisite is accepted.",
            },
          ],
        },
        queued: {
          entry: status("queued"),
          description: "An outbox row is due; the dispatcher will pick it up.",
          on: { "delivery.started": { guard: on(procedureId), target: "delivering" } },
        },
        delivering: {
          entry: status("delivering"),
          description: "The dispatcher is delivering through the agency's channel.",
          on: {
            "delivery.succeeded": { guard: on(procedureId), actions: { type: "recordDelivery" as const, params: { procedureId } }, target: "delivered" },
            "delivery.failed": [
              {
                guard: { type: "isFinalFailure" as const, params: { procedureId } },
                actions: { type: "recordAttempt" as const, params: { procedureId } },
                target: "deadLettered",
                description: "A permanent failure, or the last allowed attempt.",
              },
              {
                guard: on(procedureId),
                actions: { type: "recordAttempt" as const, params: { procedureId } },
                target: "retrying",
                description: "A temporary failure; the dispatcher schedules the next attempt with backoff.",
              },
            ],
          },
        },
        retrying: {
          entry: status("retrying"),
          description: "Waits for the next attempt, which the dispatcher has scheduled.",
          on: { "delivery.started": { guard: on(procedureId), target: "delivering" } },
        },
        deadLettered: {
          entry: status("deadLettered"),
          tags: ["deadLettered"],
          description: "Delivery gave up; visible to operators, who can retry. Nothing is dropped silently.",
          on: {
            "operator.retried": { guard: on(procedureId), actions: { type: "resetAttempts" as const, params: { procedureId } }, target: "queued" },
            "operator.closed": {
              guard: on(procedureId),
              actions: { type: "recordClosing" as const, params: { procedureId } },
              target: "closedOutside",
              description: "An operator closed it as handled outside Madoguchi, with a reason the citizen reads.",
            },
          },
        },
        delivered: {
          entry: status("delivered"),
          description: "The agency has it and is deciding.",
          on: {
            "agency.accepted": { guard: on(procedureId), actions: { type: "recordAcceptance" as const, params: { procedureId } }, target: "accepted" },
            "agency.rejected": { guard: on(procedureId), actions: { type: "recordRejection" as const, params: { procedureId } }, target: "rejected" },
            "agency.informationRequested": {
              guard: on(procedureId),
              actions: { type: "recordQuestion" as const, params: { procedureId } },
              target: "informationRequested",
            },
          },
        },
        informationRequested: {
          entry: status("informationRequested"),
          tags: ["needsCitizen"],
          description: "The agency asked the person for more information.",
          on: {
            "citizen.answered": {
              guard: on(procedureId),
              actions: { type: "recordCitizenAnswer" as const, params: { procedureId } },
              target: "queued",
              description: "The answer goes back to the agency with the procedure.",
            },
          },
        },
        accepted: { type: "final" as const, entry: status("accepted"), tags: ["accepted"], description: "The agency accepted." },
        rejected: {
          entry: status("rejected"),
          tags: ["rejected"],
          description: "The agency rejected, with a reason. A decision, yet not the end: the person may correct the data and send it again.",
          on: {
            "citizen.resubmitted": {
              guard: on(procedureId),
              actions: { type: "recordResubmission" as const, params: { procedureId } },
              target: "queued",
              description: "Corrected by the person, it goes to the same organisation again, and to no other.",
            },
          },
        },
        cancelled: {
          entry: status("cancelled"),
          tags: ["cancelled"],
          description: "A prerequisite was rejected. If the person sends that one again, this one waits for it again.",
          on: {
            "citizen.resubmitted": {
              guard: { type: "dependsOnEventProcedure" as const, params: { procedureId } },
              target: "waiting",
              description: "A procedure it waits for (directly or not) was sent again.",
            },
          },
        },
        closedOutside: {
          type: "final" as const,
          entry: status("closedOutside"),
          tags: ["closedOutside"],
          description: "Handled outside Madoguchi (e.g. on paper) after its delivery failed; the reason is the citizen's to read.",
        },
      },
    };
  };

  const update = (context: CaseContext, procedureId: string, change: Partial<ProcedureProgress>) => ({
    procedures: { ...context.procedures, [procedureId]: { ...context.procedures[procedureId], ...change } },
  });

  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
      input: {} as CaseInput,
    },
    guards: {
      isFor: ({ event }, params: Params) => event.procedureId === params.procedureId,
      isNotSelected: ({ context }, params: Params) => context.procedures[params.procedureId] === undefined,
      hasOpenPrerequisites: ({ context }, params: Params) =>
        context.procedures[params.procedureId].prerequisites.some((id) => context.procedures[id]?.status !== "accepted"),
      hasAcceptedPrerequisites: ({ context }, params: Params) =>
        context.procedures[params.procedureId].prerequisites.every((id) => context.procedures[id]?.status === "accepted"),
      hasFailedPrerequisite: ({ context }, params: Params) =>
        context.procedures[params.procedureId].prerequisites.some((id) => settledBadly.includes(context.procedures[id]?.status)),
      dependsOnEventProcedure: ({ context, event }, params: Params) => prerequisitesOf(context, params.procedureId).has(event.procedureId),
      isFinalFailure: ({ context, event }, params: Params) =>
        event.type === "delivery.failed" &&
        event.procedureId === params.procedureId &&
        (event.permanent || event.attempt >= context.maxAttempts),
    },
    actions: {
      setStatus: assign(({ context }, params: StatusParams) =>
        context.procedures[params.procedureId] ? update(context, params.procedureId, { status: params.status }) : {},
      ),
      recordDelivery: assign(({ context, event }, params: Params) =>
        event.type === "delivery.succeeded" ? update(context, params.procedureId, { agencyReference: event.agencyReference }) : {},
      ),
      recordAttempt: assign(({ context, event }, params: Params) =>
        event.type === "delivery.failed" ? update(context, params.procedureId, { attempts: event.attempt }) : {},
      ),
      recordClosing: assign(({ context, event }, params: Params) =>
        event.type === "operator.closed" ? update(context, params.procedureId, { closingReason: event.reason }) : {},
      ),
      resetAttempts: assign(({ context }, params: Params) => update(context, params.procedureId, { attempts: 0 })),
      recordAcceptance: assign(({ context, event }, params: Params) =>
        event.type === "agency.accepted" ? update(context, params.procedureId, { reference: event.reference }) : {},
      ),
      recordRejection: assign(({ context, event }, params: Params) =>
        event.type === "agency.rejected" ? update(context, params.procedureId, { rejectionReason: event.reason }) : {},
      ),
      recordResubmission: assign(({ context }, params: Params) => update(context, params.procedureId, { rejectionReason: undefined, attempts: 0 })),
      recordQuestion: assign(({ context, event }, params: Params) =>
        event.type === "agency.informationRequested" ? update(context, params.procedureId, { question: event.question }) : {},
      ),
      recordCitizenAnswer: assign(({ context, event }, params: Params) =>
        event.type === "citizen.answered" ? update(context, params.procedureId, { answer: event.answer }) : {},
      ),
    },
  }).createMachine({
    id: `${lifeEvent.id}-case-v${lifeEvent.version}`,
    description: `A submitted ${lifeEvent.id} case (version ${lifeEvent.version}): one region per procedure it follows.`,
    context: ({ input }) => {
      const known = new Set(followed);
      const unknown = input.selected.find((selected) => !known.has(selected.procedureId));
      if (unknown) throw new Error(`${lifeEvent.id} v${lifeEvent.version} cannot handle procedure ${unknown.procedureId}`);
      const selectedIds = new Set(input.selected.map((selected) => selected.procedureId));
      return {
        caseId: input.caseId,
        lifeEventId: lifeEvent.id,
        version: lifeEvent.version,
        maxAttempts: input.maxAttempts,
        catalogue: [...lifeEvent.procedures],
        procedures: Object.fromEntries(
          input.selected.map((selected) => [
            selected.procedureId,
            {
              status: "queued" as ProcedureStatus,
              prerequisites: selected.prerequisites.filter((id) => selectedIds.has(id)),
              attempts: 0,
            },
          ]),
        ),
      };
    },
    initial: "processing",
    states: {
      processing: {
        type: "parallel",
        description: "Every procedure request moves on its own; prerequisites hold dependents back.",
        states: Object.fromEntries(followed.map((procedureId) => [procedureId, region(procedureId)])),
        onDone: { target: "completed", description: "Every procedure request is accepted, closed outside or not selected." },
      },
      completed: {
        type: "final",
        tags: ["completed"],
        description: "Every procedure was accepted, closed outside or not selected (a rejection stays open to a correction).",
      },
    },
  });
}

/** The status of every procedure of the life event version (unselected ones are 'notSelected'). */
export function procedureStatuses(snapshot: SnapshotFrom<AnyStateMachine>): Record<string, ProcedureStatus> {
  const context = snapshot.context as CaseContext;
  return Object.fromEntries(
    context.catalogue.map((procedureId) => [procedureId, context.procedures[procedureId]?.status ?? "notSelected"]),
  );
}

// ---------------------------------------------------------------------------------------------------
// Pure steps: a stored case restored and sent one event without starting an actor
// ---------------------------------------------------------------------------------------------------

/**
 * A case machine only assigns (it decides; it never does I/O), so its steps need no running actor: an actor
 * restored, started and stopped for every event cost more than the step itself. Each machine gets one scope
 * that runs nothing; a machine that ever asks it to run an action fails loudly instead of acting.
 */
const inertScopes = new WeakMap<AnyStateMachine, AnyActorScope>();

function inertScopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = inertScopes.get(machine);
  if (!scope) {
    // Never started: it only gives the steps the `self` and `system` an action's arguments name.
    const self = createActor(machine);
    scope = {
      self,
      system: self.system,
      id: "",
      sessionId: "",
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: (action) => {
        throw new Error(`A case machine does not run actions, but asked to run ${action.type}`);
      },
    };
    inertScopes.set(machine, scope);
  }
  return scope;
}

/** A stored (persisted) case snapshot, restored with the machine that made it. */
export function restoreCase(machine: AnyStateMachine, persisted: Snapshot<unknown>): SnapshotFrom<AnyStateMachine> {
  return machine.restoreSnapshot(persisted, inertScopeOf(machine)) as SnapshotFrom<AnyStateMachine>;
}

/** The case after one event: a new snapshot (the given one is left as it was). */
export function stepCase(machine: AnyStateMachine, snapshot: SnapshotFrom<AnyStateMachine>, event: CaseEvent): SnapshotFrom<AnyStateMachine> {
  return machine.transition(snapshot, event, inertScopeOf(machine)) as SnapshotFrom<AnyStateMachine>;
}

/** What to store of a case snapshot (JSON-safe). */
export function persistCase(machine: AnyStateMachine, snapshot: SnapshotFrom<AnyStateMachine>): Snapshot<unknown> {
  return machine.getPersistedSnapshot(snapshot);
}
