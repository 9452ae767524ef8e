// The portal's side of http-channel agencies: where each receives deliveries, its signing secret, and the
// callbacks it has already sent (kept so a replayed callback is refused).
import { and, eq, or } from "drizzle-orm";
import type { Tx } from "../client.server";
import { agencyEndpoints, callbackReceipts } from "../schema";

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
