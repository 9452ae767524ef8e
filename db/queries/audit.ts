// The audit log: append-only and hash-chained, so a changed or removed entry is detectable.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Tx } from "../client.server";
import { auditEntries } from "../schema";

export type AuditInput = {
  actor: string;
  onBehalfOf?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  dataSubjectId?: string | null;
  agencyId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
};

export const GENESIS_HASH = "0".repeat(64);

type Chained = Omit<typeof auditEntries.$inferSelect, "id" | "hash">;

/** The hash of one entry: SHA-256 over its previous hash and its fields in a fixed order. */
export function hashAuditEntry(entry: Chained): string {
  const canonical = JSON.stringify([
    entry.prevHash,
    entry.at,
    entry.actor,
    entry.onBehalfOf,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.dataSubjectId,
    entry.agencyId,
    entry.purpose,
    entry.details,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Appends one entry. Call it inside the transaction that does what it records, so the entry and the
 * change are written together or not at all. Protects against silent edits: each entry's hash covers
 * the previous entry's hash.
 */
export function appendAuditEntry(tx: Tx, input: AuditInput) {
  const last = tx.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1).get();
  const entry: Chained = {
    at: (input.at ?? new Date()).toISOString(),
    actor: input.actor,
    onBehalfOf: input.onBehalfOf ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    dataSubjectId: input.dataSubjectId ?? null,
    agencyId: input.agencyId ?? null,
    purpose: input.purpose ?? null,
    details: JSON.stringify(input.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditEntry(entry);
  return tx.insert(auditEntries).values({ ...entry, hash }).returning().get();
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain; names the first entry whose hash or link does not hold. */
export function verifyAuditChain(tx: Tx): AuditVerification {
  let prev = GENESIS_HASH;
  let count = 0;
  let expectedId: number | null = null;
  for (const row of pagedEntries(tx)) {
    count++;
    if (expectedId !== null && row.id !== expectedId) {
      return { ok: false, entries: count, brokenAt: expectedId, reason: "missing" };
    }
    if (row.prevHash !== prev) return { ok: false, entries: count, brokenAt: row.id, reason: "link" };
    const { id: _id, hash, ...rest } = row;
    if (hashAuditEntry(rest) !== hash) return { ok: false, entries: count, brokenAt: row.id, reason: "hash" };
    prev = hash;
    expectedId = row.id + 1;
  }
  return { ok: true, entries: count };
}

/** Every entry in id order, read a page at a time so a long log does not fill memory. */
function* pagedEntries(tx: Tx, pageSize = 1000) {
  let after = 0;
  for (;;) {
    const page = tx.select().from(auditEntries).where(gt(auditEntries.id, after)).orderBy(asc(auditEntries.id)).limit(pageSize).all();
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

/** The entries about one person's or company's data, newest first, for their "who used my data" page. */
export function listAuditEntriesForDataSubject(tx: Tx, { dataSubjectId }: { dataSubjectId: string }) {
  return tx.select().from(auditEntries).where(eq(auditEntries.dataSubjectId, dataSubjectId)).orderBy(desc(auditEntries.id)).all();
}

/** Whether an entry with this action exists about this subject (e.g. a case's consent.given). */
export function hasAuditEntry(tx: Tx, { action, subjectId }: { action: string; subjectId: string }): boolean {
  return tx.select({ id: auditEntries.id }).from(auditEntries).where(and(eq(auditEntries.action, action), eq(auditEntries.subjectId, subjectId))).limit(1).get() !== undefined;
}
