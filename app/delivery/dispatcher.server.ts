// The dispatcher turns outbox rows into deliveries: it claims due rows under a lease, tells the case machine
// a delivery started, delivers through the agency's connector, and records what the machine decides next.
// It owns I/O and time (timeouts, backoff); the machine owns every status.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db, Tx } from "../../db/client.server";
import { findLatestCorrections, getCase, getProcedureRequest } from "../../db/queries/cases";
import { sqlOutbox, type Outbox, type OutboxRow } from "../../db/queries/outbox";
import { applyCaseEvent, applyCaseEventInTx, CaseError } from "../cases/cases.server";
import { connectorFor, type ConnectorLookup, type Delivery, type DeliveryResult } from "./connectors/index.server";
import type { Connector } from "./connectors/connector.server";
import { engineConfig, type EngineConfig } from "../platform/engine-config.server";
import { logger } from "../platform/logger.server";
import { insertDeliveryAttempt } from "../../db/queries/delivery-attempts";
import { answerExcerpt } from "./answer-excerpt.server";
import { openIdentityNumbers } from "../identity/security/identity-numbers.server";

export type DispatcherOptions = Partial<EngineConfig> & {
  db: Db;
  outbox?: Outbox;
  connectors?: ConnectorLookup;
  /** Names this dispatcher in leases; unique per process by default. */
  owner?: string;
  clock?: () => Date;
  random?: () => number;
  log?: (message: string) => void;
  /** False inside the web server: its polling must not keep the process alive once the server has closed. */
  keepProcessAlive?: boolean;
};

/** The wait before the next attempt: "full jitter" (uniform in 0..min(cap, base·2^(attempt-1))), never sooner than Retry-After. */
export function backoffDelay(
  { attempt, retryAfterMs }: { attempt: number; retryAfterMs?: number },
  { backoffBaseMs, backoffCapMs, retryAfterCapMs }: Pick<EngineConfig, "backoffBaseMs" | "backoffCapMs" | "retryAfterCapMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, retryAfterCapMs));
}

export class Dispatcher {
  readonly owner: string;
  private readonly config: EngineConfig;
  private readonly db: Db;
  private readonly outbox: Outbox;
  private readonly connectors: ConnectorLookup;
  private readonly clock: () => Date;
  private readonly random: () => number;
  private readonly log: (message: string) => void;
  private readonly keepProcessAlive: boolean;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private freed: (() => void) | undefined;
  /** Deliveries claimed by the polling loop and not yet recorded. */
  private inFlight = 0;
  /** Deliveries sent whose results wait for the next commit. */
  private readonly finished: Finished[] = [];
  /** Dead letters of the transaction under way, logged once it has committed. */
  private deadLetters: DeadLetterLog[] = [];

  constructor(options: DispatcherOptions) {
    const { db, outbox, connectors, owner, clock, random, log, keepProcessAlive, ...config } = options;
    this.keepProcessAlive = keepProcessAlive ?? true;
    this.config = { ...engineConfig(), ...stripUndefined(config) };
    this.config.leaseMs = Math.max(this.config.leaseMs, this.config.timeoutMs + 1_000);
    this.db = db;
    this.outbox = outbox ?? sqlOutbox;
    this.connectors = connectors ?? connectorFor;
    this.owner = owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.clock = clock ?? (() => new Date());
    this.random = random ?? Math.random;
    this.log = log ?? ((message) => console.log(`dispatcher: ${message}`));
  }

  /**
   * Polls until stop(). Keeps up to `concurrency` deliveries in flight: whenever some end, their results are
   * recorded and their places claimed again in one transaction (group commit: every result that came in during
   * one turn of the event loop shares one commit with the next claim), so a slow agency holds only its own
   * places, not the whole batch. Polls after `pollMs` when nothing more is due.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const results = this.finished.splice(0);
        // The places of the results recorded now are free again.
        const room = this.config.concurrency - (this.inFlight - results.length);
        let claimed = 0;
        try {
          claimed = this.recordAndClaim(results, room);
        } catch (error) {
          // Unexpected (e.g. the database is locked for longer than its busy timeout): nothing of this turn was
          // written; keep the results to record on the next turn (each checks its lease again) and poll again.
          this.finished.unshift(...results);
          console.error(`dispatcher: poll failed: ${(error as Error).message}`);
          await this.sleep(this.config.pollMs);
          continue;
        }
        if (!this.running) break;
        if (this.finished.length > 0) continue;
        if (this.inFlight >= this.config.concurrency) await this.placeFreed();
        else if (claimed < room) await this.sleep(this.config.pollMs);
        // Let the other results that arrived in this turn of the event loop join the next commit.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // Stopping: no new claims; the deliveries in flight end and are recorded.
      while (this.inFlight > 0) {
        if (this.finished.length === 0) await this.placeFreed();
        const results = this.finished.splice(0);
        try {
          this.recordAndClaim(results, 0);
        } catch (error) {
          console.error(`dispatcher: recording on stop failed: ${(error as Error).message}`);
          for (const each of results) each.recorded();
        }
      }
    })();
  }

  /** Stops polling and waits for the deliveries in flight to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.freed?.();
    await this.loop;
  }

  /** Claims one batch of due rows, delivers them concurrently, and records every result in one transaction. Returns how many it claimed. */
  async runOnce(): Promise<number> {
    const { claimed, started } = this.rowByRowOnFailure((isolated) => this.transaction((tx) => this.claimAndStart(tx, this.config.concurrency, isolated)));
    const results = await Promise.all(started.map(async (each) => ({ started: each, result: await this.deliverStarted(each), recorded: () => {} })));
    this.rowByRowOnFailure((isolated) => this.transaction((tx) => this.recordAll(tx, results, isolated)));
    return claimed;
  }

