import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { auditEntries, cases, outbox, procedureEvents, procedureRequests } from "../../db/schema";
import { sqlOutbox } from "../../db/queries/outbox";
import { verifyAuditChain } from "../../db/queries/audit";
import type { Db } from "../../db/client.server";
import { createTestDatabase } from "../../tests/setup/test-db";
import { sampleSubmission, submitSampleCase } from "../../tests/factories";
import { createActor, type AnyStateMachine } from "xstate";
import { createCaseMachine, getLifeEvent, getProcedure, procedureStatuses } from "../../flows";
import { openIdentityNumbers } from "../identity/security/identity-numbers.server";
import { decisionReference } from "../demo/simulator/agency-simulator.server";
import {
  applyCaseEvent,
  applyCaseEventInTx,
  CaseEventRefusedError,
  ConsentMissingError,
  ProcedureRequestNotFoundError,
  startCaseMachine,
  submitCase,
  type ProcedureEvent,
} from "./cases.server";

const { db, close } = createTestDatabase();
afterAll(close);
afterEach(() => vi.restoreAllMocks());

/** Every row of the engine's tables, to prove that a refused or failed call wrote nothing. */
function dump(target: Db = db) {
  return {
    cases: target.select().from(cases).all(),
    procedureRequests: target.select().from(procedureRequests).all(),
    procedureEvents: target.select().from(procedureEvents).all(),
    outbox: target.select().from(outbox).all(),
    audit: target.select().from(auditEntries).all(),
  };
}

const requestFor = (caseId: string, procedureId: string) =>
  db.select().from(procedureRequests).where(eq(procedureRequests.caseId, caseId)).all().find((row) => row.procedureId === procedureId)!;
const outboxFor = (procedureRequestId: string) => db.select().from(outbox).where(eq(outbox.procedureRequestId, procedureRequestId)).all();

function deliver(procedureRequestId: string) {
  for (const event of [{ type: "delivery.started" }, { type: "delivery.succeeded", agencyReference: "ACK-1" }] satisfies ProcedureEvent[]) {
    applyCaseEvent(db, { procedureRequestId, event, actor: "system:test" });
  }
}

describe("startCaseMachine", () => {
  it("gives each case the state a freshly started machine has, with its own case id", () => {
    const machine = createCaseMachine(getLifeEvent("relocation")!) as AnyStateMachine;
    const input = (caseId: string, maxAttempts = 3) => ({
      caseId,
      selected: [
        { procedureId: "move-out-notification", prerequisites: [] },
        { procedureId: "move-in-notification", prerequisites: ["move-out-notification"] },
      ],
      maxAttempts,
    });
    for (const [caseId, maxAttempts] of [["case-a", 3], ["case-b", 3], ["case-c", 5]] as const) {
      const actor = createActor(machine, { input: input(caseId, maxAttempts) }).start();
      const expected = { statuses: procedureStatuses(actor.getSnapshot()), snapshot: JSON.stringify(actor.getPersistedSnapshot()) };
      actor.stop();
      expect(startCaseMachine(machine, input(caseId, maxAttempts))).toEqual(expected);
    }
  });
});

