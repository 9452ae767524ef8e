// Correcting a rejected procedure and sending it again, to that organisation alone: the person changes only
// the items that were wrong, and the procedure request goes back to delivery through the outbox, as one case
// event (audited with the corrected items' names, never their values).
import { z } from "zod";
import { dataDictionary, getProcedure, isIdentityNumberItem, submissionItems, type DataItemKey } from "../../flows";
import type { Db } from "../../db/client.server";
import { getProcedureRequest, updateProcedureRequestPayload, type ProcedureRequestRow } from "../../db/queries/cases";
import { applyCaseEventInTx, CaseEventRefusedError } from "./cases.server";
import type { Lang } from "./case-pages.server";
import { maskIdentityNumber, openIdentityNumbers, sealIdentityNumbers } from "../identity/security/identity-numbers.server";

/**
 * Items a correction may not change: when and by whom it was filed, the move date (it sets every procedure's
 * deadline), codes a person would not type (gender, nationality) and what a prerequisite produced.
 */
const fixedItems = new Set<string>([...submissionItems, "moveDate", "foundingDate", "gender", "nationality"]);

export type CorrectableItem = {
  key: DataItemKey;
  label: string;
  /** What was sent; an identity number is masked to its last four characters and its field starts empty. */
  sent: string;
  identityNumber: boolean;
  inputType: "text" | "date";
};

/** The payload as sent, identity numbers in clear (they are stored encrypted, bound to this request). */
const sentPayload = (request: Pick<ProcedureRequestRow, "id" | "payload">) =>
  openIdentityNumbers(JSON.parse(request.payload) as Record<string, unknown>, `procedureRequest:${request.id}`);

/** The items of a sent payload the person may correct: single values (names, numbers, dates) of this procedure. */
export function correctableItems(request: Pick<ProcedureRequestRow, "id" | "procedureId" | "payload">, lang: Lang): CorrectableItem[] {
  const procedure = getProcedure(request.procedureId);
  if (!procedure) return [];
  const payload = sentPayload(request);
  return procedure.dataItems
    .filter((key) => typeof payload[key] === "string" && !fixedItems.has(key) && !(key in procedure.fromPrerequisite))
    .filter((key) => !(dataDictionary[key].schema instanceof z.ZodEnum))
    .map((key) => {
      const value = payload[key] as string;
      const identityNumber = isIdentityNumberItem(key);
      return {
        key,
        label: dataDictionary[key].label[lang],
        sent: identityNumber ? maskIdentityNumber(value) : value,
        identityNumber,
        inputType: /^\d{4}-\d{2}-\d{2}$/.test(value) ? "date" : "text",
      };
    });
}

export type CorrectionError = { key: DataItemKey | null; message: string; values?: Record<string, string> };

export type CorrectionResult =
  | { kind: "sent"; correctedItems: DataItemKey[] }
  | { kind: "invalid"; errors: { key: DataItemKey | null; message: string; label?: string }[]; values: Record<string, string> }
  | { kind: "refused" };

const MAX_VALUE = 200;

/**
 * Reads the correction form (`item.<key>` per correctable item; one not sent, or an identity number left empty, is kept),
 * checks each changed value against the data dictionary and the whole payload against the procedure's schema,
 * then stores the corrected payload and sends `citizen.resubmitted`, in one transaction: the request is queued
 * again and the outbox gets its next delivery; only this organisation receives anything.
 */
export function resendCorrected(
  db: Db,
  { procedureRequestId, form, actor, onBehalfOf = null, lang, now = new Date() }: { procedureRequestId: string; form: FormData; actor: string; onBehalfOf?: string | null; lang: Lang; now?: Date },
): CorrectionResult {
  const request = getProcedureRequest(db, { procedureRequestId });
  const procedure = request && getProcedure(request.procedureId);
  if (!request || !procedure || request.status !== "rejected") return { kind: "refused" };
  const payload = sentPayload(request);
  const items = correctableItems(request, lang);
  const values: Record<string, string> = {};
  const errors: { key: DataItemKey | null; message: string; label?: string }[] = [];
  const changed: Partial<Record<DataItemKey, string>> = {};
  for (const item of items) {
    const submitted = form.get(`item.${item.key}`);
    // An item the form did not send is left as it was.
    const raw = submitted === null ? (item.identityNumber ? "" : String(payload[item.key])) : String(submitted).trim();
    values[item.key] = item.identityNumber ? "" : raw;
    if (item.identityNumber && raw === "") continue;
    if (raw === payload[item.key]) continue;
    if (raw === "") {
      errors.push({ key: item.key, message: "journey:correction.errors.required", label: item.label });
      continue;
    }
    if (raw.length > MAX_VALUE || !dataDictionary[item.key].schema.safeParse(raw).success) {
      errors.push({ key: item.key, message: item.inputType === "date" ? "journey:correction.errors.date" : "journey:correction.errors.format", label: item.label });
      continue;
    }
    changed[item.key] = raw;
  }
  if (errors.length) return { kind: "invalid", errors, values };
  const correctedItems = Object.keys(changed) as DataItemKey[];
  if (correctedItems.length === 0) return { kind: "invalid", errors: [{ key: null, message: "journey:correction.errors.nothingChanged" }], values };
  const corrected = { ...payload, ...changed };
  if (!procedure.payloadSchema.safeParse(corrected).success) return { kind: "invalid", errors: [{ key: null, message: "journey:correction.errors.payload" }], values };

  try {
    db.transaction(
      (tx) => {
        updateProcedureRequestPayload(tx, { procedureRequestId, payload: JSON.stringify(sealIdentityNumbers(corrected, `procedureRequest:${procedureRequestId}`)), updatedAt: now.toISOString() });
        applyCaseEventInTx(tx, { procedureRequestId, event: { type: "citizen.resubmitted" }, actor, onBehalfOf, detail: { correctedItems }, now });
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Already sent again from another tab, or a case from before corrections existed (its machine has ended).
    if (error instanceof CaseEventRefusedError) return { kind: "refused" };
    throw error;
  }
  return { kind: "sent", correctedItems };
}
