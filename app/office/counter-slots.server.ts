// An organisation's counter slots, managed by its officers, or by an administrator for any organisation that
// offers counter visits: the slots of one day at each of its offices with their capacity and bookings; adding
// one slot or a whole day of them; changing a slot's capacity or closing it (capacity 0). A capacity below the
// bookings already made is refused (the database checks it in the same UPDATE), and every change is audited as
// the person's who made it. The citizen's booking page reads the same rows, so a change shows there at once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { addCounterSlots, getCounterSlot, listCounterOfficeAgencies, listCounterOffices, listCounterSlots, setCounterSlotCapacity } from "../../db/queries/counter-visits";
import { getAgency } from "../../flows";
import type { Lang } from "../cases/case-pages.server";
import type { AuthContext } from "../identity/auth.server";

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

/** The lengths a day's slots may have, in minutes. */
export const slotLengths = [15, 20, 30, 60] as const;

/** A day of slots at one office: from a time until a time, every `length` minutes, each with the same places. */
export const daySlotsSchema = z
  .object({
    officeId: z.string().min(1, "counterSlots.errors.office"),
    day: addSlotSchema.innerType().shape.day,
    from: time,
    until: time,
    length: z.enum(slotLengths.map(String) as [string, ...string[]], { message: "counterSlots.errors.length" }).transform(Number),
    capacity: capacity.refine((value) => value > 0, "counterSlots.errors.capacity"),
  })
  .refine((slots) => slots.until > slots.from, { message: "counterSlots.errors.endsAfterStart", path: ["until"] });

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The slots a day form describes: only whole slots that end by `until`. */
export function daySlotTimes({ from, until, length }: { from: string; until: string; length: number }): { startsAt: string; endsAt: string }[] {
  const times: { startsAt: string; endsAt: string }[] = [];
  for (let start = minutesOf(from); start + length <= minutesOf(until); start += length) times.push({ startsAt: hhmmOf(start), endsAt: hhmmOf(start + length) });
  return times;
}

/** The organisations that offer counter visits (they have a counter office), named in the page's language. */
export function counterAgencies(db: Db, lang: Lang): { id: string; name: string }[] {
  return listCounterOfficeAgencies(db).map((id) => ({ id, name: getAgency(id)?.name[lang] ?? id }));
}

/**
 * Whose slots this person manages: an officer, their own organisation's, whatever they ask for; an administrator,
 * the organisation they chose among those offering counter visits (the first one when none or an unknown one is asked).
 * Null when there is none to manage.
 */
export function slotAgencyFor(db: Db, auth: Pick<AuthContext, "user">, asked: string | null): string | null {
  if (auth.user.role === "officer") return auth.user.agencyId ?? null;
  if (auth.user.role !== "administrator") return null;
  const offering = listCounterOfficeAgencies(db);
  return asked && offering.includes(asked) ? asked : (offering[0] ?? null);
}

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
        .map(({ slot }) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity, booked: slot.booked, officeName: office.name })),
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

/**
 * Adds a day of slots at one of the organisation's offices (those that exist already are kept as they are, with their
 * bookings), as one audited change. Returns how many were added; refused for another's office or a past day.
 */
export function addDayOfSlots(db: Db, { agencyId, input, actor, today, now = new Date() }: { agencyId: string; input: z.infer<typeof daySlotsSchema>; actor: string; today: string; now?: Date }) {
  if (!listCounterOffices(db, { agencyId }).some((office) => office.id === input.officeId)) throw new SlotRefusedError("counterSlots.refused.notYours");
  if (input.day < today) throw new SlotRefusedError("counterSlots.refused.inPast");
  const times = daySlotTimes(input);
  return db.transaction(
    (tx) => {
      const added = addCounterSlots(
        tx,
        times.map(({ startsAt, endsAt }) => ({ id: randomUUID(), officeId: input.officeId, day: input.day, startsAt, endsAt, capacity: input.capacity })),
      );
      if (added === 0) throw new SlotRefusedError("counterSlots.refused.exists");
      appendAuditEntry(tx, { at: now, actor, action: "counter.slots.dayAdded", agencyId, subjectType: "counterOffice", subjectId: input.officeId, details: { ...input, added } });
      return added;
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
