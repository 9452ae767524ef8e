// The audit log: append-only and chained with an HMAC under a key kept outside the database, so a
// changed, reordered or removed entry is detectable, and the anchor (db/audit-seal.ts) catches a cut tail.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, inArray, lt, max, or, type SQL } from "drizzle-orm";
import { auditKey, auditKeyId, auditKeyring, auditMac, sameMac, type AuditAnchor } from "../audit-seal";
import type { Db, Tx } from "../client.server";
import { auditEntries } from "../schema";
import { insertRow, preparedOnce } from "../prepared";

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

function canonical(entry: Chained): string {
  return JSON.stringify([
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
}

/**
 * The hash of one entry: HMAC-SHA-256, under the audit key, of its previous hash and its fields in a fixed
 * order. Without the key nobody can recompute the chain after changing an entry.
 */
export function hashAuditEntry(entry: Chained, key: Buffer = auditKey()): string {
  return auditMac(canonical(entry), key);
}

/** The unkeyed SHA-256 of versions before 2026-12-02; only to re-seal an old chain once (sealLegacyAuditChain). */
function legacyHashAuditEntry(entry: Chained): string {
  return createHash("sha256").update(canonical(entry)).digest("hex");
}

/**
 * Appends one entry. Call it inside the transaction that does what it records, so the entry and the
 * change are written together or not at all. Protects against silent edits: each entry's hash covers
 * the previous entry's hash.
 */
export function appendAuditEntry(tx: Tx, input: AuditInput, key: Buffer = auditKey()) {
  const last = preparedOnce(tx, "audit.last", () => tx.select({ hash: auditEntries.hash }).from(auditEntries).where(isHead(tx)).prepare()).get();
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
  const hash = hashAuditEntry(entry, key);
  const id = insertRow(tx, auditEntries, { ...entry, hash });
  return { id, ...entry, hash };
}

/** The entry that hands the chain over from one audit key to the next (see appendAuditKeyRotation). */
export const AUDIT_KEY_ROTATED = "audit.key-rotated";

const endorsementText = (prevHash: string, at: string, to: string) => `madoguchi-audit-rotation|1|${prevHash}|${at}|${to}`;

type RotationDetails = { from?: string; to?: string; endorsement?: string };

/**
 * Hands the chain over to a new audit key: an `audit.key-rotated` entry that names both keys (by
 * auditKeyId), carries the OLD key's endorsement (its HMAC of the previous hash, the time and the new key's
 * id) and is itself chained under the NEW key, which also makes every entry after it. Signed by both keys,
 * so neither key alone can fake the handover, and the older part stays pinned: its last hash is inside an
 * entry made with the new key. Returns the entry.
 */
export function appendAuditKeyRotation(tx: Tx, { previous, next, at = new Date() }: { previous: Buffer; next: Buffer; at?: Date }) {
  const last = findAuditHead(tx);
  const to = auditKeyId(next);
  const endorsement = auditMac(endorsementText(last?.hash ?? GENESIS_HASH, at.toISOString(), to), previous);
  return appendAuditEntry(
    tx,
    { at, actor: "system:audit", action: AUDIT_KEY_ROTATED, subjectType: "audit-log", subjectId: "audit_entries", details: { from: auditKeyId(previous), to, endorsement } },
    next,
  );
}

/** Whether an entry's hash was made with this key. */
export function auditEntryMadeWith(row: typeof auditEntries.$inferSelect, key: Buffer): boolean {
  const { id: _id, hash, ...rest } = row;
  return sameMac(hashAuditEntry(rest, key), hash);
}

export type AuditVerification =
  | { ok: true; entries: number; afterAnchor: number }
  | { ok: false; entries: number; brokenAt: number; reason: "missing" | "link" | "hash" | "truncated" | "unanchored" | "anchor" | "rotation" };

/**
 * Walks the whole chain; names the first entry whose hash or link does not hold. The first entry is made
 * with one of `keys` (the current and the retired audit keys); each `audit.key-rotated` entry must carry the
 * endorsement of the key before it and hands over to the key it names. With `anchor` (the anchor file's
 * content, or null when there is no anchor file) it also checks the tail: the entry the anchor names must be
 * there with the same hash, and a log with entries but no anchor fails. Entries after the anchored one are
 * accepted and counted (`afterAnchor`): those written since the anchor was last moved, or by a process that
 * stopped between its commit and the anchor's write (see "Design decisions").
 */
export function verifyAuditChain(tx: Tx, { anchor, key, keys }: { anchor?: AuditAnchor | null; key?: Buffer; keys?: Buffer[] } = {}): AuditVerification {
  const known = keys ?? (key ? [key] : [auditKeyring().current, ...auditKeyring().previous]);
  let epochKey: Buffer | undefined;
  let prev = GENESIS_HASH;
  let count = 0;
  let expectedId: number | null = null;
  let anchored = false;
  let afterAnchor = 0;
  for (const row of pagedEntries(tx)) {
    count++;
    if (expectedId !== null && row.id !== expectedId) {
      return { ok: false, entries: count, brokenAt: expectedId, reason: "missing" };
    }
    if (row.prevHash !== prev) return { ok: false, entries: count, brokenAt: row.id, reason: "link" };
    if (epochKey && row.action === AUDIT_KEY_ROTATED) {
      const details = JSON.parse(row.details) as RotationDetails;
      const next = known.find((candidate) => auditKeyId(candidate) === details.to);
      const endorsed =
        details.from === auditKeyId(epochKey) && typeof details.endorsement === "string" && sameMac(auditMac(endorsementText(row.prevHash, row.at, details.to ?? ""), epochKey), details.endorsement);
      if (!next || !endorsed) return { ok: false, entries: count, brokenAt: row.id, reason: "rotation" };
      epochKey = next;
    }
    epochKey ??= known.find((candidate) => auditEntryMadeWith(row, candidate));
    if (!epochKey || !auditEntryMadeWith(row, epochKey)) return { ok: false, entries: count, brokenAt: row.id, reason: "hash" };
    if (anchored) afterAnchor++;
    if (anchor && row.id === anchor.id) {
      if (row.hash !== anchor.hash) return { ok: false, entries: count, brokenAt: row.id, reason: "anchor" };
      anchored = true;
    }
    prev = row.hash;
    expectedId = row.id + 1;
  }
  if (anchor === null && count > 0) return { ok: false, entries: count, brokenAt: 1, reason: "unanchored" };
  if (anchor && !anchored) return { ok: false, entries: count, brokenAt: expectedId ?? 1, reason: "truncated" };
  return { ok: true, entries: count, afterAnchor };
}

/** The last entry, whole. */
export function findAuditHeadEntry(tx: Tx) {
  return tx.select().from(auditEntries).where(isHead(tx)).get();
}

/** The last entry's id and hash: what the anchor records. */
export function findAuditHead(tx: Tx): { id: number; hash: string } | undefined {
  return tx.select({ id: auditEntries.id, hash: auditEntries.hash }).from(auditEntries).where(isHead(tx)).get();
}

/**
 * The last entry, found by its id: `id = (SELECT max(id) …)`, two searches of the primary key. The same entry
 * as `ORDER BY id DESC LIMIT 1`, which SQLite runs as a scan and which took five times as long inside a
 * delivery's transaction (README, "Design decisions", 2026-12-04 "The audit head is found by its id").
 */
function isHead(tx: Tx) {
  return eq(auditEntries.id, tx.select({ id: max(auditEntries.id) }).from(auditEntries));
}

/**
 * A chain written before the key existed (unkeyed SHA-256) is checked as it was made and, when intact,
 * sealed again under the key, in one transaction, with an entry saying so. Run only where no anchor exists
 * yet (an anchored chain is never re-sealed: that would bless an edit). Returns how many entries it sealed.
 */
export function sealLegacyAuditChain(db: Db, key?: Buffer): number {
  const first = db.select().from(auditEntries).orderBy(asc(auditEntries.id)).limit(1).get();
  if (!first || first.hash !== legacyHashAuditEntry(first)) return 0;
  return db.transaction(
    (tx) => {
      let prevOld = GENESIS_HASH;
      let prevNew = GENESIS_HASH;
      let sealed = 0;
      for (const row of pagedEntries(tx)) {
        const { id, hash, ...rest } = row;
        if (rest.prevHash !== prevOld || legacyHashAuditEntry(rest) !== hash) {
          throw new Error(`The audit log written before its key existed is broken at entry id ${id}: it is left as it is; run npm run audit:verify.`);
        }
        const next = hashAuditEntry({ ...rest, prevHash: prevNew }, key ?? auditKey());
        tx.update(auditEntries).set({ prevHash: prevNew, hash: next }).where(eq(auditEntries.id, id)).run();
        prevOld = hash;
        prevNew = next;
        sealed++;
      }
      appendAuditEntry(tx, { actor: "system:audit", action: "audit.sealed", subjectType: "audit-log", subjectId: "audit_entries", details: { entries: sealed } }, key ?? auditKey());
      return sealed;
    },
    { behavior: "immediate" },
  );
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

export type AuditSearch = {
  /** Entries by, for or about any of these ids (actor, on behalf of, data subject). */
  people?: string[];
  /** Entries whose subject is one of these (a case and its procedure requests). */
  subjectIds?: string[];
  agencyId?: string;
  action?: string;
  /** ISO times: from (inclusive) and until (exclusive). */
  from?: string;
  until?: string;
};

/**
 * One page of the administrators' audit search, newest first, by key: `before` an id for older entries, or
 * `after` an id for newer ones (returned newest first too). One more than `limit` is read to know whether
 * there are more; `more` says so. Each filter uses its own index (db/schema.ts).
 */
export function searchAuditEntries(
  tx: Tx,
  { search, before, after, limit }: { search: AuditSearch; before?: number; after?: number; limit: number },
): { entries: (typeof auditEntries.$inferSelect)[]; more: boolean } {
  const conditions: (SQL | undefined)[] = [];
  if (search.people) {
    conditions.push(or(inArray(auditEntries.actor, search.people), inArray(auditEntries.onBehalfOf, search.people), inArray(auditEntries.dataSubjectId, search.people)));
  }
  if (search.subjectIds) conditions.push(inArray(auditEntries.subjectId, search.subjectIds));
  if (search.agencyId) conditions.push(eq(auditEntries.agencyId, search.agencyId));
  if (search.action) conditions.push(eq(auditEntries.action, search.action));
  if (search.from) conditions.push(gte(auditEntries.at, search.from));
  if (search.until) conditions.push(lt(auditEntries.at, search.until));
  if (before !== undefined) conditions.push(lt(auditEntries.id, before));
  if (after !== undefined) conditions.push(gt(auditEntries.id, after));
  const rows = tx
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(after !== undefined ? asc(auditEntries.id) : desc(auditEntries.id))
    .limit(limit + 1)
    .all();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { entries: after !== undefined ? page.reverse() : page, more };
}

/** Every action the log holds, for the search form's choice. */
export function listAuditActions(tx: Tx): string[] {
  return tx
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .groupBy(auditEntries.action)
    .orderBy(asc(auditEntries.action))
    .all()
    .map((row) => row.action);
}
