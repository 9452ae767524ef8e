import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../db/client.server";
import { sqlOutbox, type Outbox } from "../../db/queries/outbox";
import { auditEntries, outbox, procedureEvents, procedureRequests } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import type { Connector, ConnectorLookup, Delivery, DeliveryResult } from "./connectors/index.server";
import { applyCaseEvent } from "../cases/cases.server";
import { setLogSink } from "../platform/logger.server";
import { backoffDelay, Dispatcher, listDeadLetters, retryDeadLetter } from "./dispatcher.server";

const { db, close } = createTestDatabase();
afterAll(close);
afterEach(() => vi.restoreAllMocks());

const fast = { backoffBaseMs: 1, backoffCapMs: 4, timeoutMs: 1_000, leaseMs: 5_000, pollMs: 5, log: () => {} };
const scripted = (results: (delivery: Delivery) => DeliveryResult): ConnectorLookup => () => ({ deliver: async (delivery) => results(delivery) });

/** A case whose procedure requests we follow; returns helpers to read them back. */
function newCase(sampleId = "p-ito-yuki", maxAttempts = 3) {
  const { case: kase, procedureRequests: requests } = submitSampleCase(db, "relocation", sampleId, { maxAttempts });
  const ids = requests.map((request) => request.id);
  return {
    kase,
    statuses: () => Object.fromEntries(db.select().from(procedureRequests).where(inArray(procedureRequests.id, ids)).all().map((r) => [r.procedureId, r.status])),
    rows: () => db.select().from(outbox).where(inArray(outbox.procedureRequestId, ids)).all(),
    requestOf: (procedureId: string) => requests.find((request) => request.procedureId === procedureId)!,
  };
}

/** Runs batches until nothing is due now; the clock jumps past each scheduled retry. */
async function drain(dispatcher: Dispatcher, clock: { now: Date }) {
  for (let i = 0; i < 100; i++) {
    const claimed = await dispatcher.runOnce();
    if (claimed === 0) {
      const next = db.select().from(outbox).where(eq(outbox.status, "pending")).all();
      if (next.length === 0) return;
      clock.now = new Date(Math.max(...next.map((row) => Date.parse(row.nextAttemptAt))) + 1);
    }
  }
}

