// What the citizen's case pages show: each procedure with its organisation, status, timeline, deadline and
// the organisation's message, read only for the person the case is about (or whoever acts for them).
import type { AuthContext } from "../identity/auth.server";
import { requireCanActFor } from "../identity/auth.server";
import type { Db } from "../../db/client.server";
import { countCasesWithProcedureStatus, findCaseByReference, getProcedureRequest, listProcedureEvents, listProcedureRequestsForCase } from "../../db/queries/cases";
import { formView, getAgency, getProcedure, isIdentityNumberItem } from "../../flows";

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

/** An identity number on the person's own pages: only its last four digits (the full number went to the office). */
const masked = (value: unknown) => (typeof value === "string" && value.length > 4 ? `${"•".repeat(value.length - 4)}${value.slice(-4)}` : value);

/** The procedure's official form as the person's data filled it (what was sent), identity numbers masked. */
function filledFormView(procedureId: string, payloadJson: string, lang: Lang) {
  const form = getProcedure(procedureId)?.form;
  if (!form) return null;
  return formView(form, JSON.parse(payloadJson) as Record<string, unknown>, lang, (key, value) => (isIdentityNumberItem(key) ? masked(value) : value));
}

/**
 * One procedure's filled form on its printable page: the case must be the applicant's and the procedure request
 * one of its own (anything else is a 404, revealing nothing), as must a procedure without a form.
 */
export function printableFormView(db: Db, { kase, procedureRequestId, lang }: { kase: { id: string; reference: string; createdAt: string }; procedureRequestId: string | undefined; lang: Lang }) {
  const request = procedureRequestId ? getProcedureRequest(db, { procedureRequestId }) : undefined;
  if (!request || request.caseId !== kase.id) throw new Response("Not Found", { status: 404 });
  const form = filledFormView(request.procedureId, request.payload, lang);
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

export function caseStatusView(db: Db, { caseId, lang }: { caseId: string; lang: Lang }) {
  return listProcedureRequestsForCase(db, { caseId }).map((request) => {
    const procedure = getProcedure(request.procedureId);
    return {
      form: filledFormView(request.procedureId, request.payload, lang),
      id: request.id,
      procedureId: request.procedureId,
      name: procedure?.name[lang] ?? request.procedureId,
      organisation: getAgency(request.agencyId)?.name[lang] ?? request.agencyId,
      status: request.status,
      deadline: request.deadline,
      inPerson: request.inPerson,
      // In person although the procedure is online: this person files it by post or at the counter.
      offline: request.inPerson && procedure?.inPerson === false,
      inPersonNote: (request.inPerson && procedure?.inPerson === false ? procedure.offlineNote?.[lang] : procedure?.inPersonNote?.[lang]) ?? null,
      decisionReference: request.decisionReference,
      informationQuestion: request.informationQuestion,
      informationAnswer: request.informationAnswer,
      rejection: rejectionText(request.procedureId, request.rejectionReason, lang),
      closingReason: request.closingReason,
      timeline: listProcedureEvents(db, { procedureRequestId: request.id }).map((event) => ({
        status: event.toStatus,
        at: event.at,
      })),
    };
  });
}
