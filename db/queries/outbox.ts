// The transactional outbox: deliveries written in the same transaction as the change that makes them due,
// claimed by dispatchers under a lease. Kept behind the small `Outbox` interface so a PostgreSQL
// deployment can serve it from pg-boss instead; the SQL here is portable (UPDATE … RETURNING, no upserts).
import { and, asc, desc, eq, isNull, lt, lte, or, sql, type Placeholder } from "drizzle-orm";
import type { Db, Tx } from "../client.server";
import { outbox, procedureRequests } from "../schema";
import { newRowId } from "../ids";
import { insertReturning, preparedOnce } from "../prepared";

export type OutboxRow = typeof outbox.$inferSelect;

export type Outbox = {
  /** Writes one pending delivery, due now, inside the caller's transaction. */
  enqueue(tx: Tx, args: { procedureRequestId: string; delivery: number; idempotencyKey: string; now: Date }): OutboxRow;
  /**
   * Atomically takes up to `limit` due rows whose lease is free or expired, leasing them to `owner`
   * until now + leaseMs, and counts the attempt. Two claimers never get the same row while a lease holds.
   */
  claim(db: Db, args: { owner: string; now: Date; leaseMs: number; limit: number }): OutboxRow[];
  /** Whether `owner` still holds the row's lease at `now` (checked inside every write after a claim). */
  holdsLease(tx: Tx, args: { id: string; owner: string; now: Date }): boolean;
  /** Gives a claimed row back untouched (its attempt is not counted). */
  release(tx: Tx, args: { id: string; owner: string }): void;
  complete(tx: Tx, args: { id: string; now: Date }): void;
  retry(tx: Tx, args: { id: string; now: Date; nextAttemptAt: Date; lastError: string }): void;
  deadLetter(tx: Tx, args: { id: string; now: Date; lastError: string }): void;
  /** An operator's retry of a dead row: pending again, attempts from zero, same idempotency key. */
  revive(tx: Tx, args: { id: string; now: Date }): void;
  /** An operator closed a dead row as handled outside Madoguchi: it leaves the dead letters for good. */
  close(tx: Tx, args: { id: string; now: Date }): void;
  get(tx: Tx, args: { id: string }): OutboxRow | undefined;
  latestForRequest(tx: Tx, args: { procedureRequestId: string }): OutboxRow | undefined;
  listDead(tx: Tx): OutboxRow[];
};

const iso = (date: Date) => date.toISOString();
const leaseFree = (now: string | Placeholder) => or(isNull(outbox.leaseExpiresAt), lt(outbox.leaseExpiresAt, now));

