// The case machine: table tests of each procedure's lifecycle, prerequisites holding dependents back,
// model-based walks with @xstate/graph, and a persist/restore round trip.
import { getAdjacencyMap, getShortestPaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import { createActor, type AnyStateMachine } from "xstate";
import { caseHasEnded, caseStatusFinal, createCaseMachine, getLifeEvent, persistCase, procedureStatuses, procedureStatusList, regionsOfStoredCase, restoreCase, stepCase, type CaseEvent, type ProcedureStatus } from "../index";
import { caseRegions } from "./case-machine";
import { caseEvents } from "./test-helpers";

const relocation = getLifeEvent("relocation")!;
const machine = createCaseMachine(relocation);

type CaseSnapshot = ReturnType<typeof machine.getInitialSnapshot>;
type Selected = { procedureId: string; prerequisites: string[] }[];

const moveOut = "move-out-notification";
const moveIn = "move-in-notification";
const card = "my-number-card-address-update";
const mail = "mail-forwarding";

const tanakaCase: Selected = [
  { procedureId: moveOut, prerequisites: [] },
  { procedureId: moveIn, prerequisites: [moveOut] },
  { procedureId: card, prerequisites: [moveIn] },
  { procedureId: mail, prerequisites: [] },
];

function start(selected: Selected = tanakaCase, maxAttempts = 3, target: AnyStateMachine = machine) {
  return createActor(target, { input: { caseId: "C-2026-000001", selected, maxAttempts } }).start();
}

const statusOf = (actor: ReturnType<typeof start>, procedureId: string) => procedureStatuses(actor.getSnapshot())[procedureId];

const deliver = (procedureId: string): CaseEvent[] => [
  { type: "delivery.started", procedureId },
  { type: "delivery.succeeded", procedureId, agencyReference: "ACK-1" },
];

describe("case machine: one procedure's lifecycle", () => {
  it.each<{ name: string; events: CaseEvent[]; status: ProcedureStatus }>([
    { name: "a selected procedure without prerequisites is queued", events: [], status: "queued" },
    { name: "the dispatcher starts delivering", events: [{ type: "delivery.started", procedureId: mail }], status: "delivering" },
    { name: "a delivery succeeds", events: deliver(mail), status: "delivered" },
    {
      name: "a temporary failure retries",
      events: [{ type: "delivery.started", procedureId: mail }, { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: false }],
      status: "retrying",
    },
    {
      name: "a retry starts delivering again",
      events: [{ type: "delivery.started", procedureId: mail }, { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: false }, { type: "delivery.started", procedureId: mail }],
      status: "delivering",
    },
    {
      name: "a permanent failure is dead-lettered at once",
      events: [{ type: "delivery.started", procedureId: mail }, { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: true }],
      status: "deadLettered",
    },
    {
      name: "the last allowed attempt is dead-lettered",
      events: [1, 2, 3].flatMap((attempt) => [
        { type: "delivery.started", procedureId: mail } as const,
        { type: "delivery.failed", procedureId: mail, attempt, permanent: false } as const,
      ]),
      status: "deadLettered",
    },
    {
      name: "an operator retries a dead letter",
      events: [{ type: "delivery.started", procedureId: mail }, { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: true }, { type: "operator.retried", procedureId: mail }],
      status: "queued",
    },
    { name: "the agency accepts", events: [...deliver(mail), { type: "agency.accepted", procedureId: mail, reference: "R-1" }], status: "accepted" },
    { name: "the agency rejects", events: [...deliver(mail), { type: "agency.rejected", procedureId: mail, reason: "no-contract" }], status: "rejected" },
    {
      name: "the agency asks for more information",
      events: [...deliver(mail), { type: "agency.informationRequested", procedureId: mail, question: "Which floor?" }],
      status: "informationRequested",
    },
    {
      name: "the citizen's answer is delivered again",
      events: [...deliver(mail), { type: "agency.informationRequested", procedureId: mail, question: "Which floor?" }, { type: "citizen.answered", procedureId: mail, answer: "12th" }],
      status: "queued",
    },
    { name: "a decision before delivery is ignored", events: [{ type: "agency.accepted", procedureId: mail }], status: "queued" },
    {
      name: "a decision while information is requested is ignored",
      events: [...deliver(mail), { type: "agency.informationRequested", procedureId: mail, question: "?" }, { type: "agency.accepted", procedureId: mail }],
      status: "informationRequested",
    },
    { name: "another procedure's event is ignored", events: [{ type: "delivery.started", procedureId: moveOut }], status: "queued" },
  ])("$name", ({ events, status }) => {
    const actor = start();
    for (const event of events) actor.send(event);
    expect(statusOf(actor, mail)).toBe(status);
  });

  it("records references, attempts, reasons and questions in the context", () => {
    const actor = start();
    actor.send({ type: "delivery.started", procedureId: mail });
    actor.send({ type: "delivery.failed", procedureId: mail, attempt: 1, permanent: false });
    actor.send({ type: "delivery.started", procedureId: mail });
    actor.send({ type: "delivery.succeeded", procedureId: mail, agencyReference: "JP-ACK-9" });
    actor.send({ type: "agency.informationRequested", procedureId: mail, question: "Which floor?" });
    actor.send({ type: "citizen.answered", procedureId: mail, answer: "12th" });
    actor.send({ type: "delivery.started", procedureId: mail });
    actor.send({ type: "delivery.succeeded", procedureId: mail });
    actor.send({ type: "agency.rejected", procedureId: mail, reason: "no-contract" });
    expect(actor.getSnapshot().context.procedures[mail]).toMatchObject({
      status: "rejected",
      attempts: 1,
      question: "Which floor?",
      answer: "12th",
      rejectionReason: "no-contract",
    });
  });

  it("lets the engine refuse events that do not apply, with snapshot.can", () => {
    const snapshot = start().getSnapshot();
    expect(snapshot.can({ type: "delivery.started", procedureId: mail })).toBe(true);
    expect(snapshot.can({ type: "agency.accepted", procedureId: mail })).toBe(false);
    expect(snapshot.can({ type: "delivery.started", procedureId: moveIn })).toBe(false);
    expect(snapshot.can({ type: "delivery.started", procedureId: "water-stop" })).toBe(false);
  });
});

describe("case machine: prerequisites", () => {
  it("holds dependents back until every prerequisite is accepted, then queues them", () => {
    const actor = start();
    expect(procedureStatuses(actor.getSnapshot())).toMatchObject({ [moveOut]: "queued", [moveIn]: "waiting", [card]: "waiting", "water-stop": "notSelected" });
    for (const event of deliver(moveOut)) actor.send(event);
    expect(statusOf(actor, moveIn)).toBe("waiting");
    actor.send({ type: "agency.accepted", procedureId: moveOut, reference: "転出-1" });
    expect(statusOf(actor, moveIn)).toBe("queued");
    expect(statusOf(actor, card)).toBe("waiting");
  });

  it("cancels dependents, and theirs, when a prerequisite is rejected", () => {
    const actor = start();
    for (const event of deliver(moveOut)) actor.send(event);
    actor.send({ type: "agency.rejected", procedureId: moveOut, reason: "identity-not-verified" });
    expect(statusOf(actor, moveIn)).toBe("cancelled");
    expect(statusOf(actor, card)).toBe("cancelled");
    expect(statusOf(actor, mail)).toBe("queued");
  });

  it("completes, tagged 'completed', when every region is final", () => {
    const actor = start();
    for (const procedureId of [moveOut, moveIn, card, mail]) {
      expect(actor.getSnapshot().hasTag("completed")).toBe(false);
      for (const event of deliver(procedureId)) actor.send(event);
      actor.send({ type: "agency.accepted", procedureId });
    }
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().hasTag("completed")).toBe(true);
    const statuses = procedureStatuses(actor.getSnapshot());
    expect(Object.values(statuses).every((status) => caseStatusFinal.includes(status))).toBe(true);
    expect(statuses[mail]).toBe("accepted");
    expect(statuses["water-stop"]).toBe("notSelected");
  });

  it("keeps a rejection open to a correction: sent again, it goes to the same organisation only, and the procedures cancelled behind it wait again", () => {
    const actor = start();
    for (const event of deliver(moveOut)) actor.send(event);
    for (const event of deliver(mail)) actor.send(event);
    actor.send({ type: "agency.accepted", procedureId: mail });
    actor.send({ type: "agency.rejected", procedureId: moveOut, reason: "identity-not-verified" });
    expect(procedureStatuses(actor.getSnapshot())).toMatchObject({ [moveOut]: "rejected", [moveIn]: "cancelled", [card]: "cancelled", [mail]: "accepted" });
    expect(caseHasEnded(procedureStatuses(actor.getSnapshot()))).toBe(true);
    expect(actor.getSnapshot().status).toBe("active");

    // Another procedure's event, or an answer, does not reopen it.
    expect(actor.getSnapshot().can({ type: "citizen.resubmitted", procedureId: mail })).toBe(false);
    actor.send({ type: "citizen.resubmitted", procedureId: moveOut });
    expect(procedureStatuses(actor.getSnapshot())).toMatchObject({ [moveOut]: "queued", [moveIn]: "waiting", [card]: "waiting", [mail]: "accepted" });
    expect(actor.getSnapshot().context.procedures[moveOut]).toMatchObject({ rejectionReason: undefined, attempts: 0 });
    expect(caseHasEnded(procedureStatuses(actor.getSnapshot()))).toBe(false);

    for (const event of deliver(moveOut)) actor.send(event);
    actor.send({ type: "agency.accepted", procedureId: moveOut });
    expect(statusOf(actor, moveIn)).toBe("queued");
    expect(statusOf(actor, card)).toBe("waiting");
  });

  it("refuses to send again what was not rejected", () => {
    const actor = start();
    for (const event of deliver(mail)) actor.send(event);
    expect(actor.getSnapshot().can({ type: "citizen.resubmitted", procedureId: mail })).toBe(false);
    actor.send({ type: "agency.accepted", procedureId: mail });
    expect(actor.getSnapshot().can({ type: "citizen.resubmitted", procedureId: mail })).toBe(false);
  });

  it("does not complete while a procedure is dead-lettered", () => {
    const actor = start([{ procedureId: mail, prerequisites: [] }]);
    actor.send({ type: "delivery.started", procedureId: mail });
    actor.send({ type: "delivery.failed", procedureId: mail, attempt: 1, permanent: true });
    expect(actor.getSnapshot().status).toBe("active");
  });

  it("refuses a procedure the life event version cannot handle", () => {
    const incorporation = createCaseMachine(getLifeEvent("incorporation")!);
    const actor = createActor(incorporation, { input: { caseId: "C-1", selected: [{ procedureId: mail, prerequisites: [] }], maxAttempts: 3 } });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(String(errors[0])).toMatch(/cannot handle procedure mail-forwarding/);
  });
});

