// Identity numbers (the data dictionary's sensitivity "identity-number": Individual Number, pension,
// driving licence, residence card, labour insurance numbers) are encrypted at rest wherever they are kept:
// the once-only record, journeys' snapshots, cases' answers, procedure requests' payloads, and decision
// references that are identity numbers (in the request and the case's snapshot). Every read and write of those
// goes through here, so no caller sees or stores a ciphertext, and none stores a number in clear.
import type { Tx } from "../../../db/client.server";
import { getRecordAttributes, writeRecordAttributes, type RecordAttribute, type RecordSource } from "../../../db/queries/records";
import {
  listCaseSnapshotsAndReferences,
  listRecordRowsWithKeys,
  listStoredJson,
  updateCaseSnapshotAtRest,
  updateDecisionReferenceAtRest,
  updateRecordRowValue,
  updateStoredJson,
  type StoredJsonColumn,
} from "../../../db/queries/stored-json";
import { identityNumberFields, identityNumberItems, identityNumberReferences, isIdentityNumberItem } from "../../../flows";
import { decryptField, encryptField, encryptFieldDeterministic, isEncryptedField } from "./field-encryption.server";

const context = (subjectId: string, key: string) => `record:${subjectId}:${key}`;

/**
 * The values as stored: each identity number encrypted under the field-encryption key, bound to its person
 * and attribute. Deterministic, so writing the same number again is seen as no change (its source and date
 * stay true). Protects against a copied database file or backup revealing the numbers.
 */
export function sealRecordValues(subjectId: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) =>
      isIdentityNumberItem(key) && typeof value === "string" && !isEncryptedField(value) ? [key, encryptFieldDeterministic(value, context(subjectId, key))] : [key, value],
    ),
  );
}

/** A stored value in clear (one written before encryption was added is returned as it is). */
function openValue(subjectId: string, key: string, value: unknown): unknown {
  return isIdentityNumberItem(key) && typeof value === "string" && isEncryptedField(value) ? decryptField(value, context(subjectId, key)) : value;
}

/** The record's current attributes, identity numbers in clear. */
export function readRecordAttributes(tx: Tx, { subjectId }: { subjectId: string }): RecordAttribute[] {
  return getRecordAttributes(tx, { subjectId }).map((attribute) => ({ ...attribute, value: openValue(subjectId, attribute.key, attribute.value) }));
}

/** Just the values, keyed by attribute, identity numbers in clear. */
export function readRecordValues(tx: Tx, { subjectId }: { subjectId: string }): Record<string, unknown> {
  return Object.fromEntries(readRecordAttributes(tx, { subjectId }).map((attribute) => [attribute.key, attribute.value]));
}

