// An organisation's officers manage their own counter slots: add one, change its places or close it, never
// below the bookings made and never another organisation's; each change audited; the citizen's booking page
// follows (a closed slot is not offered).
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, counterSlots } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { seedCounterSlots } from "../demo/counter-slots.server";
import { bookVisit, requireCaseVisit, visitSlots } from "../cases/counter-visits.server";
import {
  addCounterSlot,
  addDayOfSlots,
  addSlotSchema,
  capacitySchema,
  changeCounterSlotCapacity,
  counterAgencies,
  counterSlotsView,
  daySlotsSchema,
  daySlotTimes,
  slotAgencyFor,
} from "./counter-slots.server";

const { db, close } = createTestDatabase();
afterAll(close);
const today = "2026-03-01";
seedCounterSlots(db, { today });
const shinjuku = "municipality-13104";
const auditOf = (action: string) => db.select().from(auditEntries).where(eq(auditEntries.action, action)).all();

describe("counter slots managed by the organisation's officers", () => {
  it("shows each of the organisation's offices with the day's slots, in the page's language", () => {
    const view = counterSlotsView(db, { agencyId: shinjuku, day: "2026-03-23", lang: "en" });
    expect(view.agency).toBe("Shinjuku City Office");
    expect(view.offices.map((office) => office.name)).toEqual(["Shinjuku City Office, main building, residents' counter", "Shinjuku City, Yotsuya branch office"]);
    expect(view.offices[1].slots[0]).toMatchObject({ startsAt: "09:00", endsAt: "09:30", capacity: 1, booked: 0 });
    // A weekend day has none.
    expect(counterSlotsView(db, { agencyId: shinjuku, day: "2026-03-21", lang: "ja" }).offices.every((office) => office.slots.length === 0)).toBe(true);
  });

  it("adds a slot, audited; refuses another's office, a past day and a slot that exists, changing nothing", () => {
    const input = addSlotSchema.parse({ officeId: "13104-yotsuya", day: "2026-03-21", startsAt: "10:00", endsAt: "12:00", capacity: "3" });
    const id = addCounterSlot(db, { agencyId: shinjuku, input, actor: "u-officer-shinjuku", today });
    expect(db.select().from(counterSlots).where(eq(counterSlots.id, id)).get()).toMatchObject({ day: "2026-03-21", startsAt: "10:00", capacity: 3, booked: 0 });
    expect(auditOf("counter.slot.added")).toEqual([expect.objectContaining({ actor: "u-officer-shinjuku", agencyId: shinjuku, subjectId: id })]);
    const before = db.select().from(counterSlots).all().length;
    expect(() => addCounterSlot(db, { agencyId: shinjuku, input, actor: "u-officer-shinjuku", today })).toThrow("counterSlots.refused.exists");
    expect(() => addCounterSlot(db, { agencyId: "municipality-14100", input, actor: "u-officer-yokohama", today })).toThrow("counterSlots.refused.notYours");
    expect(() => addCounterSlot(db, { agencyId: shinjuku, input: { ...input, day: "2026-02-27" }, actor: "u-officer-shinjuku", today })).toThrow("counterSlots.refused.inPast");
    expect(db.select().from(counterSlots).all().length).toBe(before);
    expect(auditOf("counter.slot.added")).toHaveLength(1);
  });

  it("reads its forms strictly: times, an end after the start, places from 0 to 50", () => {
    const good = { officeId: "13104-main", day: "2026-03-23", startsAt: "17:00", endsAt: "17:30", capacity: "2" };
    expect(addSlotSchema.safeParse(good).success).toBe(true);
    const messages = (value: object) => (addSlotSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.message);
    expect(messages({ ...good, endsAt: "16:30" })).toEqual(["counterSlots.errors.endsAfterStart"]);
    expect(messages({ ...good, startsAt: "25:00" })).toContain("counterSlots.errors.time");
    expect(messages({ ...good, capacity: "0" })).toEqual(["counterSlots.errors.capacity"]);
    for (const capacity of ["", "-1", "51", "1.5", "two"]) expect(capacitySchema.safeParse({ slotId: "x", capacity }).success, capacity).toBe(false);
    expect(capacitySchema.parse({ slotId: "x", capacity: " 0 " }).capacity).toBe(0);
  });

  it("changes places and closes a slot, never below its bookings; a closed slot is not offered to the citizen", () => {
    const kase = submitSampleCase(db, "relocation", "p-tanaka-ichiro").case;
    const visit = () => requireCaseVisit(db, { kase, agencyId: shinjuku, lang: "ja", today });
    const offered = visitSlots(db, { visit: visit(), day: null, lang: "ja" });
    const [booked, other] = offered.slots.filter((slot) => slot.office.includes("本庁舎"));
    expect(bookVisit(db, { kase, visit: visit(), slotId: booked.id, actor: "user:u-tanaka" })).toEqual({ kind: "booked" });

    expect(() => changeCounterSlotCapacity(db, { agencyId: shinjuku, slotId: booked.id, capacity: 0, actor: "u-officer-shinjuku" })).toThrow("counterSlots.refused.belowBookings");
    expect(() => changeCounterSlotCapacity(db, { agencyId: "municipality-14100", slotId: other.id, capacity: 5, actor: "u-officer-yokohama" })).toThrow("counterSlots.refused.notYours");
    expect(db.select().from(counterSlots).where(eq(counterSlots.id, booked.id)).get()).toMatchObject({ capacity: 2, booked: 1 });
    expect(auditOf("counter.slot.closed")).toHaveLength(0);

    changeCounterSlotCapacity(db, { agencyId: shinjuku, slotId: booked.id, capacity: 1, actor: "u-officer-shinjuku" });
    changeCounterSlotCapacity(db, { agencyId: shinjuku, slotId: other.id, capacity: 0, actor: "u-officer-shinjuku" });
    expect(auditOf("counter.slot.capacityChanged").map((entry) => JSON.parse(entry.details))).toEqual([expect.objectContaining({ from: 2, to: 1, booked: 1 })]);
    expect(auditOf("counter.slot.closed")).toEqual([expect.objectContaining({ subjectId: other.id, agencyId: shinjuku })]);
    const now = visitSlots(db, { visit: visit(), day: offered.day, lang: "ja" }).slots.map((slot) => slot.id);
    expect(now).not.toContain(other.id);
    expect(now).toContain(booked.id);
  });

  it("adds a day of slots in one audited change, keeping the slots that exist; refuses another's office, a past day, a day already full", () => {
    expect(daySlotTimes({ from: "09:00", until: "10:40", length: 30 })).toEqual([
      { startsAt: "09:00", endsAt: "09:30" },
      { startsAt: "09:30", endsAt: "10:00" },
      { startsAt: "10:00", endsAt: "10:30" },
    ]);
    expect(daySlotTimes({ from: "16:45", until: "17:00", length: 60 })).toEqual([]);
    const input = daySlotsSchema.parse({ officeId: "13104-main", day: "2026-03-28", from: "10:00", until: "12:00", length: "30", capacity: "3" });
    expect(addDayOfSlots(db, { agencyId: shinjuku, input, actor: "u-admin", today })).toBe(4);
    const slots = () => counterSlotsView(db, { agencyId: shinjuku, day: "2026-03-28", lang: "en" }).offices[0].slots;
    expect(slots().map((slot) => [slot.startsAt, slot.endsAt, slot.capacity])).toEqual([
      ["10:00", "10:30", 3],
      ["10:30", "11:00", 3],
      ["11:00", "11:30", 3],
      ["11:30", "12:00", 3],
    ]);
    expect(auditOf("counter.slots.dayAdded")).toEqual([expect.objectContaining({ actor: "u-admin", agencyId: shinjuku, subjectId: "13104-main" })]);
    expect(JSON.parse(auditOf("counter.slots.dayAdded")[0].details)).toMatchObject({ day: "2026-03-28", from: "10:00", until: "12:00", length: 30, capacity: 3, added: 4 });
    // Overlapping the day again adds only the missing ones; the same day again adds none and is refused.
    expect(addDayOfSlots(db, { agencyId: shinjuku, input: { ...input, until: "12:30", capacity: 1 }, actor: "u-admin", today })).toBe(1);
    expect(slots()[0].capacity).toBe(3);
    expect(() => addDayOfSlots(db, { agencyId: shinjuku, input, actor: "u-admin", today })).toThrow("counterSlots.refused.exists");
    expect(() => addDayOfSlots(db, { agencyId: "municipality-14100", input, actor: "u-officer-yokohama", today })).toThrow("counterSlots.refused.notYours");
    expect(() => addDayOfSlots(db, { agencyId: shinjuku, input: { ...input, day: "2026-02-27" }, actor: "u-admin", today })).toThrow("counterSlots.refused.inPast");
    expect(slots()).toHaveLength(5);
    const messages = (value: object) => (daySlotsSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.message);
    expect(messages({ officeId: "13104-main", day: "2026-03-28", from: "12:00", until: "10:00", length: "30", capacity: "2" })).toEqual(["counterSlots.errors.endsAfterStart"]);
    expect(messages({ officeId: "13104-main", day: "2026-03-28", from: "09:00", until: "10:00", length: "45", capacity: "2" })).toEqual(["counterSlots.errors.length"]);
  });

  it("lets an officer manage their own organisation's slots only, and an administrator any organisation's that offers counter visits", () => {
    const officer = { user: { role: "officer", agencyId: shinjuku } } as Parameters<typeof slotAgencyFor>[1];
    const administrator = { user: { role: "administrator", agencyId: null } } as unknown as Parameters<typeof slotAgencyFor>[1];
    const citizen = { user: { role: "citizen", agencyId: null } } as unknown as Parameters<typeof slotAgencyFor>[1];
    // An officer's own organisation, whatever they ask for.
    expect(slotAgencyFor(db, officer, "municipality-14100")).toBe(shinjuku);
    // An administrator chooses among the organisations with a counter office; an unknown one falls back to the first.
    const offering = counterAgencies(db, "en");
    expect(offering.map((agency) => agency.id)).toEqual(["municipality-13101", "municipality-13104", "municipality-13113", "municipality-14100", "municipality-14104"]);
    expect(offering.find((agency) => agency.id === shinjuku)?.name).toBe("Shinjuku City Office");
    expect(slotAgencyFor(db, administrator, "municipality-14100")).toBe("municipality-14100");
    expect(slotAgencyFor(db, administrator, "japan-post")).toBe("municipality-13101");
    expect(slotAgencyFor(db, administrator, null)).toBe("municipality-13101");
    expect(slotAgencyFor(db, citizen, shinjuku)).toBeNull();
  });
});