  /**
   * In one transaction: records the results that came in, then claims up to `room` due rows and starts
   * delivering each (not waiting for them). Returns how many it claimed.
   */
  private recordAndClaim(results: Finished[], room: number): number {
    if (results.length === 0 && room <= 0) return 0;
    const { claimed, started } = this.rowByRowOnFailure((isolated) =>
      this.transaction((tx) => {
        this.recordAll(tx, results, isolated);
        return room > 0 ? this.claimAndStart(tx, room, isolated) : { claimed: 0, started: [] };
      }),
    );
    for (const each of results) each.recorded();
    for (const each of started) {
      this.inFlight++;
      // Its place is free once its result is committed (counted at once, so the loop sees it on its next check).
      const recorded = () => this.inFlight--;
      void this.deliverStarted(each).then((result) => {
        this.finished.push({ started: each, result, recorded });
        this.freed?.();
        this.wake?.();
      });
    }
    return claimed;
  }

  /** One immediate transaction; the dead letters it wrote are logged once it has committed, and only then. */
  private transaction<T>(work: (tx: DbTx) => T): T {
    this.deadLetters = [];
    try {
      const result = this.db.transaction(work, { behavior: "immediate" });
      for (const fields of this.deadLetters) logDeadLetter(fields);
      return result;
    } finally {
      this.deadLetters = [];
    }
  }

  /**
   * A turn's rows are first written without savepoints: a savepoint copies every page its row touches before
   * changing it, about a twelfth of a delivery's CPU. Should a row fail unexpectedly, the whole turn is undone
   * (nothing of it was sent yet) and written again, each row in its own savepoint, so that only the failing row
   * is left out.
   */
  private rowByRowOnFailure<T>(turn: (isolated: boolean) => T): T {
    try {
      return turn(false);
    } catch (error) {
      if (!(error instanceof RowFailed)) throw error;
      return turn(true);
    }
  }

  /** One row's work: in its own savepoint when `isolated` (a failure is logged and the row left out), else a failure undoes the turn. */
  private forRow<T>(row: OutboxRow, isolated: boolean, work: () => T): T | undefined {
    if (!isolated) {
      try {
        return work();
      } catch (error) {
        throw new RowFailed(error);
      }
    }
    try {
      return this.inSavepoint(work);
    } catch (error) {
      logUnexpected(row, error);
      return undefined;
    }
  }

  /**
   * `work` inside a savepoint of the open transaction, undone alone when it throws. The same as drizzle's nested
   * `tx.transaction`, which builds a new database object (a query builder per table) for each one: once a row of a
   * turn that is written again (rowByRowOnFailure).
   */
  private inSavepoint<T>(work: () => T): T {
    const sqlite = this.db.$client;
    sqlite.prepare("SAVEPOINT dispatcher_row").run();
    try {
      const result = work();
      sqlite.prepare("RELEASE dispatcher_row").run();
      return result;
    } catch (error) {
      sqlite.prepare("ROLLBACK TO dispatcher_row").run();
      sqlite.prepare("RELEASE dispatcher_row").run();
      throw error;
    }
  }

  /** Each result: one that fails unexpectedly is undone alone (see rowByRowOnFailure) and keeps its lease until it expires. */
  private recordAll(tx: DbTx, results: Finished[], isolated: boolean) {
    for (const { started, result } of results) this.forRow(started.row, isolated, () => this.record(tx, started.row, result, started.delivery));
  }