/** An identity number as a page shows it to anyone but its recipient: its last four characters only. */
export const maskIdentityNumber = (value: string) => `${"•".repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;

/**
 * Where an identity number inside a stored JSON value belongs: the row that holds it, e.g. `journey:<id>`,
 * `case:<id>`, `procedureRequest:<id>`. Bound (with the field name) as the ciphertext's associated data, so
 * a number copied to another row or field does not decrypt.
 */
export type IdentityNumberScope = `${"journey" | "case" | "procedureRequest"}:${string}`;

/** Copies a JSON value with every string under an identity-number field name (flows' identityNumberFields) changed. */
function mapIdentityNumbers(value: unknown, change: (field: string, number: string) => string): unknown {
  if (Array.isArray(value)) return value.map((entry) => mapIdentityNumbers(entry, change));
  if (value === null || typeof value !== "object") return value;
  const fields = identityNumberFields();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
      key,
      fields.has(key) && typeof entry === "string" ? change(key, entry) : mapIdentityNumbers(entry, change),
    ]),
  );
}

/**
 * A JSON value (a journey's snapshot, a case's answers, a payload) as it is stored: every identity number in
 * it encrypted (AES-256-GCM, random nonce) and bound to the row and field. Protects against a copied
 * database file or backup revealing the numbers, wherever in the value they sit.
 */
export function sealIdentityNumbers<T>(value: T, scope: IdentityNumberScope): T {
  return mapIdentityNumbers(value, (field, number) => (isEncryptedField(number) ? number : encryptField(number, `${scope}:${field}`))) as T;
}

/**
 * The stored value with its identity numbers in clear, for the code that needs them: the journey and case
 * machines, delivery to the organisation they are sent to, and that organisation's officer (whose read is
 * audited). One stored in clear by an older version is returned as it is.
 */
export function openIdentityNumbers<T>(value: T, scope: IdentityNumberScope): T {
  return mapIdentityNumbers(value, (field, number) => (isEncryptedField(number) ? decryptField(number, `${scope}:${field}`) : number)) as T;
}

/** A value in clear with every identity number masked (last four characters), for the applicant's own pages. */
export function maskIdentityNumbersIn<T>(value: T): T {
  return mapIdentityNumbers(value, (_field, number) => maskIdentityNumber(number)) as T;
}

/**
 * A decision reference as stored in its procedure request: encrypted, bound to the request, when the
 * procedure's reference is an identity number (flows' identityNumberReferences), else as it is.
 */
export function sealDecisionReference(procedureRequestId: string, procedureId: string, reference: string | null): string | null {
  if (reference === null || isEncryptedField(reference) || !identityNumberReferences().has(procedureId)) return reference;
  return encryptField(reference, `procedureRequest:${procedureRequestId}:decisionReference`);
}

/** A stored decision reference in clear. */
export function openDecisionReference(procedureRequestId: string, reference: string | null): string | null {
  return reference !== null && isEncryptedField(reference) ? decryptField(reference, `procedureRequest:${procedureRequestId}:decisionReference`) : reference;
}

type CaseSnapshot = { context?: { procedures?: Record<string, { reference?: unknown }> } };

/** Applies `change` to each decision reference in a case machine's snapshot that is an identity number. */
function mapCaseReferences<T>(snapshot: T, change: (procedureId: string, reference: string) => string): T {
  const procedures = (snapshot as CaseSnapshot).context?.procedures;
  if (!procedures) return snapshot;
  const changed = Object.fromEntries(
    Object.entries(procedures).map(([procedureId, progress]) => [
      procedureId,
      identityNumberReferences().has(procedureId) && typeof progress?.reference === "string" ? { ...progress, reference: change(procedureId, progress.reference) } : progress,
    ]),
  );
  const withContext = snapshot as CaseSnapshot;
  return { ...withContext, context: { ...withContext.context, procedures: changed } } as T;
}

/** A case machine's snapshot as stored: identity-number decision references encrypted, bound to the case. */
export function sealCaseSnapshot<T>(snapshot: T, caseId: string): T {
  return mapCaseReferences(snapshot, (procedureId, reference) => (isEncryptedField(reference) ? reference : encryptField(reference, `case:${caseId}:reference:${procedureId}`)));
}

/** A stored case snapshot with its decision references in clear, for the case machine. */
export function openCaseSnapshot<T>(snapshot: T, caseId: string): T {
  return mapCaseReferences(snapshot, (procedureId, reference) => (isEncryptedField(reference) ? decryptField(reference, `case:${caseId}:reference:${procedureId}`) : reference));
}

const scopeOf: Record<StoredJsonColumn["table"], "journey" | "case" | "procedureRequest"> = { journeys: "journey", cases: "case", procedure_requests: "procedureRequest" };

/**
 * Encrypts the identity numbers an earlier version left in clear: in the record (deterministically, as
 * writeRecord does), in journeys' snapshots, cases' answers and procedure requests' payloads, and in
 * decision references that are identity numbers (in the request and the case's snapshot). Run at
 * start-up (npm start) before anything reads them; rows already encrypted stay as they are. Returns how many
 * rows it changed.
 */
export function sealStoredIdentityNumbers(tx: Tx): number {
  let changed = 0;
  for (const row of listStoredJson(tx)) {
    const value: unknown = JSON.parse(row.value);
    const sealed = JSON.stringify(sealIdentityNumbers(value, `${scopeOf[row.table]}:${row.id}`));
    if (sealed === JSON.stringify(value)) continue;
    updateStoredJson(tx, { ...row, value: sealed });
    changed++;
  }
  const { snapshots, references } = listCaseSnapshotsAndReferences(tx);
  for (const row of snapshots) {
    const sealed = JSON.stringify(sealCaseSnapshot(JSON.parse(row.snapshot) as unknown, row.id));
    if (sealed === JSON.stringify(JSON.parse(row.snapshot))) continue;
    updateCaseSnapshotAtRest(tx, { id: row.id, snapshot: sealed });
    changed++;
  }
  for (const row of references) {
    const sealed = sealDecisionReference(row.id, row.procedureId, row.decisionReference);
    if (sealed === row.decisionReference || sealed === null) continue;
    updateDecisionReferenceAtRest(tx, { id: row.id, decisionReference: sealed });
    changed++;
  }
  for (const row of listRecordRowsWithKeys(tx, { keys: identityNumberItems })) {
    const value: unknown = JSON.parse(row.value);
    if (typeof value !== "string" || isEncryptedField(value)) continue;
    updateRecordRowValue(tx, { id: row.id, value: JSON.stringify(sealRecordValues(row.subjectId, { [row.key]: value })[row.key]) });
    changed++;
  }
  return changed;
}

/** The attributes with every identity number masked (for pages; the number itself stays on the server). */
export function maskIdentityNumbers(attributes: RecordAttribute[]): RecordAttribute[] {
  return attributes.map((attribute) =>
    isIdentityNumberItem(attribute.key) && typeof attribute.value === "string" ? { ...attribute, value: maskIdentityNumber(attribute.value) } : attribute,
  );
}

/** Writes new values (see writeRecordAttributes), identity numbers encrypted. */
export function writeRecord(tx: Tx, { subjectId, values, source, at }: { subjectId: string; values: Record<string, unknown>; source: RecordSource; at?: Date }) {
  return writeRecordAttributes(tx, { subjectId, values: sealRecordValues(subjectId, values), source, at });
}
