// Identity numbers (the data dictionary's sensitivity "identity-number": Individual Number, pension,
// driving licence, residence card, labour insurance numbers) are encrypted at rest in the once-only
// record. Every read and write of the record goes through here, so no caller sees or stores a ciphertext.
import type { Tx } from "../../../db/client.server";
import { getRecordAttributes, writeRecordAttributes, type RecordAttribute, type RecordSource } from "../../../db/queries/records";
import { isIdentityNumberItem } from "../../../flows";
import { decryptField, encryptFieldDeterministic, isEncryptedField } from "./field-encryption.server";

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