describe("submitCase", () => {
  it("writes the case, its snapshot, one request per procedure, an outbox row per startable one, and the audit entry", () => {
    const { case: kase, procedureRequests: requests, created } = submitSampleCase(db);
    expect(created).toBe(true);
    expect(kase.reference).toMatch(/^MDG-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(kase).toMatchObject({ lifeEventId: "relocation", flowVersion: 2, applicantId: "p-tanaka-ichiro", status: "submitted" });
    expect(JSON.parse(kase.snapshot)).toMatchObject({ status: "active", context: { caseId: kase.id, version: 2 } });

    const byProcedure = Object.fromEntries(requests.map((request) => [request.procedureId, request]));
    expect(byProcedure["move-out-notification"].status).toBe("queued");
    expect(byProcedure["move-in-notification"].status).toBe("waiting");
    expect(byProcedure["mail-forwarding"]).toMatchObject({ status: "queued", agencyId: "japan-post" });
    // Only the procedure's own data items travel.
    const payload = JSON.parse(byProcedure["mail-forwarding"].payload) as Record<string, unknown>;
    expect(Object.keys(payload).every((key) => (JSON.parse(byProcedure["mail-forwarding"].dataItems) as string[]).includes(key))).toBe(true);
    // The once-only count: of the move-out's items, only the move date and new address were typed (the rest came
    // from the register); the count is stored, not which items.
    const moveOutItems = JSON.parse(byProcedure["move-out-notification"].dataItems) as string[];
    expect(byProcedure["move-out-notification"].itemsTyped).toBe(moveOutItems.filter((item) => ["moveDate", "newAddress"].includes(item)).length);
    expect(byProcedure["move-out-notification"].itemsTyped).toBeGreaterThan(0);
    expect(byProcedure["move-out-notification"].itemsTyped).toBeLessThan(moveOutItems.length);

    const rows = db.select().from(outbox).all().filter((row) => requests.some((request) => request.id === row.procedureRequestId));
    expect(rows.map((row) => row.procedureRequestId).sort()).toEqual(requests.filter((r) => r.status === "queued").map((r) => r.id).sort());
    expect(rows.every((row) => row.status === "pending" && row.delivery === 1 && row.idempotencyKey === `${row.procedureRequestId}-1`)).toBe(true);

    const events = db.select().from(procedureEvents).where(eq(procedureEvents.caseId, kase.id)).all();
    expect(events).toHaveLength(requests.length);
    expect(events.every((event) => event.fromStatus === null)).toBe(true);

    const audit = db.select().from(auditEntries).where(eq(auditEntries.subjectId, kase.id)).all();
    expect(audit).toMatchObject([{ action: "case.submitted", dataSubjectId: "p-tanaka-ichiro", actor: "user:p-tanaka-ichiro" }]);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it("gives the case, its requests and their deliveries ids in the order they were written, after every earlier case's", () => {
    const first = submitSampleCase(db);
    const second = submitSampleCase(db);
    const idsOf = (submitted: typeof first) => {
      const requestIds = submitted.procedureRequests.map((request) => request.id);
      const outboxIds = db
        .select()
        .from(outbox)
        .all()
        .filter((row) => requestIds.includes(row.procedureRequestId))
        .map((row) => row.id);
      return { caseId: submitted.case.id, requestIds, outboxIds, all: [submitted.case.id, ...requestIds, ...outboxIds] };
    };
    const [earlier, later] = [idsOf(first), idsOf(second)];
    // Neighbours in every index keyed by them: a delivery's writes share index pages with the next one's.
    for (const id of [...earlier.all, ...later.all]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier.outboxIds.length).toBeGreaterThan(1);
    expect([earlier.caseId, ...earlier.requestIds]).toEqual([earlier.caseId, ...earlier.requestIds].sort());
    expect(earlier.outboxIds).toEqual([...earlier.outboxIds].sort());
    expect(earlier.all.every((id) => later.all.every((next) => id < next))).toBe(true);
  });

  it("makes one case from a double submit with the same token", () => {
    const args = sampleSubmission("relocation", "p-sato-kenji");
    const first = submitCase(db, args);
    const second = submitCase(db, args);
    expect(second.created).toBe(false);
    expect(second.case.id).toBe(first.case.id);
    expect(second.procedureRequests.map((r) => r.id).sort()).toEqual(first.procedureRequests.map((r) => r.id).sort());
    expect(db.select().from(cases).where(eq(cases.submissionToken, args.submissionToken)).all()).toHaveLength(1);
  });

  it("writes nothing when a step in the middle fails", () => {
    const before = dump();
    let calls = 0;
    const enqueue = sqlOutbox.enqueue.bind(sqlOutbox);
    vi.spyOn(sqlOutbox, "enqueue").mockImplementation((...args) => {
      if (++calls === 2) throw new Error("disk full");
      return enqueue(...args);
    });
    expect(() => submitSampleCase(db)).toThrow("disk full");
    expect(dump()).toEqual(before);
  });

  it("writes nothing when the last step (the audit entry) fails", () => {
    const fresh = createTestDatabase();
    try {
      fresh.db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");
      expect(() => submitSampleCase(fresh.db)).toThrow("audit unavailable");
      expect(dump(fresh.db)).toEqual({ cases: [], procedureRequests: [], procedureEvents: [], outbox: [], audit: [] });
    } finally {
      fresh.close();
    }
  });

  it("refuses a submission without consent for every selected procedure", () => {
    const before = dump();
    const args = sampleSubmission("relocation", "p-tanaka-ichiro");
    const consent = { ...args.consent, procedureIds: args.consent.procedureIds.filter((id) => id !== "gas-move") };
    expect(() => submitCase(db, { ...args, consent })).toThrow(ConsentMissingError);
    expect(dump()).toEqual(before);
  });
});

describe("applyCaseEvent", () => {
  it("queues a dependent when its prerequisite is accepted, and writes its delivery", () => {
    const { case: kase } = submitSampleCase(db);
    const moveOut = requestFor(kase.id, "move-out-notification");
    const moveIn = requestFor(kase.id, "move-in-notification");
    deliver(moveOut.id);
    expect(outboxFor(moveIn.id)).toHaveLength(0);

    const applied = applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "13101-2026-1" }, actor: "agency:municipality-13101" });
    expect(applied.status).toBe("accepted");
    // The order of changes follows the stored requests, which is not part of the contract.
    expect(applied.changes.map(({ procedureId, from, to }) => ({ procedureId, from, to }))).toHaveLength(2);
    expect(applied.changes.map(({ procedureId, from, to }) => ({ procedureId, from, to }))).toEqual(
      expect.arrayContaining([
        { procedureId: "move-out-notification", from: "delivered", to: "accepted" },
        { procedureId: "move-in-notification", from: "waiting", to: "queued" },
      ]),
    );
    expect(requestFor(kase.id, "move-out-notification")).toMatchObject({ status: "accepted", decisionReference: "13101-2026-1", agencyReference: "ACK-1" });
    expect(outboxFor(moveIn.id)).toMatchObject([{ status: "pending", delivery: 1 }]);
    const events = db.select().from(procedureEvents).where(eq(procedureEvents.procedureRequestId, moveIn.id)).orderBy(procedureEvents.id).all();
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      [null, "waiting"],
      ["waiting", "queued"],
    ]);
    expect(JSON.parse(events[1].detail)).toMatchObject({ event: "agency.accepted", causedBy: moveOut.id });
  });

  it("cancels dependents when a prerequisite is rejected", () => {
    const { case: kase } = submitSampleCase(db);
    const moveOut = requestFor(kase.id, "move-out-notification");
    deliver(moveOut.id);
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.rejected", reason: "not-resident" }, actor: "agency:municipality-13101" });
    expect(requestFor(kase.id, "move-out-notification")).toMatchObject({ status: "rejected", rejectionReason: "not-resident" });
    expect(requestFor(kase.id, "move-in-notification").status).toBe("cancelled");
    expect(requestFor(kase.id, "my-number-card-address-update").status).toBe("cancelled");
  });

  it.each<{ name: string; event: ProcedureEvent }>([
    { name: "a decision before delivery", event: { type: "agency.accepted" } },
    { name: "a delivery result without a start", event: { type: "delivery.succeeded" } },
    { name: "an answer nobody asked for", event: { type: "citizen.answered", answer: "yes" } },
    { name: "an operator retry of a live delivery", event: { type: "operator.retried" } },
  ])("refuses $name and changes nothing", ({ event }) => {
    const { case: kase } = submitSampleCase(db);
    const mail = requestFor(kase.id, "mail-forwarding");
    const before = dump();
    expect(() => applyCaseEvent(db, { procedureRequestId: mail.id, event, actor: "system:test" })).toThrow(CaseEventRefusedError);
    expect(dump()).toEqual(before);
  });

  it("restores the case as stored, not as an event whose transaction was rolled back left it in memory", () => {
    const { case: kase } = submitSampleCase(db);
    const mail = requestFor(kase.id, "mail-forwarding");
    expect(() =>
      db.transaction((tx) => {
        applyCaseEventInTx(tx, { procedureRequestId: mail.id, event: { type: "delivery.started" }, actor: "system:test" });
        throw new Error("the caller's next step failed");
      }),
    ).toThrow("the caller's next step failed");
    expect(requestFor(kase.id, "mail-forwarding").status).toBe("queued");
    // The started state was kept in memory; the stored snapshot (still queued) is what counts.
    expect(() => applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.succeeded" }, actor: "system:test" })).toThrow(CaseEventRefusedError);
    deliver(mail.id);
    expect(requestFor(kase.id, "mail-forwarding")).toMatchObject({ status: "delivered", agencyReference: "ACK-1" });
  });

  it("restores the case as stored when another process changed it since this one last did", () => {
    const { case: kase } = submitSampleCase(db);
    const mail = requestFor(kase.id, "mail-forwarding");
    const before = db.select({ snapshot: cases.snapshot, version: cases.snapshotVersion }).from(cases).where(eq(cases.id, kase.id)).get()!;
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.started" }, actor: "system:test" });
    // Another process puts the case back as it was (as if its own later events had led there), with a new version.
    db.update(cases).set({ snapshot: before.snapshot, snapshotVersion: before.version + 10 }).where(eq(cases.id, kase.id)).run();
    db.update(procedureRequests).set({ status: "queued" }).where(eq(procedureRequests.id, mail.id)).run();
    expect(() => applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.succeeded" }, actor: "system:test" })).toThrow(CaseEventRefusedError);
    expect(applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.started" }, actor: "system:test" }).status).toBe("delivering");
  });

  it("refuses an unknown procedure request", () => {
    expect(() => applyCaseEvent(db, { procedureRequestId: "nope", event: { type: "delivery.started" }, actor: "system:test" })).toThrow(ProcedureRequestNotFoundError);
  });

  it("delivers the citizen's answer as a new delivery with its own idempotency key", () => {
    const { case: kase } = submitSampleCase(db);
    const mail = requestFor(kase.id, "mail-forwarding");
    deliver(mail.id);
    db.update(outbox).set({ status: "delivered" }).where(eq(outbox.procedureRequestId, mail.id)).run();
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "agency.informationRequested", question: "Which floor?" }, actor: "agency:japan-post" });
    expect(requestFor(kase.id, "mail-forwarding")).toMatchObject({ status: "informationRequested", informationQuestion: "Which floor?" });
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "citizen.answered", answer: "12th" }, actor: "user:p-tanaka-ichiro" });
    expect(requestFor(kase.id, "mail-forwarding")).toMatchObject({ status: "queued", informationAnswer: "12th" });
    const rows = outboxFor(mail.id).sort((a, b) => a.delivery - b.delivery);
    expect(rows.map((row) => [row.delivery, row.status, row.idempotencyKey])).toEqual([
      [1, "delivered", `${mail.id}-1`],
      [2, "pending", `${mail.id}-2`],
    ]);
  });

  it("marks the case completed when every procedure is settled", () => {
    const { case: kase, procedureRequests: requests } = submitSampleCase(db, "relocation", "p-ito-yuki");
    const order = ["change-of-address-notification", "my-number-card-address-update", "water-stop", "water-start", "electricity-move", "gas-move", "mail-forwarding"];
    expect(requests.map((r) => r.procedureId).sort()).toEqual([...order].sort());
    let last;
    for (const procedureId of order) {
      const request = requestFor(kase.id, procedureId);
      deliver(request.id);
      last = applyCaseEvent(db, { procedureRequestId: request.id, event: { type: "agency.accepted" }, actor: "system:test" });
    }
    expect(last?.caseStatus).toBe("completed");
    expect(db.select().from(cases).where(eq(cases.id, kase.id)).get()?.status).toBe("completed");
  });
});

