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
import { addCounterSlot, addSlotSchema, capacitySchema, changeCounterSlotCapacity, counterSlotsView } from "./counter-slots.server";

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
});
