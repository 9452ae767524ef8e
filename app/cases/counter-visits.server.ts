// Counter visits the law still requires (the move-in notification): the person books a time slot the
// organisation offers, changes or cancels it; the data has gone ahead, so the visit is a formality. One active
// booking per case and organisation covers every procedure of that case there (the My Number Card update is
// done in the same visit). Capacity and double booking are enforced by the database (db/schema.ts).
import { randomUUID } from "node:crypto";
import { getAgency, getProcedure, type Answers } from "../../flows";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { listProcedureRequestsForCase, type CaseRow, type ProcedureRequestRow } from "../../db/queries/cases";
import {
  cancelCounterBooking,
  getCounterSlot,
  insertCounterBooking,
  listActiveBookingsForCases,
  listCounterOffices,
  listCounterSlots,
  releaseSlotPlace,
  takeSlotPlace,
} from "../../db/queries/counter-visits";
import { todayInJapan } from "../platform/today.server";
import type { Lang } from "./case-pages.server";

const settled = ["accepted", "rejected", "cancelled", "closedOutside", "notSelected"];
/** How far ahead a person may book when no deadline bounds it. */
const OPEN_WINDOW_DAYS = 30;

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export type VisitBooking = { id: string; slotId: string; day: string; startsAt: string; endsAt: string; office: string; address: string };

export type CaseVisit = {
  agencyId: string;
  organisation: string;
  /** The procedures this visit is for (their request ids and names). */
  procedures: { id: string; name: string }[];
  /** Whether the organisation offers slots through Madoguchi. */
  bookable: boolean;
  booking: VisitBooking | null;
  /** The days a slot may be booked on: from the day after today (and not before the move) to the deadline. */
  window: { from: string; to: string };
};

/** Procedures of the case that still need the person at a counter the law requires (not those filed by post). */
function visitRequests(requests: ProcedureRequestRow[]) {
  return requests.filter((request) => request.inPerson && getProcedure(request.procedureId)?.inPerson === true && !settled.includes(request.status));
}

function bookingView(row: ReturnType<typeof listActiveBookingsForCases>[number], lang: Lang): VisitBooking {
  return {
    id: row.booking.id,
    slotId: row.slot.id,
    day: row.slot.day,
    startsAt: row.slot.startsAt,
    endsAt: row.slot.endsAt,
    office: lang === "en" ? row.office.nameEn : row.office.nameJa,
    address: lang === "en" ? row.office.addressEn : row.office.addressJa,
  };
}

/** Every organisation the person must still visit for this case, with the booking if there is one. */
export function caseVisits(
  db: Db,
  { kase, lang, today = todayInJapan(), requests: caseRequests }: { kase: CaseRow; lang: Lang; today?: string; requests?: ProcedureRequestRow[] },
): CaseVisit[] {
  // The status page passes the case's requests it has already read.
  const requests = visitRequests(caseRequests ?? listProcedureRequestsForCase(db, { caseId: kase.id }));
  if (requests.length === 0) return [];
  const bookings = listActiveBookingsForCases(db, { caseIds: [kase.id] });
  // The answers (the whole journey) are read only for a procedure whose window starts at one of them.
  let answers: Answers | undefined;
  const answersOf = () => (answers ??= JSON.parse(kase.answers) as Answers);
  const byAgency = new Map<string, ProcedureRequestRow[]>();
  for (const request of requests) byAgency.set(request.agencyId, [...(byAgency.get(request.agencyId) ?? []), request]);
  return [...byAgency.entries()].map(([agencyId, inAgency]) => {
    // Not before the day the law counts from (the move: a move-in is made after moving in), nor after the deadline.
    const around = inAgency.map((request) => getProcedure(request.procedureId)?.filingWindow?.around).find(Boolean);
    const startDay = around && typeof answersOf()[around] === "string" ? (answersOf()[around] as string) : null;
    const from = [addDays(today, 1), startDay ?? ""].sort().at(-1)!;
    const deadlines = inAgency.map((request) => request.deadline).filter((deadline): deadline is string => !!deadline).sort();
    const booking = bookings.find((row) => row.booking.agencyId === agencyId);
    return {
      agencyId,
      organisation: getAgency(agencyId)?.name[lang] ?? agencyId,
      procedures: inAgency.map((request) => ({ id: request.id, name: getProcedure(request.procedureId)?.name[lang] ?? request.procedureId })),
      bookable: listCounterOffices(db, { agencyId }).length > 0,
      booking: booking ? bookingView(booking, lang) : null,
      window: { from, to: deadlines[0] ?? addDays(from, OPEN_WINDOW_DAYS) },
    };
  });
}

