// What the citizen's case pages show: each procedure with its organisation, status, timeline, deadline and
// the organisation's message, read only for the person the case is about (or whoever acts for them).
import type { AuthContext } from "../identity/auth.server";
import { requireCanActFor } from "../identity/auth.server";
import type { Db } from "../../db/client.server";
import { countCasesWithProcedureStatus, findCaseByReference, listProcedureEvents, listProcedureRequestsForCase } from "../../db/queries/cases";
import { dataDictionary, fillForm, getAgency, getProcedure, identityNumberReferences, type DataItemKey } from "../../flows";
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
  const filled = fillForm(form, payload);
  return {
    name: filled.name,
    source: filled.source,
    items: filled.items.map((entry) => ({
      item: entry.item,
      key: entry.dataItem,
      label: entry.dataItem ? (dataDictionary[entry.dataItem as DataItemKey]?.label[lang] ?? null) : null,
      status: entry.status,
      value: entry.value,
    })),
  };
}

function maskedReference(procedureRequestId: string, procedureId: string, stored: string | null): string | null {
  const reference = openDecisionReference(procedureRequestId, stored);
  return reference !== null && identityNumberReferences().has(procedureId) ? maskIdentityNumber(reference) : reference;
}

export function caseStatusView(db: Db, { caseId, lang }: { caseId: string; lang: Lang }) {
  return listProcedureRequestsForCase(db, { caseId }).map((request) => {
    const procedure = getProcedure(request.procedureId);
    return {
      form: filledFormView(request.id, request.procedureId, request.payload, lang),
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
      // The organisation's reference; when it is an identity number (a labour insurance number), masked here.
      decisionReference: maskedReference(request.id, request.procedureId, request.decisionReference),
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