export const sqlOutbox: Outbox = {
  enqueue(tx, { procedureRequestId, delivery, idempotencyKey, now }) {
    return insertReturning(tx, outbox, {
        id: newRowId(),
        procedureRequestId,
        kind: "deliver",
        delivery,
        idempotencyKey,
        status: "pending",
        attempts: 0,
        nextAttemptAt: iso(now),
        createdAt: iso(now),
        updatedAt: iso(now),
      });
  },

  claim(db, { owner, now, leaseMs, limit }) {
    // In an IMMEDIATE transaction, so no other writer comes between the select and the update; each update
    // re-checks the conditions all the same (a compare-and-set). Each row is taken by its id alone: with the ids in
    // one IN list, SQLite chose the due index instead, and read every pending row to take a few (0.83 ms a row
    // with 20,000 pending; README, speedclaim). (PostgreSQL: FOR UPDATE SKIP LOCKED.)
    const at = iso(now);
    const findDue = preparedOnce(db, "outbox.due", () =>
      db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, sql.placeholder("at")), leaseFree(sql.placeholder("at"))))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(sql.placeholder("limit"))
        .prepare(),
    );
    const take = preparedOnce(db, "outbox.take", () =>
      db
        .update(outbox)
        .set({ leaseOwner: sql`${sql.placeholder("owner")}`, leaseExpiresAt: sql`${sql.placeholder("leaseExpiresAt")}`, attempts: sqlIncrement(), updatedAt: sql`${sql.placeholder("at")}` })
        .where(and(eq(outbox.id, sql.placeholder("id")), eq(outbox.status, "pending"), leaseFree(sql.placeholder("at"))))
        .returning()
        .prepare(),
    );
    const leaseExpiresAt = iso(new Date(now.getTime() + leaseMs));
    const takeDue = () => {
      const taken: OutboxRow[] = [];
      for (const { id } of findDue.all({ at, limit })) {
        const row = take.get({ id, at, owner, leaseExpiresAt });
        if (row) taken.push(row);
      }
      return taken;
    };
    // Inside the caller's transaction (the dispatcher's, which records and claims in one) it needs no other.
    return db.$client.inTransaction ? takeDue() : db.transaction(takeDue, { behavior: "immediate" });
  },

  holdsLease(tx, { id, owner, now }) {
    const row = preparedOnce(tx, "outbox.holdsLease", () =>
      tx.select({ leaseOwner: outbox.leaseOwner, leaseExpiresAt: outbox.leaseExpiresAt, status: outbox.status }).from(outbox).where(eq(outbox.id, sql.placeholder("id"))).prepare(),
    ).get({ id });
    return !!row && row.status === "pending" && row.leaseOwner === owner && !!row.leaseExpiresAt && row.leaseExpiresAt > iso(now);
  },

  release(tx, { id, owner }) {
    tx.update(outbox)
      .set({ leaseOwner: null, leaseExpiresAt: null, attempts: sqlDecrement() })
      .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner), eq(outbox.status, "pending")))
      .run();
  },

  complete(tx, { id, now }) {
    preparedOnce(tx, "outbox.complete", () =>
      tx
        .update(outbox)
        .set({ status: "delivered", leaseOwner: null, leaseExpiresAt: null, lastError: null, updatedAt: sql`${sql.placeholder("now")}` })
        .where(eq(outbox.id, sql.placeholder("id")))
        .prepare(),
    ).run({ id, now: iso(now) });
  },

  retry(tx, { id, now, nextAttemptAt, lastError }) {
    tx.update(outbox)
      .set({ nextAttemptAt: iso(nextAttemptAt), leaseOwner: null, leaseExpiresAt: null, lastError, updatedAt: iso(now) })
      .where(eq(outbox.id, id))
      .run();
  },

  deadLetter(tx, { id, now, lastError }) {
    tx.update(outbox).set({ status: "dead", leaseOwner: null, leaseExpiresAt: null, lastError, updatedAt: iso(now) }).where(eq(outbox.id, id)).run();
  },

  revive(tx, { id, now }) {
    tx.update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: iso(now), leaseOwner: null, leaseExpiresAt: null, updatedAt: iso(now) })
      .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
      .run();
  },

  close(tx, { id, now }) {
    tx.update(outbox).set({ status: "closed", updatedAt: iso(now) }).where(and(eq(outbox.id, id), eq(outbox.status, "dead"))).run();
  },

  get(tx, { id }) {
    return tx.select().from(outbox).where(eq(outbox.id, id)).get();
  },

  latestForRequest(tx, { procedureRequestId }) {
    return preparedOnce(tx, "outbox.latestForRequest", () =>
      tx.select().from(outbox).where(eq(outbox.procedureRequestId, sql.placeholder("procedureRequestId"))).orderBy(desc(outbox.delivery)).limit(1).prepare(),
    ).get({ procedureRequestId });
  },

  listDead(tx) {
    return tx.select().from(outbox).where(eq(outbox.status, "dead")).orderBy(asc(outbox.updatedAt), asc(outbox.id)).all();
  },
};

/** The dead letters per organisation (the procedure request's), for the operations console's list. */
export function countDeadLettersByAgency(tx: Tx): { agencyId: string; count: number }[] {
  return tx
    .select({ agencyId: procedureRequests.agencyId, count: sql<number>`count(*)` })
    .from(outbox)
    .innerJoin(procedureRequests, eq(procedureRequests.id, outbox.procedureRequestId))
    .where(eq(outbox.status, "dead"))
    .groupBy(procedureRequests.agencyId)
    .orderBy(asc(procedureRequests.agencyId))
    .all();
}

/** One page of dead letters, oldest first (as `listDead`), optionally of one organisation. */
export function listDeadLetterPage(tx: Tx, { agencyId, limit, offset }: { agencyId?: string; limit: number; offset: number }): OutboxRow[] {
  return tx
    .select({ outbox })
    .from(outbox)
    .innerJoin(procedureRequests, eq(procedureRequests.id, outbox.procedureRequestId))
    .where(and(eq(outbox.status, "dead"), agencyId ? eq(procedureRequests.agencyId, agencyId) : undefined))
    .orderBy(asc(outbox.updatedAt), asc(outbox.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => row.outbox);
}

function sqlIncrement() {
  return sql`${outbox.attempts} + 1`;
}
function sqlDecrement() {
  return sql`${outbox.attempts} - 1`;
}
