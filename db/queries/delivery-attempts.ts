// What each delivery attempt came to, written by the dispatcher in the transaction that records it.
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../client.server";
import { insertRow } from "../prepared";
import { deliveryAttempts } from "../schema";

export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;

export function insertDeliveryAttempt(tx: Tx, values: Omit<DeliveryAttemptRow, "id">) {
  insertRow(tx, deliveryAttempts, values);
}

export function listDeliveryAttempts(tx: Tx, { outboxId }: { outboxId: string }): DeliveryAttemptRow[] {
  return tx.select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, outboxId)).orderBy(asc(deliveryAttempts.id)).all();
}
