// The portal's side of http-channel agencies: where each receives deliveries, its signing secret, and the
// callbacks it has already sent (kept so a replayed callback is refused).
import { and, eq, gte, inArray, max, or, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { agencyChannels, agencyEndpoints, callbackReceipts, deliveryAttempts, outbox, procedureEvents, procedureRequests } from "../schema";

export type AgencyEndpointRow = typeof agencyEndpoints.$inferSelect;

export function getAgencyEndpoint(tx: Tx, { agencyId }: { agencyId: string }): AgencyEndpointRow | undefined {
  return tx.select().from(agencyEndpoints).where(eq(agencyEndpoints.agencyId, agencyId)).get();
}

export function listAgencyEndpoints(tx: Tx): AgencyEndpointRow[] {
  return tx.select().from(agencyEndpoints).all();
}

/** Adds the endpoint unless the agency has one already (an operator's change is never overwritten). */
export function insertAgencyEndpointIfMissing(tx: Tx, values: { agencyId: string; url: string; secret: string; now: string }): boolean {
  if (getAgencyEndpoint(tx, { agencyId: values.agencyId })) return false;
  tx.insert(agencyEndpoints).values({ agencyId: values.agencyId, url: values.url, secret: values.secret, updatedAt: values.now }).run();
  return true;
}

export function upsertAgencyEndpoint(tx: Tx, values: { agencyId: string; url: string; secret: string; now: string }) {
  if (!insertAgencyEndpointIfMissing(tx, values)) {
    tx.update(agencyEndpoints).set({ url: values.url, secret: values.secret, updatedAt: values.now }).where(eq(agencyEndpoints.agencyId, values.agencyId)).run();
  }
}

/** Sets the URL and the (already encrypted) secret; a rotation keeps the old one until `previousSecretExpiresAt`. */
export function updateAgencyEndpoint(
  tx: Tx,
  { agencyId, changes }: { agencyId: string; changes: Partial<Omit<AgencyEndpointRow, "agencyId">> & { updatedAt: string } },
) {
  tx.update(agencyEndpoints).set(changes).where(eq(agencyEndpoints.agencyId, agencyId)).run();
}

export function deleteAgencyEndpoint(tx: Tx, { agencyId }: { agencyId: string }) {
  tx.delete(agencyEndpoints).where(eq(agencyEndpoints.agencyId, agencyId)).run();
}

export type AgencyChannelRow = typeof agencyChannels.$inferSelect;

export function getAgencyChannel(tx: Tx, { agencyId }: { agencyId: string }): AgencyChannelRow | undefined {
  return tx.select().from(agencyChannels).where(eq(agencyChannels.agencyId, agencyId)).get();
}

export function listAgencyChannels(tx: Tx): AgencyChannelRow[] {
  return tx.select().from(agencyChannels).all();
}

export function setAgencyChannel(tx: Tx, values: AgencyChannelRow) {
  tx.insert(agencyChannels)
    .values(values)
    .onConflictDoUpdate({ target: agencyChannels.agencyId, set: { channel: values.channel, changedBy: values.changedBy, changedAt: values.changedAt } })
    .run();
}

export type AgencyDeliveryHealth = {
  agencyId: string;
  queued: number;
  failing: number;
  deadLetters: number;
  lastSuccessAt: string | null;
  /** When the oldest delivery still waiting (queued or failing) became due. */
  oldestWaitingSince: string | null;
};

/**
 * Each organisation's deliveries now: waiting for a first attempt, failing (waiting to be tried again),
 * dead letters, the oldest waiting one, and the time of its last successful delivery. Organisations with none
 * are left out.
 */
export function listAgencyDeliveryHealth(tx: Tx): AgencyDeliveryHealth[] {
  const counts = tx
    .select({
      agencyId: procedureRequests.agencyId,
      queued: sql<number>`sum(case when ${outbox.status} = 'pending' and ${outbox.lastError} is null then 1 else 0 end)`,
      failing: sql<number>`sum(case when ${outbox.status} = 'pending' and ${outbox.lastError} is not null then 1 else 0 end)`,
      deadLetters: sql<number>`sum(case when ${outbox.status} = 'dead' then 1 else 0 end)`,
      oldestWaitingSince: sql<string | null>`min(case when ${outbox.status} = 'pending' then ${outbox.createdAt} end)`,
    })
    .from(outbox)
    .innerJoin(procedureRequests, eq(procedureRequests.id, outbox.procedureRequestId))
    .groupBy(procedureRequests.agencyId)
    .all();
  const successes = tx
    .select({ agencyId: deliveryAttempts.agencyId, at: max(deliveryAttempts.at) })
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.outcome, "delivered"))
    .groupBy(deliveryAttempts.agencyId)
    .all();
  const byAgency = new Map<string, AgencyDeliveryHealth>();
  const entry = (agencyId: string) => {
    if (!byAgency.has(agencyId)) byAgency.set(agencyId, { agencyId, queued: 0, failing: 0, deadLetters: 0, lastSuccessAt: null, oldestWaitingSince: null });
    return byAgency.get(agencyId)!;
  };
  for (const row of counts) {
    Object.assign(entry(row.agencyId), {
      queued: Number(row.queued ?? 0),
      failing: Number(row.failing ?? 0),
      deadLetters: Number(row.deadLetters ?? 0),
      oldestWaitingSince: row.oldestWaitingSince ?? null,
    });
  }
  for (const row of successes) entry(row.agencyId).lastSuccessAt = row.at;
  return [...byAgency.values()];
}

