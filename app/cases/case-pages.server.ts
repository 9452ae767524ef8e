// What the citizen's case pages show: each procedure with its organisation, status, timeline, deadline and
// the organisation's message, read only for the person the case is about (or whoever acts for them).
import type { AuthContext } from "../identity/auth.server";
import { requireCanActFor } from "../identity/auth.server";
import type { Db } from "../../db/client.server";
import {
  countCasesWithProcedureStatus,
  findCaseByReference,
  getProcedureRequest,
  listProcedureEventsForCase,
  listProcedureRequestsForCase,
  type CaseRow,
  type ProcedureRequestRow,
} from "../../db/queries/cases";
import { formView, getAgency, getProcedure, identityNumberReferences, type ProcedureStatus } from "../../flows";
import { canApplyCaseEvent } from "./cases.server";
import { correctableItems } from "./correction.server";
import { caseVisits } from "./counter-visits.server";
import { maskIdentityNumber, maskIdentityNumbersIn, openDecisionReference, openIdentityNumbers } from "../identity/security/identity-numbers.server";

export type Lang = "ja" | "en";

export function requireCaseForApplicant(db: Db, auth: AuthContext, reference: string | undefined) {
  const kase = reference ? findCaseByReference(db, { reference }) : undefined;
  if (!kase) throw new Response("Not Found", { status: 404 });
  requireCanActFor(auth, kase.applicantId);
  return kase;
}

/** Procedure statuses that wait for the applicant: an organisation asked them something. */
export const statusesNeedingApplicant = ["informationRequested"];

/** How many of a person's or company's cases wait for them to do something (the header's count). */
export function countCasesNeedingAction(db: Db, { applicantId }: { applicantId: string }): number {
  return countCasesWithProcedureStatus(db, { applicantId, statuses: statusesNeedingApplicant });
}

/**
 * Words an organisation's staff wrote themselves (a question, a note with a rejection), shown as theirs, untranslated,
 * with their language so the page can mark it (`lang`) and say so when the reader reads another language. The
 * language is read from the script: any kana or kanji is Japanese, otherwise English.
 */
export type OrganisationWords = { text: string; lang: Lang };

export function organisationWords(text: string | null | undefined): OrganisationWords | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return { text: trimmed, lang: /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(trimmed) ? "ja" : "en" };
}

/** A rejection split into the listed reason (in the reader's language) and the officer's own note, with the next step it allows. */
export function rejectionOf(procedureId: string, reason: string | null, lang: Lang) {
  if (!reason) return null;
  const procedure = getProcedure(procedureId);
  const [code, ...rest] = reason.split("|");
  const listed = procedure?.rejectionReasons.find((r) => r.code === code);
  if (!listed) return { reason: null, note: organisationWords(reason), nextStep: "correct" as const };
  return { reason: listed.text[lang], note: organisationWords(rest.join("|")), nextStep: listed.nextStep ?? ("correct" as const) };
}

/** The organisation's reason in the citizen's language: a listed reason's text, else the words as sent. */
export function rejectionText(procedureId: string, reason: string | null, lang: Lang): string | null {
  if (!reason) return null;
  const procedure = getProcedure(procedureId);
  const [code, ...rest] = reason.split("|");
  const listed = procedure?.rejectionReasons.find((r) => r.code === code);
  if (!listed) return reason;
  const note = rest.join("|").trim();
  return note ? `${listed.text[lang]} ${note}` : listed.text[lang];
}

/**
 * The procedure's official form as the person's data filled it (what was sent), identity numbers masked:
 * only their last four characters (the full number went to the organisation).
 */
function filledFormView(procedureRequestId: string, procedureId: string, payloadJson: string, lang: Lang) {
  const form = getProcedure(procedureId)?.form;
  if (!form) return null;
  const payload = maskIdentityNumbersIn(openIdentityNumbers(JSON.parse(payloadJson) as Record<string, unknown>, `procedureRequest:${procedureRequestId}`));
  return formView(form, payload, lang);
}

/**
 * One procedure's filled form on its printable page: the case must be the applicant's and the procedure request
 * one of its own (anything else is a 404, revealing nothing), as must a procedure without a form.
 */
export function printableFormView(db: Db, { kase, procedureRequestId, lang }: { kase: { id: string; reference: string; createdAt: string }; procedureRequestId: string | undefined; lang: Lang }) {
  const request = procedureRequestId ? getProcedureRequest(db, { procedureRequestId }) : undefined;
  if (!request || request.caseId !== kase.id) throw new Response("Not Found", { status: 404 });
  const form = filledFormView(request.id, request.procedureId, request.payload, lang);
  if (!form) throw new Response("Not Found", { status: 404 });
  return {
    id: request.id,
    procedureName: getProcedure(request.procedureId)?.name[lang] ?? request.procedureId,
    organisation: getAgency(request.agencyId)?.name[lang] ?? request.agencyId,
    caseReference: kase.reference,
    filedAt: kase.createdAt,
    form,
  };
}

/** How the status page groups procedures: what the person must do first, then the rest by state. */
export type ProcedureGroup = "needsAction" | "rejected" | "inProgress" | "waiting" | "done" | "stopped";

const groupOf: Record<ProcedureStatus, ProcedureGroup> = {
  informationRequested: "needsAction",
  rejected: "rejected",
  queued: "inProgress",
  delivering: "inProgress",
  retrying: "inProgress",
  deadLettered: "inProgress",
  delivered: "inProgress",
  waiting: "waiting",
  accepted: "done",
  closedOutside: "done",
  cancelled: "stopped",
  notSelected: "stopped",
};

