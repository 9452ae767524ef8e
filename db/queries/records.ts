// The once-only record: current attribute values with their source and time, and how new facts are written back.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { preparedOnce } from "../prepared";
import { dataSubjects, recordAttributes } from "../schema";

export type RecordSource =
  | { kind: "basicResidentRegister" | "corporateRegister" | "selfDeclared"; ref?: null }
  /** An earlier application (its case reference) changed the value. */
  | { kind: "case"; ref: string }
  /** The organisation that holds it (e.g. "pension" for the Japan Pension Service): see journey:sources.organisation. */
  | { kind: "organisation"; ref: string };

export type RecordAttribute = {
  key: string;
  value: unknown;
  source: RecordSource;
  recordedAt: string;
};

export function createDataSubject(tx: Tx, { id, kind, at = new Date() }: { id: string; kind: "person" | "company"; at?: Date }) {
  tx.insert(dataSubjects).values({ id, kind, createdAt: at.toISOString() }).onConflictDoNothing().run();
}

export function findDataSubject(tx: Tx, { id }: { id: string }) {
  return tx.select().from(dataSubjects).where(eq(dataSubjects.id, id)).get();
}

/** The current value of every attribute of one person or company, in key order. */
export function getRecordAttributes(tx: Tx, { subjectId }: { subjectId: string }): RecordAttribute[] {
  return tx
    .select()
    .from(recordAttributes)
    .where(and(eq(recordAttributes.subjectId, subjectId), isNull(recordAttributes.supersededAt)))
    .orderBy(asc(recordAttributes.key))
    .all()
    .map((row) => ({
      key: row.key,
      value: JSON.parse(row.value) as unknown,
      source: (row.sourceKind === "case" || row.sourceKind === "organisation" ? { kind: row.sourceKind, ref: row.sourceRef ?? "" } : { kind: row.sourceKind }) as RecordSource,
      recordedAt: row.recordedAt,
    }));
}

/**
 * Where one attribute's current value came from, and when: what a question page shows beside a prefilled value,
 * without reading (or decrypting) the rest of the record.
 */
export function findRecordAttributeSource(tx: Tx, { subjectId, key }: { subjectId: string; key: string }): Omit<RecordAttribute, "key" | "value"> | undefined {
  const row = preparedOnce(tx, findRecordAttributeSource, () =>
    tx
      .select({ sourceKind: recordAttributes.sourceKind, sourceRef: recordAttributes.sourceRef, recordedAt: recordAttributes.recordedAt })
      .from(recordAttributes)
      .where(and(eq(recordAttributes.subjectId, sql.placeholder("subjectId")), eq(recordAttributes.key, sql.placeholder("key")), isNull(recordAttributes.supersededAt)))
      .prepare(),
  ).get({ subjectId, key });
  if (!row) return undefined;
  const source = (row.sourceKind === "case" || row.sourceKind === "organisation" ? { kind: row.sourceKind, ref: row.sourceRef ?? "" } : { kind: row.sourceKind }) as RecordSource;
  return { source, recordedAt: row.recordedAt };
}

/** Just the values, keyed by attribute: what flows read to prefill and select procedures. */
export function getRecordValues(tx: Tx, { subjectId }: { subjectId: string }): Record<string, unknown> {
  return Object.fromEntries(getRecordAttributes(tx, { subjectId }).map((a) => [a.key, a.value]));
}

/**
 * Writes new values for some attributes, each superseding the current one (kept as history).
 * A value equal to the current one is left alone, so its source and date stay true.
 */
export function writeRecordAttributes(
  tx: Tx,
  { subjectId, values, source, at = new Date() }: { subjectId: string; values: Record<string, unknown>; source: RecordSource; at?: Date },
) {
  const recordedAt = at.toISOString();
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    const current = tx
      .select()
      .from(recordAttributes)
      .where(and(eq(recordAttributes.subjectId, subjectId), eq(recordAttributes.key, key), isNull(recordAttributes.supersededAt)))
      .get();
    if (current?.value === json) continue;
    if (current) tx.update(recordAttributes).set({ supersededAt: recordedAt }).where(eq(recordAttributes.id, current.id)).run();
    tx.insert(recordAttributes)
      .values({ subjectId, key, value: json, sourceKind: source.kind, sourceRef: source.ref ?? null, recordedAt })
      .run();
    changed.push(key);
  }
  return changed;
}
