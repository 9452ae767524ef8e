// The agency back office: what an officer's inbox and procedure page show, and the decisions they make.
// Everything is scoped to the officer's own agency; a decision is an event to the case machine, nothing else.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { caseStatusFinal, dataDictionary, formView, getAgency, getProcedure, procedureStatusList, type ProcedureStatus } from "../../flows";
import type { Db } from "../../db/client.server";
import { findLatestCorrections, listProcedureEvents } from "../../db/queries/cases";
import { countInboxRequestsByStatus, countOverdueInboxRequests, findInboxRequest, inboxListLimit, listInboxRequests, type InboxFilter } from "../../db/queries/office";
import type { AuthContext } from "../identity/auth.server";
import { recordDataRead } from "../identity/auth.server";
import { rejectionText, type Lang } from "../cases/case-pages.server";
import { listActiveBookingsForCases } from "../../db/queries/counter-visits";
import { applyCaseEvent, CaseConflictError, CaseError, CaseEventRefusedError, type ProcedureEvent } from "../cases/cases.server";
import { channelOf } from "../delivery/endpoints.server";
import { acceptSchema, isDecisionIntent, rejectSchemaFor, requestInformationSchema, type DecisionIntent } from "./decision-schemas";
import type { InboxItem } from "./inbox-items";
import { deadlineFilters, inboxStatuses, statusFilters, type DeadlineFilter, type StatusFilter } from "./inbox-filters";
import { i18nServer } from "../platform/i18n/i18n.server";
import { japaneseDayOf } from "../platform/today.server";
import { openDecisionReference, openIdentityNumbers } from "../identity/security/identity-numbers.server";

export type OfficerAuth = AuthContext & { agencyId: string };

/** Statuses after which nothing more happens to a procedure request. */
export const finalStatuses: readonly string[] = caseStatusFinal;
/** Every status that is not final: the inbox asks for these by name, which its index serves (NOT IN is a scan). */
export const openStatuses: readonly string[] = procedureStatusList.filter((status) => !finalStatuses.includes(status));
/** Statuses a procedure request only reaches after it was delivered: the inbox counts them without checking. */
export const statusesAfterDelivery: readonly ProcedureStatus[] = ["delivered", "informationRequested", "accepted", "rejected"];
/** The one status in which an agency may decide: it has the procedure and nobody else is acting on it. */
export const decidableStatus: ProcedureStatus = "delivered";


/** The page's language, for texts written in the catalogue (procedure names, legal bases, labels). */
export async function pageLanguage(request: Request): Promise<Lang> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}

// ---------------------------------------------------------------------------------------------------
// Dates: deadlines are calendar dates in Japan, so "today" is today in Asia/Tokyo, not in UTC.
// ---------------------------------------------------------------------------------------------------