export const groupOrder: ProcedureGroup[] = ["needsAction", "rejected", "inProgress", "waiting", "done", "stopped"];

const finished: ProcedureStatus[] = ["accepted", "rejected", "cancelled", "closedOutside", "notSelected"];

function maskedReference(procedureRequestId: string, procedureId: string, stored: string | null): string | null {
  const reference = openDecisionReference(procedureRequestId, stored);
  return reference !== null && identityNumberReferences().has(procedureId) ? maskIdentityNumber(reference) : reference;
}

export function caseStatusView(db: Db, { caseId, lang, requests }: { caseId: string; lang: Lang; requests?: ProcedureRequestRow[] }) {
  const timelines = new Map<string, { status: string; resubmitted: boolean; at: string }[]>();
  for (const event of listProcedureEventsForCase(db, { caseId })) {
    const timeline = timelines.get(event.procedureRequestId) ?? [];
    // Parsed only when it can be a resubmission: most events' details are never shown.
    const resubmitted = event.detail.includes("citizen.resubmitted") && (JSON.parse(event.detail) as { event?: string }).event === "citizen.resubmitted";
    timeline.push({ status: event.toStatus, resubmitted, at: event.at });
    timelines.set(event.procedureRequestId, timeline);
  }
  return (requests ?? listProcedureRequestsForCase(db, { caseId })).map((request) => {
    const procedure = getProcedure(request.procedureId);
    const status = request.status as ProcedureStatus;
    const rejection = status === "rejected" ? rejectionOf(request.procedureId, request.rejectionReason, lang) : null;
    const offline = request.inPerson && procedure?.inPerson === false;
    return {
      id: request.id,
      procedureId: request.procedureId,
      name: procedure?.name[lang] ?? request.procedureId,
      organisation: getAgency(request.agencyId)?.name[lang] ?? request.agencyId,
      status,
      group: groupOf[status] ?? "inProgress",
      deadline: request.deadline,
      inPerson: request.inPerson,
      // In person although the procedure is online: this person files it by post or at the counter.
      offline,
      // Still to be done in person (a visit the law requires, or a form to post or bring).
      visitDue: request.inPerson && !finished.includes(status),
      inPersonNote: (offline ? procedure?.offlineNote?.[lang] : procedure?.inPersonNote?.[lang]) ?? null,
      // Not a visit the law requires: the company needs someone there (立会い), e.g. to open the gas.
      presenceNote: ["rejected", "cancelled", "closedOutside", "notSelected"].includes(status) ? null : (procedure?.presenceNote?.[lang] ?? null),
      // The organisation's reference; when it is an identity number (a labour insurance number), masked here.
      decisionReference: maskedReference(request.id, request.procedureId, request.decisionReference),
      question: organisationWords(request.informationQuestion),
      informationAnswer: request.informationAnswer,
      // Asked before a rejection the person has since corrected: the question and answer are that attempt's, not current.
      informationEarlier: informationBeforeCorrection(timelines.get(request.id) ?? []),
      rejection,
      // Corrected data can go to this organisation again (a case from before corrections existed cannot).
      canResend:
        rejection?.nextStep === "correct" &&
        correctableItems(request, lang).length > 0 &&
        canApplyCaseEvent(db, { procedureRequestId: request.id, event: { type: "citizen.resubmitted" } }),
      closingReason: request.closingReason,
      // The form as sent is on its own printable page (README, design decisions, 2026-12-03): the card only links it.
      hasForm: Boolean(procedure?.form),
      timeline: timelines.get(request.id) ?? [],
    };
  });
}

/** Whether the latest question came before the latest correction (false when never corrected). */
function informationBeforeCorrection(timeline: { status: string; resubmitted: boolean }[]): boolean {
  let earlier = false;
  for (const event of timeline) {
    if (event.resubmitted) earlier = true;
    else if (event.status === "informationRequested") earlier = false;
  }
  return earlier;
}

export type ProcedureView = ReturnType<typeof caseStatusView>[number];

/** The status page's procedures, their summary and the visits still due, from one read of the case's requests. */
export function caseStatusPage(db: Db, { kase, lang }: { kase: CaseRow; lang: Lang }) {
  const requests = listProcedureRequestsForCase(db, { caseId: kase.id });
  const procedures = caseStatusView(db, { caseId: kase.id, lang, requests });
  return { procedures, summary: summaryOf(procedures), visits: caseVisits(db, { kase, lang, requests }) };
}

/** The summary at the top of the status page: how many procedures are in each group. */
export function summaryOf(procedures: Pick<ProcedureView, "group">[]): Record<ProcedureGroup, number> {
  const counts = Object.fromEntries(groupOrder.map((group) => [group, 0])) as Record<ProcedureGroup, number>;
  for (const procedure of procedures) counts[procedure.group]++;
  return counts;
}

/** A procedure request of the applicant's case, with its status page view; 404 for anything else. */
export function requireCorrectableRequest(db: Db, auth: AuthContext, params: { reference?: string; requestId?: string }, lang: Lang) {
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const view = caseStatusView(db, { caseId: kase.id, lang }).find((procedure) => procedure.id === params.requestId);
  const request = view && listProcedureRequestsForCase(db, { caseId: kase.id }).find((row) => row.id === view.id);
  if (!view || !request) throw new Response("Not Found", { status: 404 });
  return { kase, request, view };
}