describe("dispatcher", () => {
  it("delivers every due procedure and records the machine's events and the audit of who received data", async () => {
    const c = newCase();
    const clock = { now: new Date() };
    const dispatcher = new Dispatcher({ db, ...fast, clock: () => clock.now, connectors: scripted(() => ({ ok: true, agencyReference: "ACK" })) });
    await drain(dispatcher, clock);
    expect(c.statuses()).toEqual({
      "change-of-address-notification": "delivered",
      "my-number-card-address-update": "waiting",
      "water-stop": "delivered",
      "water-start": "delivered",
      "electricity-move": "delivered",
      "gas-move": "delivered",
      "mail-forwarding": "delivered",
    });
    expect(c.rows().every((row) => row.status === "delivered" && row.attempts === 1)).toBe(true);
    const events = db.select().from(procedureEvents).where(eq(procedureEvents.procedureRequestId, c.requestOf("mail-forwarding").id)).orderBy(procedureEvents.id).all();
    expect(events.map((event) => event.toStatus)).toEqual(["queued", "delivering", "delivered"]);
  });

  it("undoes only the row whose start fails unexpectedly: the others are delivered, and it is delivered after its lease", async () => {
    const own = createTestDatabase();
    try {
      const { procedureRequests: requests } = submitSampleCase(own.db, "relocation", "p-ito-yuki");
      const mail = requests.find((request) => request.procedureId === "mail-forwarding")!;
      expect(requests.filter((request) => request.agencyId === mail.agencyId)).toHaveLength(1);
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      let broken = true;
      const connectors: ConnectorLookup = (_tx, agencyId) => {
        if (broken && agencyId === mail.agencyId) throw new Error("no connector for this organisation");
        return { deliver: async () => ({ ok: true, agencyReference: "ACK" }) };
      };
      const clock = { now: new Date() };
      const dispatcher = new Dispatcher({ db: own.db, ...fast, clock: () => clock.now, connectors });
      await dispatcher.runOnce();

      const statusOf = (id: string) => own.db.select().from(procedureRequests).where(eq(procedureRequests.id, id)).get()!.status;
      expect(statusOf(mail.id)).toBe("queued");
      expect(own.db.select().from(procedureEvents).where(eq(procedureEvents.procedureRequestId, mail.id)).all().map((event) => event.toStatus)).toEqual(["queued"]);
      expect(own.db.select().from(auditEntries).where(eq(auditEntries.subjectId, mail.id)).all()).toEqual([]);
      for (const request of requests) if (request.status === "queued" && request.id !== mail.id) expect(statusOf(request.id)).toBe("delivered");
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^dispatcher: delivery of .+ failed unexpectedly: Error: no connector/));

      broken = false;
      clock.now = new Date(clock.now.getTime() + fast.leaseMs + 1);
      await dispatcher.runOnce();
      expect(statusOf(mail.id)).toBe("delivered");
    } finally {
      own.close();
    }
  });

  it("undoes only the result whose recording fails unexpectedly: the others of its turn are recorded, a dead letter is logged once, and it is delivered after its lease", async () => {
    const own = createTestDatabase();
    const lines: string[] = [];
    const restoreSink = setLogSink((line) => lines.push(line));
    try {
      const { procedureRequests: requests } = submitSampleCase(own.db, "relocation", "p-ito-yuki");
      const mail = requests.find((request) => request.procedureId === "mail-forwarding")!;
      const gas = requests.find((request) => request.procedureId === "gas-move")!;
      const mailRow = own.db.select().from(outbox).where(eq(outbox.procedureRequestId, mail.id)).get()!;
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      let broken = true;
      // The mail's result cannot be written (as a full disk might refuse it); the gas company refuses its delivery for good.
      const failing: Outbox = {
        ...sqlOutbox,
        complete(tx, args) {
          if (broken && args.id === mailRow.id) throw new Error("disk trouble");
          sqlOutbox.complete(tx, args);
        },
      };
      const connectors = scripted((delivery) => (delivery.procedureId === gas.procedureId ? { ok: false, permanent: true, error: "HTTP 422" } : { ok: true, agencyReference: "ACK" }));
      const clock = { now: new Date() };
      const dispatcher = new Dispatcher({ db: own.db, ...fast, outbox: failing, clock: () => clock.now, connectors });
      await dispatcher.runOnce();

      const statusOf = (id: string) => own.db.select().from(procedureRequests).where(eq(procedureRequests.id, id)).get()!.status;
      expect(statusOf(mail.id)).toBe("delivering");
      expect(own.db.select().from(outbox).where(eq(outbox.id, mailRow.id)).get()).toMatchObject({ status: "pending", leaseOwner: dispatcher.owner });
      expect(own.db.select().from(auditEntries).where(eq(auditEntries.subjectId, mail.id)).all().map((entry) => entry.action)).toEqual(["procedure.delivery.started"]);
      expect(statusOf(gas.id)).toBe("deadLettered");
      for (const request of requests) if (request.status === "queued" && request.id !== mail.id && request.id !== gas.id) expect(statusOf(request.id)).toBe("delivered");
      expect(errors.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/^dispatcher: delivery of .+ failed unexpectedly: Error: disk trouble/)]);
      expect(lines.filter((line) => line.includes("delivery dead-lettered"))).toHaveLength(1);
      expect(JSON.parse(lines.find((line) => line.includes("delivery dead-lettered"))!)).toMatchObject({ procedureRequestId: gas.id, reason: "attempt 1: HTTP 422" });

      broken = false;
      clock.now = new Date(clock.now.getTime() + fast.leaseMs + 1);
      await dispatcher.runOnce();
      expect(statusOf(mail.id)).toBe("delivered");
      expect(own.db.select().from(outbox).where(eq(outbox.id, mailRow.id)).get()).toMatchObject({ status: "delivered", attempts: 2 });
    } finally {
      restoreSink();
      own.close();
    }
  });

  it("retries a temporary failure with backoff, dead-letters after the last attempt, and an operator's retry delivers it under the same key", async () => {
    const c = newCase("p-ito-yuki", 3);
    const clock = { now: new Date() };
    const keys: string[] = [];
    let failing = true;
    const dispatcher = new Dispatcher({
      db,
      ...fast,
      clock: () => clock.now,
      connectors: scripted((delivery) => {
        if (delivery.procedureId !== "mail-forwarding") return { ok: true };
        keys.push(delivery.idempotencyKey);
        return failing ? { ok: false, permanent: false, error: "HTTP 503" } : { ok: true };
      }),
    });
    await drain(dispatcher, clock);
    expect(c.statuses()["mail-forwarding"]).toBe("deadLettered");
    const mail = c.rows().find((row) => row.procedureRequestId === c.requestOf("mail-forwarding").id)!;
    expect(mail).toMatchObject({ status: "dead", attempts: 3, lastError: "attempt 3: HTTP 503" });
    expect(listDeadLetters(db).find((dead) => dead.outboxId === mail.id)).toMatchObject({ procedureId: "mail-forwarding", agencyId: "japan-post", lastError: "attempt 3: HTTP 503" });

    failing = false;
    retryDeadLetter(db, { outboxId: mail.id, actor: "user:operator-1" });
    expect(c.statuses()["mail-forwarding"]).toBe("queued");
    await drain(dispatcher, clock);
    expect(c.statuses()["mail-forwarding"]).toBe("delivered");
    expect(new Set(keys)).toEqual(new Set([mail.idempotencyKey]));
    expect(keys).toHaveLength(4);
  });

  it("re-delivers with the agency's question and the citizen's answer, under the next key", async () => {
    const c = newCase();
    const clock = { now: new Date() };
    const seen: Delivery[] = [];
    const dispatcher = new Dispatcher({ db, ...fast, clock: () => clock.now, connectors: scripted((delivery) => (seen.push(delivery), { ok: true })) });
    await drain(dispatcher, clock);
    const mail = c.requestOf("mail-forwarding");
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "agency.informationRequested", question: "Which floor?" }, actor: "agency:japan-post" });
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "citizen.answered", answer: "12th" }, actor: "user:p-ito-yuki" });
    await drain(dispatcher, clock);
    const toMail = seen.filter((delivery) => delivery.procedureRequestId === mail.id);
    expect(toMail.map((delivery) => [delivery.idempotencyKey, delivery.information])).toEqual([
      [`${mail.id}-1`, undefined],
      [`${mail.id}-2`, { question: "Which floor?", answer: "12th" }],
    ]);
    expect(c.statuses()["mail-forwarding"]).toBe("delivered");
  });

  it("dead-letters a permanent failure at once", async () => {
    const c = newCase();
    const clock = { now: new Date() };
    const dispatcher = new Dispatcher({
      db,
      ...fast,
      clock: () => clock.now,
      connectors: scripted((delivery) => (delivery.procedureId === "electricity-move" ? { ok: false, permanent: true, error: "HTTP 422" } : { ok: true })),
    });
    await drain(dispatcher, clock);
    expect(c.statuses()["electricity-move"]).toBe("deadLettered");
    expect(c.rows().find((row) => row.procedureRequestId === c.requestOf("electricity-move").id)).toMatchObject({ status: "dead", attempts: 1, lastError: "attempt 1: HTTP 422" });
  });

  it("waits at least Retry-After before the next attempt", async () => {
    const c = newCase();
    const now = new Date();
    const dispatcher = new Dispatcher({
      db,
      ...fast,
      clock: () => now,
      connectors: scripted(() => ({ ok: false, permanent: false, error: "HTTP 429", retryAfterMs: 60_000 })),
    });
    await dispatcher.runOnce();
    for (const row of c.rows().filter((r) => r.status === "pending")) {
      expect(Date.parse(row.nextAttemptAt) - now.getTime()).toBeGreaterThanOrEqual(60_000);
    }
    expect(c.statuses()["mail-forwarding"]).toBe("retrying");
  });

  it("spreads retries with full jitter below an exponential ceiling", () => {
    const config = { backoffBaseMs: 100, backoffCapMs: 1_000, retryAfterCapMs: 5_000 };
    expect(backoffDelay({ attempt: 1 }, config, () => 0.999)).toBe(99);
    expect(backoffDelay({ attempt: 3 }, config, () => 0.5)).toBe(200);
    expect(backoffDelay({ attempt: 10 }, config, () => 0.999)).toBe(999);
    expect(backoffDelay({ attempt: 10 }, config, () => 0)).toBe(0);
    expect(backoffDelay({ attempt: 1, retryAfterMs: 3_000 }, config, () => 0.5)).toBe(3_000);
    expect(backoffDelay({ attempt: 1, retryAfterMs: 99_000 }, config, () => 0.5)).toBe(5_000);
  });
});