export function todayInTokyo(now: Date = new Date()): string {
  return japaneseDayOf(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Past its deadline (a date before today in Tokyo) and still open. */
export function isOverdue({ deadline, status }: { deadline: string | null; status: string }, today: string): boolean {
  return deadline !== null && deadline < today && !finalStatuses.includes(status);
}

// ---------------------------------------------------------------------------------------------------
// The inbox
// ---------------------------------------------------------------------------------------------------

/** The filters of the inbox's GET form; anything unknown falls back to the default (open work, any deadline). */
export function readInboxFilters(url: URL): { status: StatusFilter; deadline: DeadlineFilter } {
  const status = url.searchParams.get("status");
  const deadline = url.searchParams.get("deadline");
  return {
    status: (statusFilters as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : "open",
    deadline: (deadlineFilters as readonly string[]).includes(deadline ?? "") ? (deadline as DeadlineFilter) : "any",
  };
}

function filterFor(agencyId: string, { status, deadline }: { status: StatusFilter; deadline: DeadlineFilter }, today: string): InboxFilter {
  const filter: InboxFilter = { agencyId };
  if (status === "open") filter.statuses = [...openStatuses];
  else if (status !== "all") filter.statuses = [status];
  // Deadline filters are about work still to do: a decided procedure is never "due".
  if (deadline !== "any") filter.statuses = (filter.statuses ?? [...openStatuses]).filter((candidate) => openStatuses.includes(candidate));
  if (deadline === "overdue") filter.deadlineBefore = today;
  if (deadline === "within7" || deadline === "within30") {
    filter.deadlineFrom = today;
    filter.deadlineTo = addDays(today, deadline === "within7" ? 7 : 30);
  }
  return filter;
}

export type { InboxItem } from "./inbox-items";

/** A correction's item names as the page's language labels them. */
const correctedLabels = (items: string[], lang: Lang) => items.map((key) => dataDictionary[key as keyof typeof dataDictionary]?.label[lang] ?? key);

/**
 * One agency's inbox: the requests the filters select, sorted by deadline, with a count per status and the
 * number overdue. It holds no personal data (references, procedures, dates), so reading it is not logged.
 */
export function inboxView(db: Db, { agencyId, filters, lang, now = new Date() }: { agencyId: string; filters: { status: StatusFilter; deadline: DeadlineFilter }; lang: Lang; now?: Date }) {
  const today = todayInTokyo(now);
  const rows = listInboxRequests(db, filterFor(agencyId, filters, today));
  const counts = countInboxRequestsByStatus(db, {
    agencyId,
    afterDelivery: [...statusesAfterDelivery],
    otherStatuses: procedureStatusList.filter((status) => !statusesAfterDelivery.includes(status)),
  });
  // Only a request waiting for a decision shows a correction, and only one rejected before can have one.
  const corrections = findLatestCorrections(db, { procedureRequestIds: rows.filter((row) => row.status === decidableStatus && row.rejectedBefore).map((row) => row.id) });
  const items = rows.map((row): InboxItem => {
    const item: InboxItem = {
      id: row.id,
      procedureName: getProcedure(row.procedureId)?.name[lang] ?? row.procedureId,
      caseReference: row.caseReference,
      status: row.status,
      receivedAt: row.createdAt,
    };
    if (row.deadline !== null) item.deadline = row.deadline;
    if (isOverdue(row, today)) item.overdue = true;
    const correction = corrections.get(row.id);
    if (row.informationAnswer !== null && row.status === decidableStatus && !correction?.supersedesInformation) item.answerReceived = true;
    if (correction) item.corrected = correctedLabels(correction.correctedItems, lang);
    return item;
  });
  // The default view lists every open request when it is not cut at the limit: its overdue rows are then exactly
  // the open requests past their deadline, counted without asking again.
  const listsAllOpen = filters.status === "open" && filters.deadline === "any" && rows.length < inboxListLimit;
  return {
    agency: getAgency(agencyId)?.name[lang] ?? agencyId,
    items,
    counts: inboxStatuses.map((status) => ({ status, count: counts[status] ?? 0 })).filter((entry) => entry.count > 0),
    overdueCount: listsAllOpen
      ? items.reduce((overdue, item) => (item.overdue ? overdue + 1 : overdue), 0)
      : countOverdueInboxRequests(db, { agencyId, today, openStatuses: [...openStatuses] }),
  };
}

// ---------------------------------------------------------------------------------------------------
// The procedure page
// ---------------------------------------------------------------------------------------------------

/** A procedure request of the officer's agency, or a thrown 404 that says nothing about it. */
export function requireInboxRequest(db: Db, auth: OfficerAuth, procedureRequestId: string | undefined) {
  const found = procedureRequestId ? findInboxRequest(db, { agencyId: auth.agencyId, procedureRequestId }) : undefined;
  if (!found) throw new Response("Not Found", { status: 404 });
  return found;
}

/** The items the citizen consented to send this agency for this procedure, as recorded on the case. */
function consentedItems(consent: string, procedureId: string, agencyId: string): Set<string> {
  try {
    const parsed = JSON.parse(consent) as { procedures?: { procedureId: string; agencyId: string; dataItems: string[] }[] };
    const entry = parsed.procedures?.find((p) => p.procedureId === procedureId && p.agencyId === agencyId);
    return new Set(entry?.dataItems ?? []);
  } catch {
    return new Set();
  }
}

export type PayloadItem = { key: string; label: string; value: unknown };

/**
 * What the officer reads: exactly the stored payload's items that the citizen consented to send (the
 * payload already holds nothing else; the consent is checked again so a payload can never show more),
 * labelled from the data dictionary. The read is recorded in the audit log for the citizen's data-use page.
 */
export function procedurePageView(db: Db, auth: OfficerAuth, procedureRequestId: string | undefined, { lang, now = new Date() }: { lang: Lang; now?: Date }) {
  const { request, kase } = requireInboxRequest(db, auth, procedureRequestId);
  const procedure = getProcedure(request.procedureId);
  const consented = consentedItems(kase.consent, request.procedureId, request.agencyId);
  // This organisation's officer reads the numbers sent to it in clear; the read is audited just below.
  const payload = openIdentityNumbers(JSON.parse(request.payload) as Record<string, unknown>, `procedureRequest:${request.id}`);
  const order = procedure?.dataItems ?? Object.keys(payload);
  const items: PayloadItem[] = order
    .filter((key) => key in payload && consented.has(key))
    .map((key) => ({ key, label: dataDictionary[key as keyof typeof dataDictionary]?.label[lang] ?? key, value: payload[key] }));
  recordDataRead(db, auth, {
    dataSubjectId: kase.applicantId,
    subjectType: "procedureRequest",
    subjectId: request.id,
    // "procedure" is the purpose the citizen's data-use page names ("deciding a procedure"); which one is in details.
    purpose: "procedure",
    details: { caseReference: kase.reference, procedureId: request.procedureId, dataItems: items.map((item) => item.key) },
  });
  const today = todayInTokyo(now);
  const correction = correctionOf(db, request.id, lang);
  // The official form as this office knows it, filled only with what the page shows (the consented items).
  const shown = Object.fromEntries(items.map((item) => [item.key, item.value]));
  const form = procedure?.form ? formView(procedure.form, shown, lang) : null;
  return {
    id: request.id,
    procedureName: procedure?.name[lang] ?? request.procedureId,
    caseReference: kase.reference,
    status: request.status,
    deadline: request.deadline,
    overdue: isOverdue(request, today),
    legalBasis: procedure?.legalBasis[lang] ?? null,
    inPerson: request.inPerson,
    inPersonNote: procedure?.inPersonNote?.[lang] ?? null,
    visit: bookedVisit(db, { caseId: kase.id, agencyId: request.agencyId, lang }),
    receivedAt: request.createdAt,
    correction,
    items,
    form,
    // The organisation's own reference, in clear for its officer.
    decisionReference: openDecisionReference(request.id, request.decisionReference),
    rejection: rejectionText(request.procedureId, request.rejectionReason, lang),
    // A question asked and answered before the rejection stays readable, as the earlier attempt's, not as current.
    information: request.informationQuestion
      ? {
          question: request.informationQuestion,
          answer: request.informationAnswer && request.status !== "informationRequested" ? request.informationAnswer : null,
          earlier: correction?.supersedesInformation === true,
        }
      : null,
    rejectionReasons: (procedure?.rejectionReasons ?? []).map((reason) => ({ code: reason.code, text: reason.text[lang] })),
    /** Decisions happen here only for inbox agencies; http agencies decide in their own system. */
    decidesHere: channelOf(db, request.agencyId) !== "http",
    canDecide: channelOf(db, request.agencyId) !== "http" && request.status === decidableStatus,
    timeline: listProcedureEvents(db, { procedureRequestId: request.id }).map((event) => ({ status: event.toStatus, at: event.at })),
  };
}

/** When the person corrected this procedure after a rejection and sent it again, and what they changed. */
function correctionOf(db: Db, procedureRequestId: string, lang: Lang) {
  const correction = findLatestCorrections(db, { procedureRequestIds: [procedureRequestId] }).get(procedureRequestId);
  return correction ? { at: correction.at, items: correctedLabels(correction.correctedItems, lang), supersedesInformation: correction.supersedesInformation } : null;
}

/** The counter visit the person booked with this organisation for this case, if any. */
function bookedVisit(db: Db, { caseId, agencyId, lang }: { caseId: string; agencyId: string; lang: Lang }) {
  const row = listActiveBookingsForCases(db, { caseIds: [caseId] }).find((candidate) => candidate.booking.agencyId === agencyId);
  return row ? { day: row.slot.day, startsAt: row.slot.startsAt, endsAt: row.slot.endsAt, office: lang === "en" ? row.office.nameEn : row.office.nameJa } : null;
}

// ---------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------

export type DecisionOutcome =
  | { kind: "decided"; intent: DecisionIntent }
  | { kind: "invalid"; intent: DecisionIntent; result: SubmissionResult<string[]> }
  | { kind: "refused"; intent: DecisionIntent | null; message: string };

/** The rejection as the case stores it and the citizen's page reads it: "<code>|<free text>". */
export const rejectionReasonOf = (code: string, note?: string) => (note ? `${code}|${note}` : code);

/**
 * Validates and applies one decision form. A request of another agency is a thrown 404 (its existence is not
 * revealed); a decision the case machine refuses (already decided, waiting for the citizen) or made by an
 * agency that decides in its own system is a translated refusal, and nothing changes.
 */
export function decideProcedureRequest(db: Db, auth: OfficerAuth, procedureRequestId: string | undefined, form: FormData, { now = new Date() }: { now?: Date } = {}): DecisionOutcome {
  const { request } = requireInboxRequest(db, auth, procedureRequestId);
  const intent = form.get("intent");
  if (!isDecisionIntent(intent)) return { kind: "refused", intent: null, message: "decision.refused.unknownIntent" };
  const procedure = getProcedure(request.procedureId);
  const schema =
    intent === "accept" ? acceptSchema : intent === "reject" ? rejectSchemaFor((procedure?.rejectionReasons ?? []).map((r) => r.code)) : requestInformationSchema;
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
  if (channelOf(db, request.agencyId) === "http") return { kind: "refused", intent, message: "decision.refused.ownSystem" };

  const value = submission.value as { reference?: string; reasonCode?: string; note?: string; question?: string };
  const event: ProcedureEvent =
    intent === "accept"
      ? { type: "agency.accepted", reference: value.reference! }
      : intent === "reject"
        ? { type: "agency.rejected", reason: rejectionReasonOf(value.reasonCode!, value.note) }
        : { type: "agency.informationRequested", question: value.question! };
  try {
    applyCaseEvent(db, { procedureRequestId: request.id, event, actor: `user:${auth.user.id}`, now });
  } catch (error) {
    if (error instanceof CaseEventRefusedError) {
      return { kind: "refused", intent, message: finalStatuses.includes(error.status) ? "decision.refused.alreadyFinal" : "decision.refused.notDecidable" };
    }
    if (error instanceof CaseConflictError) return { kind: "refused", intent, message: "decision.refused.conflict" };
    if (error instanceof CaseError) return { kind: "refused", intent, message: "decision.refused.notDecidable" };
    throw error;
  }
  return { kind: "decided", intent };
}
