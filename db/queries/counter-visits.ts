// Counter offices, their time slots and the bookings in them. Capacity and "one active booking per case and
// organisation" are the database's rules (see db/schema.ts); these functions only read and write rows.
import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { listPlaceholders, listValues, preparedOnce } from "../prepared";
import { counterBookings, counterOffices, counterSlots } from "../schema";

export type CounterOfficeRow = typeof counterOffices.$inferSelect;
export type CounterSlotRow = typeof counterSlots.$inferSelect;
export type CounterBookingRow = typeof counterBookings.$inferSelect;

export function listCounterOffices(tx: Tx, { agencyId }: { agencyId: string }): CounterOfficeRow[] {
  return preparedOnce(tx, listCounterOffices, () =>
    tx.select().from(counterOffices).where(eq(counterOffices.agencyId, sql.placeholder("agencyId"))).orderBy(asc(counterOffices.id)).prepare(),
  ).all({ agencyId });
}

/** The organisations that have at least one counter office, i.e. offer counter visits. */
export function listCounterOfficeAgencies(tx: Tx): string[] {
  const rows = tx.select({ agencyId: counterOffices.agencyId }).from(counterOffices).groupBy(counterOffices.agencyId).orderBy(asc(counterOffices.agencyId)).all();
  return rows.map((row) => row.agencyId);
}

export function upsertCounterOffice(tx: Tx, office: typeof counterOffices.$inferInsert) {
  tx.insert(counterOffices).values(office).onConflictDoUpdate({ target: counterOffices.id, set: office }).run();
}

/** Adds slots that do not exist yet (same office, day and start); existing ones keep their bookings. */
export function addCounterSlots(tx: Tx, slots: (typeof counterSlots.$inferInsert)[]): number {
  let added = 0;
  for (const slot of slots) added += tx.insert(counterSlots).values(slot).onConflictDoNothing().run().changes;
  return added;
}

/** An organisation's slots between two days (inclusive), by day, then office, then time. */
export function listCounterSlots(tx: Tx, { agencyId, from, to }: { agencyId: string; from: string; to: string }) {
  return tx
    .select({ slot: counterSlots, office: counterOffices })
    .from(counterSlots)
    .innerJoin(counterOffices, eq(counterOffices.id, counterSlots.officeId))
    .where(and(eq(counterOffices.agencyId, agencyId), gte(counterSlots.day, from), lte(counterSlots.day, to)))
    .orderBy(asc(counterSlots.day), asc(counterOffices.id), asc(counterSlots.startsAt))
    .all();
}

export function getCounterSlot(tx: Tx, { slotId }: { slotId: string }) {
  return tx
    .select({ slot: counterSlots, office: counterOffices })
    .from(counterSlots)
    .innerJoin(counterOffices, eq(counterOffices.id, counterSlots.officeId))
    .where(eq(counterSlots.id, slotId))
    .get();
}

/** Takes one place in a slot if one is free; false when it is full (the CHECK is the backstop). */
export function takeSlotPlace(tx: Tx, { slotId }: { slotId: string }): boolean {
  return (
    tx
      .update(counterSlots)
      .set({ booked: sql`${counterSlots.booked} + 1` })
      .where(and(eq(counterSlots.id, slotId), lt(counterSlots.booked, counterSlots.capacity)))
      .run().changes === 1
  );
}

export function releaseSlotPlace(tx: Tx, { slotId }: { slotId: string }) {
  tx.update(counterSlots).set({ booked: sql`${counterSlots.booked} - 1` }).where(eq(counterSlots.id, slotId)).run();
}

export function insertCounterBooking(tx: Tx, booking: typeof counterBookings.$inferInsert): CounterBookingRow {
  return tx.insert(counterBookings).values(booking).returning().get();
}

export function cancelCounterBooking(tx: Tx, { bookingId, at }: { bookingId: string; at: string }) {
  tx.update(counterBookings).set({ cancelledAt: at }).where(and(eq(counterBookings.id, bookingId), isNull(counterBookings.cancelledAt))).run();
}

/** The active bookings of some cases, with slot and office. */
export function listActiveBookingsForCases(tx: Tx, { caseIds }: { caseIds: string[] }) {
  if (caseIds.length === 0) return [];
  // A status page reads these: built once for each number of cases.
  return preparedOnce(tx, `listActiveBookingsForCases.${caseIds.length}`, () =>
    tx
      .select({ booking: counterBookings, slot: counterSlots, office: counterOffices })
      .from(counterBookings)
      .innerJoin(counterSlots, eq(counterSlots.id, counterBookings.slotId))
      .innerJoin(counterOffices, eq(counterOffices.id, counterSlots.officeId))
      .where(and(inArray(counterBookings.caseId, listPlaceholders("caseId", caseIds.length)), isNull(counterBookings.cancelledAt)))
      .prepare(),
  ).all(listValues("caseId", caseIds));
}

/** One organisation's active bookings on one day, in time order: the officer's list for the counter. */
export function listActiveBookingsForDay(tx: Tx, { agencyId, day }: { agencyId: string; day: string }) {
  // The inbox shows these: built once.
  return preparedOnce(tx, listActiveBookingsForDay, () =>
    tx
      .select({ booking: counterBookings, slot: counterSlots, office: counterOffices })
      .from(counterBookings)
      .innerJoin(counterSlots, eq(counterSlots.id, counterBookings.slotId))
      .innerJoin(counterOffices, eq(counterOffices.id, counterSlots.officeId))
      .where(and(eq(counterBookings.agencyId, sql.placeholder("agencyId")), eq(counterSlots.day, sql.placeholder("day")), isNull(counterBookings.cancelledAt)))
      .orderBy(asc(counterSlots.startsAt), asc(counterOffices.id), asc(counterBookings.createdAt))
      .prepare(),
  ).all({ agencyId, day });
}

/**
 * Sets a slot's capacity if it still holds every booking (`booked <= capacity`, checked in the same UPDATE, so
 * a booking made meanwhile is never squeezed out); false when it would not, or the slot is unknown.
 */
export function setCounterSlotCapacity(tx: Tx, { slotId, capacity }: { slotId: string; capacity: number }): boolean {
  return tx.update(counterSlots).set({ capacity }).where(and(eq(counterSlots.id, slotId), lte(counterSlots.booked, capacity))).run().changes === 1;
}