describe("applyCaseEvent: the case machine's regions", () => {
  const regionsOf = (caseId: string) => Object.keys((JSON.parse(db.select().from(cases).where(eq(cases.id, caseId)).get()!.snapshot) as { value: { processing: object } }).value.processing);

  it("stores a new case with a region for each of its selected procedures only, and steps it", () => {
    const { case: kase, procedureRequests: requests } = submitSampleCase(db);
    const relocation = getLifeEvent("relocation")!;
    const selected = relocation.procedures.filter((id) => requests.some((request) => request.procedureId === id));
    expect(selected.length).toBeLessThan(relocation.procedures.length);
    expect(regionsOf(kase.id)).toEqual(selected);
    deliver(requestFor(kase.id, "mail-forwarding").id);
    expect(requestFor(kase.id, "mail-forwarding").status).toBe("delivered");
    expect(regionsOf(kase.id)).toEqual(selected);
  });

  it("restores a case stored with a region for every procedure of the catalogue (before 2026-12-03) with that machine, and carries it on", () => {
    const { case: kase, procedureRequests: requests } = submitSampleCase(db);
    const relocation = getLifeEvent("relocation")!;
    expect(requests.length).toBeLessThan(relocation.procedures.length);
    const selected = (JSON.parse(kase.snapshot) as { context: { procedures: Record<string, { prerequisites: string[] }> } }).context.procedures;
    const { snapshot } = startCaseMachine(createCaseMachine(relocation) as AnyStateMachine, {
      caseId: kase.id,
      selected: Object.entries(selected).map(([procedureId, { prerequisites }]) => ({ procedureId, prerequisites })),
      maxAttempts: 3,
    });
    db.update(cases).set({ snapshot }).where(eq(cases.id, kase.id)).run();
    expect(regionsOf(kase.id)).toEqual(relocation.procedures);

    const moveOut = requestFor(kase.id, "move-out-notification");
    deliver(moveOut.id);
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "13101-2026-2" }, actor: "agency:municipality-13101" });
    expect(requestFor(kase.id, "move-out-notification").status).toBe("accepted");
    expect(requestFor(kase.id, "move-in-notification").status).toBe("queued");
    expect(regionsOf(kase.id)).toEqual(relocation.procedures);
  });
});

