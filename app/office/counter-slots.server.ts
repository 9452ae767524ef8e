// An organisation's own counter slots, managed by its officers: the slots of one day at each of its offices
// with their capacity and bookings; adding a slot; changing a slot's capacity or closing it (capacity 0). A
// capacity below the bookings already made is refused (the database checks it in the same UPDATE), and every
// change is audited. The citizen's booking page reads the same rows, so a change shows there at once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { addCounterSlots, getCounterSlot, listCounterOffices, listCounterSlots, setCounterSlotCapacity } from "../../db/queries/counter-visits";
import { getAgency } from "../../flows";
import type { Lang } from "../cases/case-pages.server";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "counterSlots.errors.time");
/** Places in a slot: a whole number from 0 (closed) to 50, as typed in a form. */
const capacity = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, "counterSlots.errors.capacity")
  .transform(Number)
  .refine((value) => value <= 50, "counterSlots.errors.capacity");

export const addSlotSchema = z
  .object({
    officeId: z.string().min(1, "counterSlots.errors.office"),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "counterSlots.errors.day").refine((day) => !Number.isNaN(Date.parse(day)), "counterSlots.errors.day"),
    startsAt: time,
    endsAt: time,
    capacity: capacity.refine((value) => value > 0, "counterSlots.errors.capacity"),
  })
  .refine((slot) => slot.endsAt > slot.startsAt, { message: "counterSlots.errors.endsAfterStart", path: ["endsAt"] });

export const capacitySchema = z.object({ slotId: z.string().min(1), capacity });

/** Why a change was refused, as a key in the `office` namespace; nothing changed. */
export type SlotRefusal = "counterSlots.refused.notYours" | "counterSlots.refused.exists" | "counterSlots.refused.belowBookings" | "counterSlots.refused.inPast";

export class SlotRefusedError extends Error {
  constructor(readonly refusal: SlotRefusal) {
    super(refusal);
    this.name = "SlotRefusedError";
  }
}

/** The organisation's offices and the slots of `day` at each, in time order. */
export function counterSlotsView(db: Db, { agencyId, day, lang }: { agencyId: string; day: string; lang: Lang }) {
  const offices = listCounterOffices(db, { agencyId }).map((office) => ({ id: office.id, name: lang === "en" ? office.nameEn : office.nameJa }));
  const rows = listCounterSlots(db, { agencyId, from: day, to: day });
  return {
    agency: getAgency(agencyId)?.name[lang] ?? agencyId,
    offices: offices.map((office) => ({
    ...office,
    slots: rows
      .filter((row) => row.office.id === office.id)
        .map(({ slot }) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity, booked: slot.booked })),
    })),
  };
}

/** Adds one slot at one of the organisation's offices; refused for another's office, a past day or a slot that exists. */
export function addCounterSlot(db: Db, { agencyId, input, actor, today, now = new Date() }: { agencyId: string; input: z.infer<typeof addSlotSchema>; actor: string; today: string; now?: Date }) {
  if (!listCounterOffices(db, { agencyId }).some((office) => office.id === input.officeId)) throw new SlotRefusedError("counterSlots.refused.notYours");
  if (input.day < today) throw new SlotRefusedError("counterSlots.refused.inPast");
  return db.transaction(
    (tx) => {
      const id = randomUUID();
      const added = addCounterSlots(tx, [{ id, officeId: input.officeId, day: input.day, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity }]);
      if (added === 0) throw new SlotRefusedError("counterSlots.refused.exists");
      appendAuditEntry(tx, { at: now, actor, action: "counter.slot.added", agencyId, subjectType: "counterSlot", subjectId: id, details: { ...input } });
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Changes a slot's capacity (0 closes it); refused below the bookings it holds, or for another organisation's slot. */
export function changeCounterSlotCapacity(db: Db, { agencyId, slotId, capacity: next, actor, now = new Date() }: { agencyId: string; slotId: string; capacity: number; actor: string; now?: Date }) {
  db.transaction(
    (tx) => {
      const found = getCounterSlot(tx, { slotId });
      if (!found || found.office.agencyId !== agencyId) throw new SlotRefusedError("counterSlots.refused.notYours");
      if (!setCounterSlotCapacity(tx, { slotId, capacity: next })) throw new SlotRefusedError("counterSlots.refused.belowBookings");
      appendAuditEntry(tx, {
        at: now,
        actor,
        action: next === 0 ? "counter.slot.closed" : "counter.slot.capacityChanged",
        agencyId,
        subjectType: "counterSlot",
        subjectId: slotId,
        details: { officeId: found.office.id, day: found.slot.day, startsAt: found.slot.startsAt, from: found.slot.capacity, to: next, booked: found.slot.booked },
      });
    },
    { behavior: "immediate" },
  );
}