export function requireCaseVisit(db: Db, { kase, agencyId, lang, today }: { kase: CaseRow; agencyId: string | undefined; lang: Lang; today?: string }): CaseVisit {
  const visit = caseVisits(db, { kase, lang, today }).find((candidate) => candidate.agencyId === agencyId);
  if (!visit || !visit.bookable) throw new Response("Not Found", { status: 404 });
  return visit;
}

export type SlotView = { id: string; startsAt: string; endsAt: string; office: string; free: number };

/** The days with a free place in the visit's window, and the slots of the chosen day. */
export function visitSlots(db: Db, { visit, day, lang }: { visit: CaseVisit; day: string | null; lang: Lang }) {
  // A slot the office closed (no places) is not offered.
  const rows = listCounterSlots(db, { agencyId: visit.agencyId, from: visit.window.from, to: visit.window.to }).filter(({ slot }) => slot.capacity > 0);
  const days = new Map<string, number>();
  for (const { slot } of rows) days.set(slot.day, (days.get(slot.day) ?? 0) + (slot.capacity - slot.booked));
  const freeDays = [...days.entries()].filter(([, free]) => free > 0).map(([date, free]) => ({ day: date, free }));
  const chosen = day && days.has(day) ? day : (visit.booking && days.has(visit.booking.day) ? visit.booking.day : (freeDays[0]?.day ?? null));
  const slots: SlotView[] = rows
    .filter(({ slot }) => slot.day === chosen)
    .map(({ slot, office }) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, office: lang === "en" ? office.nameEn : office.nameJa, free: slot.capacity - slot.booked }));
  return { days: freeDays, day: chosen, slots };
}

export type BookingOutcome = { kind: "booked" | "changed" | "unchanged" } | { kind: "full" | "unavailable" };

type Actor = { actor: string; onBehalfOf?: string | null };

/**
 * Books the slot for this case and organisation, or moves the booking there, in one transaction: the new place
 * is taken only if one is free (a conditional UPDATE, under the capacity CHECK), the old one released, and the
 * partial unique index refuses a second active booking, so two tabs cannot double-book. Audited.
 */
export function bookVisit(db: Db, { kase, visit, slotId, actor, onBehalfOf = null, now = new Date() }: { kase: CaseRow; visit: CaseVisit; slotId: string } & Actor & { now?: Date }): BookingOutcome {
  const target = getCounterSlot(db, { slotId });
  if (!target || target.office.agencyId !== visit.agencyId || target.slot.day < visit.window.from || target.slot.day > visit.window.to) return { kind: "unavailable" };
  if (visit.booking?.slotId === slotId) return { kind: "unchanged" };
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const current = listActiveBookingsForCases(tx, { caseIds: [kase.id] }).find((row) => row.booking.agencyId === visit.agencyId);
      if (!takeSlotPlace(tx, { slotId })) return { kind: "full" as const };
      if (current) {
        cancelCounterBooking(tx, { bookingId: current.booking.id, at });
        releaseSlotPlace(tx, { slotId: current.slot.id });
      }
      insertCounterBooking(tx, { id: randomUUID(), slotId, caseId: kase.id, agencyId: visit.agencyId, bookedBy: actor, createdAt: at });
      appendAuditEntry(tx, {
        at: now,
        actor,
        onBehalfOf,
        action: current ? "visit.changed" : "visit.booked",
        subjectType: "case",
        subjectId: kase.id,
        dataSubjectId: kase.applicantId,
        agencyId: visit.agencyId,
        details: { caseReference: kase.reference, officeId: target.office.id, day: target.slot.day, startsAt: target.slot.startsAt, ...(current ? { previous: { day: current.slot.day, startsAt: current.slot.startsAt } } : {}) },
      });
      return { kind: current ? ("changed" as const) : ("booked" as const) };
    },
    { behavior: "immediate" },
  );
}

/** Cancels the case's booking with this organisation, releasing its place. Audited. */
export function cancelVisit(db: Db, { kase, visit, actor, onBehalfOf = null, now = new Date() }: { kase: CaseRow; visit: CaseVisit } & Actor & { now?: Date }): boolean {
  return db.transaction(
    (tx) => {
      const current = listActiveBookingsForCases(tx, { caseIds: [kase.id] }).find((row) => row.booking.agencyId === visit.agencyId);
      if (!current) return false;
      cancelCounterBooking(tx, { bookingId: current.booking.id, at: now.toISOString() });
      releaseSlotPlace(tx, { slotId: current.slot.id });
      appendAuditEntry(tx, {
        at: now,
        actor,
        onBehalfOf,
        action: "visit.cancelled",
        subjectType: "case",
        subjectId: kase.id,
        dataSubjectId: kase.applicantId,
        agencyId: visit.agencyId,
        details: { caseReference: kase.reference, day: current.slot.day, startsAt: current.slot.startsAt },
      });
      return true;
    },
    { behavior: "immediate" },
  );
}