describe("case machine: persistence", () => {
  it("round-trips a snapshot through JSON and carries on where it stopped", () => {
    const actor = start();
    for (const event of deliver(moveOut)) actor.send(event);
    actor.send({ type: "delivery.started", procedureId: mail });
    actor.send({ type: "delivery.failed", procedureId: mail, attempt: 1, permanent: false });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const restored = createActor(machine, { snapshot: persisted, input: { caseId: "ignored", selected: [], maxAttempts: 3 } }).start();
    expect(procedureStatuses(restored.getSnapshot())).toMatchObject({ [moveOut]: "delivered", [moveIn]: "waiting", [mail]: "retrying" });
    restored.send({ type: "agency.accepted", procedureId: moveOut });
    expect(statusOf(restored, moveIn)).toBe("queued");
    expect(restored.getSnapshot().context.caseId).toBe("C-2026-000001");
  });
});

describe("case machine: pure steps (restoreCase, stepCase, persistCase)", () => {
  const events: CaseEvent[] = [
    ...deliver(moveOut),
    { type: "delivery.started", procedureId: mail },
    { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: false },
    { type: "agency.accepted", procedureId: moveOut },
    { type: "delivery.started", procedureId: moveIn },
    { type: "delivery.succeeded", procedureId: moveIn, agencyReference: "ACK-2" },
    { type: "agency.informationRequested", procedureId: moveIn, question: "Which floor?" },
  ];

  it("stores, after each event, exactly what a running actor would, restored from JSON each time", () => {
    const actor = start();
    let stored = JSON.stringify(actor.getPersistedSnapshot());
    for (const event of events) {
      actor.send(event);
      const next = stepCase(machine, restoreCase(machine, JSON.parse(stored)), event);
      stored = JSON.stringify(persistCase(machine, next));
      expect(JSON.parse(stored)).toEqual(JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    }
    expect(procedureStatuses(restoreCase(machine, JSON.parse(stored)))).toMatchObject({ [moveOut]: "accepted", [moveIn]: "informationRequested", [card]: "waiting", [mail]: "retrying" });
    actor.stop();
  });

  it("leaves the snapshot it was given as it was, and refuses nothing by itself (the caller asks `can` first)", () => {
    const before = restoreCase(machine, start().getPersistedSnapshot());
    const after = stepCase(machine, before, { type: "delivery.started", procedureId: mail });
    expect(procedureStatuses(before)[mail]).toBe("queued");
    expect(procedureStatuses(after)[mail]).toBe("delivering");
    expect(before.can({ type: "agency.accepted", procedureId: mail })).toBe(false);
    expect(after.can({ type: "delivery.succeeded", procedureId: mail })).toBe(true);
  });
});

describe("case machine, model-based", () => {
  // A small case: A has no prerequisite, B waits for A. Two attempts, so retries end quickly.
  const selected: Selected = [
    { procedureId: moveOut, prerequisites: [] },
    { procedureId: moveIn, prerequisites: [moveOut] },
  ];
  const input = { caseId: "C-model", selected, maxAttempts: 2 };
  const options = {
    input,
    events: caseEvents([moveOut, moveIn]),
    serializeState: (snapshot: ReturnType<typeof machine.getInitialSnapshot>) =>
      JSON.stringify([snapshot.status, snapshot.context.procedures, snapshot.value === "completed"]),
  };
  const paths = getShortestPaths(machine, options);
  const adjacency = getAdjacencyMap(machine, options);

  it("reaches every status", () => {
    const reached = new Set(paths.flatMap((path) => Object.values(procedureStatuses(path.state))));
    expect([...reached].sort()).toEqual([...procedureStatusList].sort());
  });

  it("can always end: from every reachable state, a state where each procedure is final or dead-lettered is reachable", () => {
    const settled = (key: string) =>
      Object.values(procedureStatuses(adjacency[key as keyof typeof adjacency].state)).every(
        (status) => caseStatusFinal.includes(status) || status === "deadLettered",
      );
    const canSettle = new Set(Object.keys(adjacency).filter(settled));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [key, vertex] of Object.entries(adjacency)) {
        if (canSettle.has(key)) continue;
        const next = (Object.values(vertex.transitions) as { state: CaseSnapshot }[]).map((transition) => options.serializeState(transition.state));
        if (next.some((target) => canSettle.has(target))) {
          canSettle.add(key);
          grew = true;
        }
      }
    }
    expect(canSettle.size).toBe(Object.keys(adjacency).length);
  });

  it("has no dead end except an ended case", () => {
    for (const vertex of Object.values(adjacency)) {
      const moves = (Object.values(vertex.transitions) as { state: CaseSnapshot }[]).filter((transition) => options.serializeState(transition.state) !== options.serializeState(vertex.state));
      if (moves.length === 0) expect(caseHasEnded(procedureStatuses(vertex.state))).toBe(true);
    }
  });

  it("replays every shortest path on a real actor with the same statuses", () => {
    for (const path of paths) {
      const actor = start(selected, 2);
      for (const step of path.steps) actor.send(step.event);
      expect(procedureStatuses(actor.getSnapshot())).toEqual(procedureStatuses(path.state));
    }
  });
});

