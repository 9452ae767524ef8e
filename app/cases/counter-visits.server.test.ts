// Booking a counter visit: slots per office and day with a capacity, inside the law's window (after the move,
// by the deadline); one active booking per case and organisation, changed or cancelled; both rules held by the
// database itself, so a write that skips this module cannot break them either.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, counterBookings, counterSlots } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { seedCounterSlots } from "../demo/counter-slots.server";
import { bookVisit, cancelVisit, caseVisits, requireCaseVisit, visitSlots } from "./counter-visits.server";

const { db, close } = createTestDatabase();
afterAll(close);
const today = "2026-03-01";
seedCounterSlots(db, { today });

const slot = (id: string) => db.select().from(counterSlots).where(eq(counterSlots.id, id)).get()!;
const activeBookings = (caseId: string) => db.select().from(counterBookings).where(and(eq(counterBookings.caseId, caseId), isNull(counterBookings.cancelledAt))).all();
const tanakaMove = () => submitSampleCase(db, "relocation", "p-tanaka-ichiro").case;

describe("counter visits", () => {
  it("lists the visit the move-in needs at the new municipality, bookable from the move date to the deadline", () => {
    const kase = tanakaMove();
    const visits = caseVisits(db, { kase, lang: "en", today });
    const visit = visits.find((candidate) => candidate.agencyId === "municipality-13104")!;
    // Other visits (the licence at the police, the gas reconnection) are listed, but not booked here.
    expect(visits.filter((candidate) => candidate !== visit).every((candidate) => !candidate.bookable)).toBe(true);
    expect(visit).toMatchObject({ agencyId: "municipality-13104", bookable: true, booking: null });
    expect(visit.procedures.map((procedure) => procedure.name)).toContain("Move-in notification");
    const moveDate = (JSON.parse(kase.answers) as { moveDate: string }).moveDate;
    expect(visit.window.from).toBe(moveDate);
    expect(visit.window.to > moveDate).toBe(true);
    const { days, day, slots } = visitSlots(db, { visit, day: null, lang: "en" });
    expect(days.every((d) => d.day >= visit.window.from && d.day <= visit.window.to)).toBe(true);
    expect(day).toBe(days[0].day);
    expect(slots.map((s) => s.office)).toContain("Shinjuku City, Yotsuya branch office");
  });

  it("fills a slot up to its capacity and no further, and the database refuses more even without this module", () => {
    const first = tanakaMove();
    const second = tanakaMove();
    const visitOf = (kase: typeof first) => requireCaseVisit(db, { kase, agencyId: "municipality-13104", lang: "ja", today });
    const branchSlot = visitSlots(db, { visit: visitOf(first), day: null, lang: "ja" }).slots.find((s) => s.office.includes("四谷"))!;
    expect(branchSlot.free).toBe(1);
    expect(bookVisit(db, { kase: first, visit: visitOf(first), slotId: branchSlot.id, actor: "user:u-tanaka" })).toEqual({ kind: "booked" });
    expect(bookVisit(db, { kase: second, visit: visitOf(second), slotId: branchSlot.id, actor: "user:u-tanaka" })).toEqual({ kind: "full" });
    expect(slot(branchSlot.id).booked).toBe(1);
    expect(activeBookings(second.id)).toEqual([]);

    expect(() => db.update(counterSlots).set({ booked: 2 }).where(eq(counterSlots.id, branchSlot.id)).run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.insert(counterBookings).values({ id: "double", slotId: branchSlot.id, caseId: first.id, agencyId: "municipality-13104", bookedBy: "user:u-tanaka", createdAt: new Date().toISOString() }).run(),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it("changes a booking (one active, places moved) and cancels it, each audited", () => {
    const kase = tanakaMove();
    const visit = () => requireCaseVisit(db, { kase, agencyId: "municipality-13104", lang: "en", today });
    const { slots } = visitSlots(db, { visit: visit(), day: null, lang: "en" });
    const [a, b] = slots.filter((s) => s.office.startsWith("Shinjuku City Office"));
    expect(bookVisit(db, { kase, visit: visit(), slotId: a.id, actor: "user:u-tanaka" })).toEqual({ kind: "booked" });
    expect(bookVisit(db, { kase, visit: visit(), slotId: a.id, actor: "user:u-tanaka" })).toEqual({ kind: "unchanged" });
    expect(bookVisit(db, { kase, visit: visit(), slotId: b.id, actor: "user:u-tanaka" })).toEqual({ kind: "changed" });
    expect(activeBookings(kase.id).map((booking) => booking.slotId)).toEqual([b.id]);
    expect([slot(a.id).booked, slot(b.id).booked]).toEqual([0, 1]);
    expect(visit().booking).toMatchObject({ slotId: b.id, startsAt: b.startsAt, office: "Shinjuku City Office, main building, residents' counter" });

    expect(cancelVisit(db, { kase, visit: visit(), actor: "user:u-tanaka" })).toBe(true);
    expect(activeBookings(kase.id)).toEqual([]);
    expect(slot(b.id).booked).toBe(0);
    expect(cancelVisit(db, { kase, visit: visit(), actor: "user:u-tanaka" })).toBe(false);

    const audit = db.select().from(auditEntries).where(eq(auditEntries.subjectId, kase.id)).all().filter((entry) => entry.action.startsWith("visit."));
    expect(audit.map((entry) => [entry.action, entry.agencyId, entry.dataSubjectId])).toEqual([
      ["visit.booked", "municipality-13104", "p-tanaka-ichiro"],
      ["visit.changed", "municipality-13104", "p-tanaka-ichiro"],
      ["visit.cancelled", "municipality-13104", "p-tanaka-ichiro"],
    ]);
  });

  it("refuses a slot before the move, or of another organisation", () => {
    const kase = tanakaMove();
    const visit = requireCaseVisit(db, { kase, agencyId: "municipality-13104", lang: "en", today });
    expect(bookVisit(db, { kase, visit, slotId: "13104-main-2026-03-02-0900", actor: "user:u-tanaka" })).toEqual({ kind: "unavailable" });
    const chiyoda = db.select().from(counterSlots).where(and(eq(counterSlots.officeId, "13101-main"), eq(counterSlots.day, visit.window.from))).get();
    expect(chiyoda).toBeDefined();
    expect(bookVisit(db, { kase, visit, slotId: chiyoda!.id, actor: "user:u-tanaka" })).toEqual({ kind: "unavailable" });
    expect(activeBookings(kase.id)).toEqual([]);
  });
});