describe("the lease", () => {
  it("gives a row to one claimer until its lease expires", () => {
    newCase();
    const now = new Date(Date.now() + 1_000);
    const first = sqlOutbox.claim(db, { owner: "a", now, leaseMs: 10_000, limit: 100 });
    expect(first.length).toBeGreaterThan(0);
    expect(sqlOutbox.claim(db, { owner: "b", now: new Date(now.getTime() + 9_999), leaseMs: 10_000, limit: 100 })).toEqual([]);
    const taken = sqlOutbox.claim(db, { owner: "b", now: new Date(now.getTime() + 10_001), leaseMs: 10_000, limit: 100 });
    expect(taken.map((row) => row.id).sort()).toEqual(first.map((row) => row.id).sort());
    expect(taken.every((row) => row.leaseOwner === "b" && row.attempts === 2)).toBe(true);
    expect(sqlOutbox.holdsLease(db, { id: taken[0].id, owner: "a", now: new Date(now.getTime() + 10_001) })).toBe(false);
  });

  it("takes each due row by its id, not by reading every pending row", () => {
    // A fresh connection, so the claim's statements are prepared (and seen) here.
    const fresh = createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) submitSampleCase(fresh.db, "relocation", "p-tanaka-ichiro");
      const prepared = vi.spyOn(fresh.db.$client, "prepare");
      const now = new Date(Date.now() + 1_000);
      const taken = fresh.db.transaction(() => sqlOutbox.claim(fresh.db, { owner: "a", now, leaseMs: 10_000, limit: 8 }), { behavior: "immediate" });
      expect(taken).toHaveLength(8);
      const updates = prepared.mock.calls.map(([text]) => text).filter((text) => /^update "outbox"/i.test(text));
      prepared.mockRestore();
      expect(updates.length).toBeGreaterThan(0);
      for (const text of updates) {
        const values = Array.from(text.matchAll(/\?/g), () => "x");
        const plan = fresh.db.$client.prepare(`explain query plan ${text.replace(/ returning .*$/is, "")}`).all(...values) as { detail: string }[];
        // Searching the due index instead read every pending row: 0.83 ms a row with 20,000 pending (README, speedclaim).
        expect(plan.map((step) => step.detail)).toEqual(["SEARCH outbox USING INDEX sqlite_autoindex_outbox_1 (id=?)"]);
      }
    } finally {
      fresh.close();
    }
  });

  it("lets a second dispatcher finish a delivery whose dispatcher died after starting it", async () => {
    const c = newCase();
    const start = new Date(Date.now() + 60_000);
    // A dispatcher that "dies" mid-delivery: its connector never returns.
    // A batch large enough for every due row, including rows the earlier tests left behind.
    const dying = new Dispatcher({ db, ...fast, concurrency: 100, leaseMs: 2_000, clock: () => start, connectors: () => ({ deliver: () => new Promise<DeliveryResult>(() => {}) }) });
    void dying.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(c.statuses()["mail-forwarding"]).toBe("delivering");
    const later = new Date(start.getTime() + 2_001);
    const keys: string[] = [];
    const survivor = new Dispatcher({ db, ...fast, concurrency: 100, leaseMs: 2_000, clock: () => later, connectors: scripted((d) => (keys.push(d.idempotencyKey), { ok: true })) });
    await survivor.runOnce();
    expect(c.statuses()["mail-forwarding"]).toBe("delivered");
    expect(c.rows().find((row) => row.procedureRequestId === c.requestOf("mail-forwarding").id)?.attempts).toBe(2);
  });

  it("records the deliveries in flight when stopped, and claims nothing after", async () => {
    const shared = createTestDatabase();
    const { procedureRequests: requests } = submitSampleCase(shared.db, "relocation", "p-ito-yuki");
    const due = requests.filter((request) => request.status === "queued").length;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    const gated: Connector = {
      async deliver() {
        sent++;
        await gate;
        return { ok: true, agencyReference: "ACK" };
      },
    };
    const dispatcher = new Dispatcher({ db: shared.db, ...fast, concurrency: 32, connectors: () => gated });
    dispatcher.start();
    while (sent < due) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = dispatcher.stop();
    release();
    await stopped;
    const rows = shared.db.select().from(outbox).all();
    expect(rows.filter((row) => row.status === "delivered")).toHaveLength(due);
    expect(rows.filter((row) => row.status === "pending")).toEqual(rows.filter((row) => row.attempts === 0));
    const statuses = shared.db.select().from(procedureRequests).all().map((row) => row.status);
    expect(statuses.filter((status) => status === "delivered")).toHaveLength(due);
    expect(statuses).not.toContain("delivering");
    shared.close();
  });

  it("never lets two dispatchers on one database deliver the same row at the same time", async () => {
    const shared = createTestDatabase();
    for (let i = 0; i < 15; i++) submitSampleCase(shared.db, "relocation", "p-tanaka-ichiro");
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const deliveries = new Map<string, number>();
    const slowConnector: Connector = {
      async deliver(delivery) {
        if (inFlight.has(delivery.idempotencyKey)) overlaps.push(delivery.idempotencyKey);
        inFlight.add(delivery.idempotencyKey);
        deliveries.set(delivery.idempotencyKey, (deliveries.get(delivery.idempotencyKey) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
        inFlight.delete(delivery.idempotencyKey);
        return Math.random() < 0.3 ? { ok: false, permanent: false, error: "HTTP 500" } : { ok: true };
      },
    };
    const pending = () => shared.db.select().from(outbox).where(eq(outbox.status, "pending")).all();
    const second = openDatabase(shared.file);
    const a = new Dispatcher({ db: shared.db, ...fast, maxAttempts: 20, owner: "a", concurrency: 4, connectors: () => slowConnector });
    const b = new Dispatcher({ db: second, ...fast, maxAttempts: 20, owner: "b", concurrency: 4, connectors: () => slowConnector });
    a.start();
    b.start();
    while (pending().length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([a.stop(), b.stop()]);
    second.$client.close();
    expect(pending()).toEqual([]);
    shared.close();
    expect(overlaps).toEqual([]);
    expect(deliveries.size).toBeGreaterThanOrEqual(15 * 5);
  });
});