  /**
   * Inside the caller's transaction: claims up to `limit` due rows and, for each, tells the machine its delivery
   * starts and builds the delivery (one commit, not one for the claim and one per row). A row whose start fails
   * unexpectedly is left out, its own changes undone; it keeps its lease until it expires, then is claimed again.
   */
  private claimAndStart(tx: DbTx, limit: number, isolated: boolean): { claimed: number; started: Started[] } {
    const rows = this.outbox.claim(this.db, { owner: this.owner, now: this.clock(), leaseMs: this.config.leaseMs, limit });
    const started: Started[] = [];
    for (const row of rows) {
      const delivery = this.forRow(row, isolated, () => this.prepare(tx, row));
      if (delivery) started.push({ row, ...delivery });
    }
    return { claimed: rows.length, started };
  }

  /** Resolves when a delivery in flight has been recorded (or stop() was called). */
  private placeFreed() {
    return new Promise<void>((resolve) => {
      this.freed = () => {
        this.freed = undefined;
        resolve();
      };
    });
  }

  /** Sends one delivery; never throws (a connector that throws is a temporary failure). */
  private async deliverStarted({ delivery, connector }: Started): Promise<DeliveryResult> {
    try {
      return await connector.deliver(delivery, { timeoutMs: this.config.timeoutMs, now: this.clock() });
    } catch (error) {
      return { ok: false, permanent: false, error: `connector error: ${(error as Error).name}` };
    }
  }

  /**
   * Inside the claim's transaction: tell the machine the delivery starts, and build the delivery. The lease is not
   * checked again: the claim took it in this same immediate transaction, so no one else can have taken it since.
   */
  private prepare(tx: Tx, row: OutboxRow): Omit<Started, "row"> | undefined {
    const now = this.clock();
    // Deliver only when the lease outlasts the connector's timeout, so no one else can claim it meanwhile.
    if (new Date(row.leaseExpiresAt!).getTime() - now.getTime() < this.config.timeoutMs) {
      this.outbox.release(tx, { id: row.id, owner: this.owner });
      return undefined;
    }
    const request = getProcedureRequest(tx, { procedureRequestId: row.procedureRequestId })!;
    let caseReference: string;
    if (request.status === "queued" || request.status === "retrying") {
      caseReference = applyCaseEventInTx(tx, { procedureRequestId: request.id, request, event: { type: "delivery.started" }, actor: "system:dispatcher", now, outbox: this.outbox }).caseReference;
    } else if (request.status !== "delivering") {
      // 'delivering' means an earlier claim crashed mid-delivery: deliver again with the same key.
      // Anything else is a row the machine no longer wants; keep it visible rather than drop it.
      const lastError = `procedure request is ${request.status}, not due for delivery`;
      insertDeliveryAttempt(tx, {
        outboxId: row.id,
        procedureRequestId: request.id,
        agencyId: request.agencyId,
        attempt: row.attempts,
        at: now.toISOString(),
        outcome: "permanent",
        httpStatus: null,
        error: lastError,
        responseExcerpt: null,
      });
      this.outbox.deadLetter(tx, { id: row.id, now, lastError });
      this.deadLetters.push({ outboxId: row.id, procedureRequestId: request.id, agencyId: request.agencyId, procedureId: request.procedureId, attempts: row.attempts, reason: lastError });
      return undefined;
    } else {
      caseReference = getCase(tx, { caseId: request.caseId })!.reference;
    }
    // A correction puts a rejected request back in the queue as its next delivery, so a first delivery has none.
    const correction = row.delivery > 1 ? findLatestCorrections(tx, { procedureRequestIds: [request.id] }).get(request.id) : undefined;
    const delivery: Delivery = {
      procedureRequestId: request.id,
      caseReference,
      procedureId: request.procedureId,
      agencyId: request.agencyId,
      // The one place a payload's identity numbers are opened for sending: to the organisation they are for.
      payload: openIdentityNumbers(JSON.parse(request.payload) as unknown, `procedureRequest:${request.id}`),
      deadline: request.deadline,
      idempotencyKey: row.idempotencyKey,
      // The answer goes with the delivery that follows it, never with a corrected resend: a question asked before
      // the rejection belonged to the attempt the organisation rejected.
      ...(row.delivery > 1 && request.informationAnswer !== null && !correction?.supersedesInformation
        ? { information: { question: request.informationQuestion, answer: request.informationAnswer } }
        : {}),
      ...(correction ? { correction: { resubmittedAt: correction.at, correctedItems: correction.correctedItems } } : {}),
    };
    return { delivery, connector: this.connectors(tx, request.agencyId) };
  }