describe("applyCaseEvent: items a prerequisite produces", () => {
  it("fills the corporate number into the procedures that waited for the registration, and no other payload changes", () => {
    const { case: kase, procedureRequests: requests } = submitSampleCase(db, "incorporation", "c-yamada-shoten");
    const registration = requests.find((request) => request.procedureId === "company-registration")!;
    const waiting = requests.filter((request) => getProcedure(request.procedureId)?.fromPrerequisite.corporateNumber);
    expect(waiting.length).toBeGreaterThan(0);
    // What comes before the registration (the articles' certification) is decided first.
    while (requestFor(kase.id, "company-registration").status === "waiting") {
      const queued = requests.filter((request) => requestFor(kase.id, request.procedureId).status === "queued" && request.id !== registration.id);
      expect(queued.length).toBeGreaterThan(0);
      for (const request of queued) {
        deliver(request.id);
        applyCaseEvent(db, { procedureRequestId: request.id, event: { type: "agency.accepted" }, actor: `agency:${request.agencyId}` });
      }
    }
    deliver(registration.id);
    const payloadsBefore = new Map(requests.map((request) => [request.id, requestFor(kase.id, request.procedureId).payload]));
    expect(waiting.every((request) => requestFor(kase.id, request.procedureId).status === "waiting")).toBe(true);
    const corporateNumber = decisionReference(registration.agencyId, "company-registration");
    applyCaseEvent(db, { procedureRequestId: registration.id, event: { type: "agency.accepted", reference: corporateNumber }, actor: `agency:${registration.agencyId}` });
    const filled = [];
    for (const request of requests) {
      const now = requestFor(kase.id, request.procedureId);
      const payload = openIdentityNumbers(JSON.parse(now.payload) as Record<string, unknown>, `procedureRequest:${now.id}`) as Record<string, unknown>;
      if (waiting.some((each) => each.id === request.id) && now.status === "queued") {
        expect(payload.corporateNumber).toBe(corporateNumber);
        filled.push(request.procedureId);
      } else {
        // Still waiting for another prerequisite, or not waiting for this one: its payload is as it was.
        expect(now.payload).toBe(payloadsBefore.get(request.id));
      }
    }
    expect(filled.length).toBeGreaterThan(0);
  });
});