/** What happened to deliveries since a time, per organisation: the facts the delivery health figures are made of. */
export type DeliveryActivity = {
  /** Each successful delivery: when it arrived, and when it became due (its outbox row was written). */
  delivered: { agencyId: string; at: string; dueSince: string }[];
  /** Each failed attempt that will be tried again, and each delivery that ended as a dead letter. */
  failures: { agencyId: string; at: string; status: "retrying" | "deadLettered" }[];
  /** Each delivery that became due. */
  arrivals: { agencyId: string; at: string }[];
};

/** The deliveries, retries, dead letters and new deliveries since `since` (ISO), every organisation's. */
export function listDeliveryActivity(tx: Tx, { since }: { since: string }): DeliveryActivity {
  const delivered = tx
    .select({ agencyId: deliveryAttempts.agencyId, at: deliveryAttempts.at, dueSince: outbox.createdAt })
    .from(deliveryAttempts)
    .innerJoin(outbox, eq(outbox.id, deliveryAttempts.outboxId))
    .where(and(eq(deliveryAttempts.outcome, "delivered"), gte(deliveryAttempts.at, since)))
    .all();
  const failures = tx
    .select({ agencyId: procedureRequests.agencyId, at: procedureEvents.at, status: procedureEvents.toStatus })
    .from(procedureEvents)
    .innerJoin(procedureRequests, eq(procedureRequests.id, procedureEvents.procedureRequestId))
    .where(and(gte(procedureEvents.at, since), inArray(procedureEvents.toStatus, ["retrying", "deadLettered"])))
    .all() as DeliveryActivity["failures"];
  const arrivals = tx
    .select({ agencyId: procedureRequests.agencyId, at: outbox.createdAt })
    .from(outbox)
    .innerJoin(procedureRequests, eq(procedureRequests.id, outbox.procedureRequestId))
    .where(gte(outbox.createdAt, since))
    .all();
  return { delivered, failures, arrivals };
}

export function findCallbackReceipt(tx: Tx, { agencyId, eventId, signature }: { agencyId: string; eventId: string; signature: string }) {
  return tx
    .select()
    .from(callbackReceipts)
    .where(or(and(eq(callbackReceipts.agencyId, agencyId), eq(callbackReceipts.eventId, eventId)), eq(callbackReceipts.signature, signature)))
    .get();
}

export function insertCallbackReceipt(tx: Tx, values: { agencyId: string; eventId: string; signature: string; procedureRequestId: string; receivedAt: string }) {
  tx.insert(callbackReceipts).values(values).run();
}