  /** Inside the caller's transaction: the machine's event for the result, and the outbox row as the machine decided. */
  private record(tx: Tx, row: OutboxRow, result: DeliveryResult, delivery: Delivery) {
    const now = this.clock();
    // A lost lease means another dispatcher owns the row now; it delivers again under the same key.
    if (!this.outbox.holdsLease(tx, { id: row.id, owner: this.owner, now })) return;
    const actor = "system:dispatcher";
    insertDeliveryAttempt(tx, {
      outboxId: row.id,
      procedureRequestId: row.procedureRequestId,
      agencyId: delivery.agencyId,
      attempt: row.attempts,
      at: now.toISOString(),
      outcome: result.ok ? "delivered" : result.permanent ? "permanent" : "retry",
      httpStatus: result.httpStatus ?? null,
      error: result.ok ? null : result.error,
      responseExcerpt: answerExcerpt(result.responseBody, { payload: delivery.payload, information: delivery.information }),
    });
    if (result.ok) {
      applyCaseEventInTx(tx, {
        procedureRequestId: row.procedureRequestId,
        event: { type: "delivery.succeeded", ...(result.agencyReference ? { agencyReference: result.agencyReference } : {}) },
        actor,
        now,
        outbox: this.outbox,
      });
      this.outbox.complete(tx, { id: row.id, now });
      return;
    }
    const applied = applyCaseEventInTx(tx, {
      procedureRequestId: row.procedureRequestId,
      event: { type: "delivery.failed", attempt: row.attempts, permanent: result.permanent },
      actor,
      now,
      outbox: this.outbox,
    });
    const lastError = `attempt ${row.attempts}: ${result.error}`;
    if (applied.status === "retrying") {
      const delay = backoffDelay({ attempt: row.attempts, retryAfterMs: result.retryAfterMs }, this.config, this.random);
      this.outbox.retry(tx, { id: row.id, now, nextAttemptAt: new Date(now.getTime() + delay), lastError });
    } else {
      this.outbox.deadLetter(tx, { id: row.id, now, lastError });
      this.deadLetters.push({ outboxId: row.id, procedureRequestId: row.procedureRequestId, agencyId: delivery.agencyId, procedureId: delivery.procedureId, attempts: row.attempts, reason: lastError });
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      if (!this.keepProcessAlive) timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/**
 * An operator's retry of a dead-lettered delivery: 'operator.retried' to the machine, and the same outbox
 * row pending again (same idempotency key, attempts from zero), in one transaction.
 */
export function retryDeadLetter(db: Db, { outboxId, actor, now = new Date(), outbox = sqlOutbox }: { outboxId: string; actor: string; now?: Date; outbox?: Outbox }) {
  const row = outbox.get(db, { id: outboxId });
  if (!row) throw new CaseError("outboxRowNotFound", `No outbox row ${outboxId}`);
  if (row.status !== "dead") throw new CaseError("notDeadLettered", `Outbox row ${outboxId} is ${row.status}, not dead-lettered`);
  return applyCaseEvent(db, { procedureRequestId: row.procedureRequestId, event: { type: "operator.retried" }, actor, now, outbox });
}

/** Dead-lettered deliveries, oldest first, with what an operator needs to judge them (ids, agency, last error). */
export function listDeadLetters(db: Db, { outbox = sqlOutbox }: { outbox?: Outbox } = {}) {
  return outbox.listDead(db).map((row) => {
    const request = getProcedureRequest(db, { procedureRequestId: row.procedureRequestId })!;
    return {
      outboxId: row.id,
      procedureRequestId: row.procedureRequestId,
      caseId: request.caseId,
      procedureId: request.procedureId,
      agencyId: request.agencyId,
      attempts: row.attempts,
      lastError: row.lastError,
      deadSince: row.updatedAt,
    };
  });
}

/** The handle inside `db.transaction`: it opens savepoints. */
type DbTx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A claimed row whose delivery has started: what to send, and through which connector. */
type Started = { row: OutboxRow; delivery: Delivery; connector: Connector };

/** A delivery that has been sent and awaits recording; `recorded` ends its place in flight once committed. */
type Finished = { started: Started; result: DeliveryResult; recorded: () => void };

/** A row's unexpected failure in a turn written without savepoints: the turn is written again, row by row. */
class RowFailed extends Error {
  constructor(readonly failure: unknown) {
    super("a row failed unexpectedly");
  }
}

/** The row keeps its lease until it expires, then is claimed again: nothing is lost. */
function logUnexpected(row: OutboxRow, error: unknown) {
  console.error(`dispatcher: delivery of ${row.id} failed unexpectedly: ${error instanceof CaseError ? error.code : (error as Error).name}: ${(error as Error).message}`);
}

type DeadLetterLog = { outboxId: string; procedureRequestId: string; agencyId: string; procedureId: string; attempts: number; reason: string };

/** A new dead letter, at error level so alerting sees it: ids and the data-free reason only, never the payload. */
function logDeadLetter(fields: DeadLetterLog) {
  logger.error("delivery dead-lettered", fields);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
