// Designers' wording of a life event: the draft, and the published content versions the citizen's pages read.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { preparedOnce } from "../prepared";
import { contentDrafts, contentVersions } from "../schema";

/** A text in both languages. */
export type BilingualText = { ja: string; en: string };
/** Texts by i18n key. */
export type ContentTexts = Record<string, BilingualText>;
export type ContentChange = { key: string; before: BilingualText; after: BilingualText };

export type ContentVersion = {
  lifeEventId: string;
  version: number;
  texts: ContentTexts;
  changes: ContentChange[];
  revertedTo: number | null;
  publishedBy: string;
  publishedAt: string;
};

const toVersion = (row: typeof contentVersions.$inferSelect): ContentVersion => ({
  lifeEventId: row.lifeEventId,
  version: row.version,
  texts: JSON.parse(row.texts) as ContentTexts,
  changes: JSON.parse(row.changes) as ContentChange[],
  revertedTo: row.revertedTo,
  publishedBy: row.publishedBy,
  publishedAt: row.publishedAt,
});

/** The latest published content version of a life event, or undefined when only the built-in texts apply. */
export function findPublishedContent(tx: Tx, { lifeEventId }: { lifeEventId: string }): ContentVersion | undefined {
  // Every citizen's journey page reads it: built once.
  const row = preparedOnce(tx, findPublishedContent, () =>
    tx.select().from(contentVersions).where(eq(contentVersions.lifeEventId, sql.placeholder("lifeEventId"))).orderBy(desc(contentVersions.version)).limit(1).prepare(),
  ).get({ lifeEventId });
  return row ? toVersion(row) : undefined;
}

/** Every published content version of a life event, newest first. */
export function listContentVersions(tx: Tx, { lifeEventId }: { lifeEventId: string }): ContentVersion[] {
  return tx.select().from(contentVersions).where(eq(contentVersions.lifeEventId, lifeEventId)).orderBy(desc(contentVersions.version)).all().map(toVersion);
}

export function findContentVersion(tx: Tx, { lifeEventId, version }: { lifeEventId: string; version: number }): ContentVersion | undefined {
  const row = tx
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.lifeEventId, lifeEventId), eq(contentVersions.version, version)))
    .get();
  return row ? toVersion(row) : undefined;
}

/** Stores a version; the unique (life event, version) index refuses a second publish of the same number. */
export function insertContentVersion(tx: Tx, version: ContentVersion): void {
  tx.insert(contentVersions)
    .values({
      lifeEventId: version.lifeEventId,
      version: version.version,
      texts: JSON.stringify(version.texts),
      changes: JSON.stringify(version.changes),
      revertedTo: version.revertedTo,
      publishedBy: version.publishedBy,
      publishedAt: version.publishedAt,
    })
    .run();
}

export type ContentDraftText = BilingualText & { key: string; updatedBy: string; updatedAt: string };

export function listContentDraft(tx: Tx, { lifeEventId }: { lifeEventId: string }): ContentDraftText[] {
  return tx
    .select({ key: contentDrafts.key, ja: contentDrafts.ja, en: contentDrafts.en, updatedBy: contentDrafts.updatedBy, updatedAt: contentDrafts.updatedAt })
    .from(contentDrafts)
    .where(eq(contentDrafts.lifeEventId, lifeEventId))
    .orderBy(contentDrafts.key)
    .all();
}

/** Writes one draft text (replacing the draft's earlier text for that key). */
export function saveContentDraftText(tx: Tx, values: { lifeEventId: string } & ContentDraftText): void {
  tx.insert(contentDrafts)
    .values(values)
    .onConflictDoUpdate({
      target: [contentDrafts.lifeEventId, contentDrafts.key],
      set: { ja: values.ja, en: values.en, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .run();
}

export function deleteContentDraftText(tx: Tx, { lifeEventId, key }: { lifeEventId: string; key: string }): void {
  tx.delete(contentDrafts)
    .where(and(eq(contentDrafts.lifeEventId, lifeEventId), eq(contentDrafts.key, key)))
    .run();
}

export function deleteContentDraft(tx: Tx, { lifeEventId }: { lifeEventId: string }): void {
  tx.delete(contentDrafts).where(eq(contentDrafts.lifeEventId, lifeEventId)).run();
}