describe("case machine: regions for the selected procedures only", () => {
  const selected: Selected = [
    { procedureId: moveOut, prerequisites: [] },
    { procedureId: moveIn, prerequisites: [moveOut] },
  ];
  const own = createCaseMachine(relocation, [moveIn, moveOut]);

  it("has a region for each given procedure, in the catalogue's order, and is built once per set", () => {
    expect(caseRegions(relocation, [mail, moveOut])).toEqual([moveOut, mail]);
    expect(caseRegions(relocation)).toEqual(relocation.procedures);
    expect(() => caseRegions(relocation, ["company-registration"])).toThrow(/has no procedure company-registration/);
    expect(Object.keys(own.root.states.processing.states)).toEqual([moveOut, moveIn]);
    expect(createCaseMachine(relocation, [moveOut, moveIn])).toBe(own);
    expect(Object.keys(machine.root.states.processing.states)).toHaveLength(relocation.procedures.length);
  });

  it("decides exactly as the machine with a region for every procedure of the catalogue: the same states, the same moves", () => {
    const options = {
      input: { caseId: "C-regions", selected, maxAttempts: 2 },
      events: caseEvents([moveOut, moveIn, mail]),
      serializeState: (snapshot: CaseSnapshot) => JSON.stringify([snapshot.status, snapshot.context, procedureStatuses(snapshot), snapshot.value === "completed"]),
    };
    const moves = (target: AnyStateMachine) =>
      Object.fromEntries(
        Object.entries(getAdjacencyMap(target, options)).map(([key, vertex]) => [
          key,
          Object.entries(vertex.transitions as Record<string, { state: CaseSnapshot }>).map(([event, { state }]) => [event, options.serializeState(state)]).sort(),
        ]),
      );
    const full = moves(machine);
    expect(Object.keys(full).length).toBeGreaterThan(20);
    expect(moves(own)).toEqual(full);
  });

  it("follows a longer case (prerequisites, a rejection sent again) step by step as the full machine does", () => {
    const mine = createCaseMachine(relocation, tanakaCase.map((procedure) => procedure.procedureId));
    const events: CaseEvent[] = [
      ...deliver(moveOut),
      { type: "agency.accepted", procedureId: moveOut },
      ...deliver(moveIn),
      { type: "agency.rejected", procedureId: moveIn, reason: "wrong date" },
      { type: "delivery.started", procedureId: mail },
      { type: "delivery.failed", procedureId: mail, attempt: 1, permanent: true },
      { type: "citizen.resubmitted", procedureId: moveIn },
      ...deliver(moveIn),
      { type: "agency.accepted", procedureId: moveIn, reference: "R-2" },
      { type: "operator.closed", procedureId: mail, reason: "handled on paper" },
      ...deliver(card),
      { type: "agency.accepted", procedureId: card },
    ];
    let full = restoreCase(machine, start().getPersistedSnapshot());
    let small = restoreCase(mine, start(tanakaCase, 3, mine).getPersistedSnapshot());
    for (const event of events) {
      expect(small.can(event)).toBe(full.can(event));
      full = stepCase(machine, full, event);
      small = restoreCase(mine, JSON.parse(JSON.stringify(persistCase(mine, stepCase(mine, small, event)))));
      expect(small.context).toEqual(full.context);
      expect(procedureStatuses(small)).toEqual(procedureStatuses(full));
    }
    expect(small.value).toBe("completed");
    expect(full.value).toBe("completed");
  });

  it("stores only its own regions, which name the machine to restore it with", () => {
    const stored = JSON.parse(JSON.stringify(persistCase(own, restoreCase(own, start(selected, 3, own).getPersistedSnapshot()))));
    expect(Object.keys(stored.value.processing)).toEqual([moveOut, moveIn]);
    expect(regionsOfStoredCase(stored)).toEqual([moveOut, moveIn]);
    // A case stored by the machine with every region of the catalogue (before 2026-12-03) names all of them.
    expect(regionsOfStoredCase(start(selected).getPersistedSnapshot())).toEqual(relocation.procedures);
    // Once completed, the state names no region: the procedures it followed are in its context.
    const done = [...deliver(moveOut), { type: "agency.accepted", procedureId: moveOut }, ...deliver(moveIn), { type: "agency.accepted", procedureId: moveIn }] as CaseEvent[];
    const ended = done.reduce((snapshot, event) => stepCase(own, snapshot, event), restoreCase(own, stored));
    expect(ended.value).toBe("completed");
    expect(regionsOfStoredCase(JSON.parse(JSON.stringify(persistCase(own, ended))))).toEqual([moveOut, moveIn]);
  });

  it("refuses a procedure it has no region for", () => {
    const actor = createActor(own, { input: { caseId: "C-1", selected: [...selected, { procedureId: mail, prerequisites: [] }], maxAttempts: 3 } });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(String(errors[0])).toMatch(/cannot handle procedure mail-forwarding/);
  });
});
