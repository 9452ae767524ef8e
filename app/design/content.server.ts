// Wording without a deploy (issue 15): a designer edits a life event's texts in Japanese and English as a draft,
// previews each question page with them, and publishes the draft as a new content version; a text missing in
// either language (or a dropped {{placeholder}}) blocks publishing. Publishing and reverting are audited with
// what changed, and the citizen's pages read the latest version on their next request (app/journeys/texts.server.ts).
import type { Db, Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import {
  deleteContentDraft,
  deleteContentDraftText,
  findContentVersion,
  findPublishedContent,
  insertContentVersion,
  listContentDraft,
  listContentVersions,
  saveContentDraftText,
  type BilingualText,
  type ContentChange,
  type ContentTexts,
} from "../../db/queries/content";
import { getUserById } from "../../db/queries/users";
import type { Lang, LifeEvent, Locales } from "../../flows";
import { editableTexts, textProblems, type Bilingual, type TextEntry, type TextProblem } from "../../flows/design/texts";
import { auditActorOf, type AuthContext } from "~/identity/auth.server";
import { textsIn } from "~/journeys/texts.server";
import { isHostileText } from "~/platform/hostile-text";
import { resources } from "~/platform/i18n/resources.server";

export const maxTextLength = 1000;

/** The locale files, as the flows' checks read them. */
const locales = resources as unknown as Locales;

const complete = (text: Bilingual): BilingualText => ({ ja: text.ja ?? "", en: text.en ?? "" });
const sameText = (a: Bilingual, b: Bilingual) => (a.ja ?? "") === (b.ja ?? "") && (a.en ?? "") === (b.en ?? "");

/** The texts a designer may change, with the built-in ones. */
export function textEntriesOf(lifeEvent: LifeEvent): TextEntry[] {
  return editableTexts(lifeEvent, locales);
}

export type ContentState = {
  entries: TextEntry[];
  /** The latest published version (0: the built-in texts only). */
  version: number;
  /** What citizens read now, by key. */
  published: Record<string, BilingualText>;
  /** The draft's texts, by key (only those the draft changes). */
  draft: Record<string, BilingualText>;
  /** What would be in effect once the draft is published. */
  drafted: Record<string, BilingualText>;
  /** What stops the draft from being published. */
  problems: TextProblem[];
};

export function contentStateOf(tx: Tx, lifeEvent: LifeEvent): ContentState {
  const entries = textEntriesOf(lifeEvent);
  const latest = findPublishedContent(tx, { lifeEventId: lifeEvent.id });
  const published = Object.fromEntries(entries.map((entry) => [entry.key, complete(latest?.texts[entry.key] ?? entry.builtIn)]));
  const keys = new Set(entries.map((entry) => entry.key));
  const draft = Object.fromEntries(
    listContentDraft(tx, { lifeEventId: lifeEvent.id })
      .filter((row) => keys.has(row.key))
      .map((row) => [row.key, { ja: row.ja, en: row.en }]),
  );
  const drafted = { ...published, ...draft };
  return { entries, version: latest?.version ?? 0, published, draft, drafted, problems: textProblems(entries, drafted) };
}

/** The draft's texts in one language (what a preview shows): every text that differs from the built-in one. */
export function draftTextsIn(state: ContentState, lang: Lang): Record<string, string> {
  const differing: ContentTexts = Object.fromEntries(
    state.entries.filter((entry) => !sameText(state.drafted[entry.key], entry.builtIn)).map((entry) => [entry.key, state.drafted[entry.key]]),
  );
  return textsIn(differing, lang);
}

export type DraftFieldErrors = Record<string, string[]>;

/**
 * Saves a group's texts (a question's, a procedure's, or the shared error messages) into the draft. A text equal
 * to what is published leaves the draft; an empty one stays in the draft (and blocks publishing until filled).
 * Markup, control characters and overlong texts are refused with the field's error.
 */
export function saveDraftTexts(
  db: Db,
  auth: AuthContext,
  lifeEvent: LifeEvent,
  { group, texts }: { group: string; texts: Record<string, Bilingual> },
): { ok: true } | { ok: false; errors: DraftFieldErrors } {
  // Only the texts the form sent: a key it left out keeps its draft or published text.
  const entries = textEntriesOf(lifeEvent).filter((entry) => entry.group === group && Object.hasOwn(texts, entry.key));
  const errors: DraftFieldErrors = {};
  for (const entry of entries) {
    for (const lang of ["ja", "en"] as const) {
      const text = texts[entry.key]?.[lang] ?? "";
      const field = `${entry.key}|${lang}`;
      if (text.length > maxTextLength) errors[field] = ["design:texts.errors.tooLong"];
      else if (isHostileText(text)) errors[field] = ["design:texts.errors.hostile"];
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  db.transaction((tx) => {
    const state = contentStateOf(tx, lifeEvent);
    const at = new Date().toISOString();
    for (const entry of entries) {
      const text = { ja: (texts[entry.key]?.ja ?? "").trim(), en: (texts[entry.key]?.en ?? "").trim() };
      if (sameText(text, state.published[entry.key])) deleteContentDraftText(tx, { lifeEventId: lifeEvent.id, key: entry.key });
      else saveContentDraftText(tx, { lifeEventId: lifeEvent.id, key: entry.key, ...text, updatedBy: auth.user.id, updatedAt: at });
    }
  });
  return { ok: true };
}

export function discardDraft(db: Db, lifeEvent: LifeEvent): void {
  db.transaction((tx) => deleteContentDraft(tx, { lifeEventId: lifeEvent.id }));
}

/** Only texts that differ from the built-in ones are stored in a version. */
function overridesOf(entries: TextEntry[], texts: Record<string, BilingualText>): ContentTexts {
  return Object.fromEntries(entries.filter((entry) => !sameText(texts[entry.key], entry.builtIn)).map((entry) => [entry.key, texts[entry.key]]));
}

function changesBetween(entries: TextEntry[], before: Record<string, BilingualText>, after: Record<string, BilingualText>): ContentChange[] {
  return entries.filter((entry) => !sameText(before[entry.key], after[entry.key])).map((entry) => ({ key: entry.key, before: before[entry.key], after: after[entry.key] }));
}

export type PublishResult =
  | { ok: true; version: number; changes: ContentChange[] }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "problems"; problems: TextProblem[] }
  | { ok: false; reason: "stale" };

/**
 * Publishes the draft as the next content version, audited with every change (before and after, both languages),
 * and empties the draft, in one transaction. `expectedVersion` is the version the designer saw: a publish or
 * revert by someone else since then refuses this one, so nobody publishes over a change they have not seen.
 */
export function publishDraft(db: Db, auth: AuthContext, lifeEvent: LifeEvent, { expectedVersion }: { expectedVersion: number }): PublishResult {
  return db.transaction((tx): PublishResult => {
    const state = contentStateOf(tx, lifeEvent);
    if (state.version !== expectedVersion) return { ok: false, reason: "stale" };
    const changes = changesBetween(state.entries, state.published, state.drafted);
    if (changes.length === 0) return { ok: false, reason: "empty" };
    if (state.problems.length > 0) return { ok: false, reason: "problems", problems: state.problems };
    const version = state.version + 1;
    const at = new Date();
    insertContentVersion(tx, {
      lifeEventId: lifeEvent.id,
      version,
      texts: overridesOf(state.entries, state.drafted),
      changes,
      revertedTo: null,
      publishedBy: auth.user.id,
      publishedAt: at.toISOString(),
    });
    deleteContentDraft(tx, { lifeEventId: lifeEvent.id });
    appendAuditEntry(tx, {
      ...auditActorOf(auth),
      action: "content.published",
      subjectType: "lifeEvent",
      subjectId: lifeEvent.id,
      details: { contentVersion: version, flowVersion: lifeEvent.version, changes },
      at,
    });
    return { ok: true, version, changes };
  });
}

export type RevertResult = { ok: true; version: number; changes: ContentChange[] } | { ok: false; reason: "unknown" | "unchanged" | "stale" };

/** Publishes an earlier version's texts again (0: the built-in texts) as the next version, audited; the draft stays. */
export function revertContent(
  db: Db,
  auth: AuthContext,
  lifeEvent: LifeEvent,
  { toVersion, expectedVersion }: { toVersion: number; expectedVersion: number },
): RevertResult {
  return db.transaction((tx): RevertResult => {
    const state = contentStateOf(tx, lifeEvent);
    if (state.version !== expectedVersion) return { ok: false, reason: "stale" };
    const target: { texts: ContentTexts } | undefined = toVersion === 0 ? { texts: {} } : findContentVersion(tx, { lifeEventId: lifeEvent.id, version: toVersion });
    if (!target || toVersion >= state.version) return { ok: false, reason: toVersion === state.version ? "unchanged" : "unknown" };
    const after = Object.fromEntries(state.entries.map((entry) => [entry.key, complete(target.texts[entry.key] ?? entry.builtIn)]));
    const changes = changesBetween(state.entries, state.published, after);
    if (changes.length === 0) return { ok: false, reason: "unchanged" };
    const version = state.version + 1;
    const at = new Date();
    insertContentVersion(tx, {
      lifeEventId: lifeEvent.id,
      version,
      texts: overridesOf(state.entries, after),
      changes,
      revertedTo: toVersion,
      publishedBy: auth.user.id,
      publishedAt: at.toISOString(),
    });
    appendAuditEntry(tx, {
      ...auditActorOf(auth),
      action: "content.reverted",
      subjectType: "lifeEvent",
      subjectId: lifeEvent.id,
      details: { contentVersion: version, revertedTo: toVersion, flowVersion: lifeEvent.version, changes },
      at,
    });
    return { ok: true, version, changes };
  });
}

/** Every published version, newest first, with the name of who published it. */
export function contentHistoryOf(tx: Tx, lifeEvent: LifeEvent) {
  const names = new Map<string, string>();
  const nameOf = (userId: string) => {
    if (!names.has(userId)) names.set(userId, getUserById(tx, { userId })?.displayName ?? userId);
    return names.get(userId)!;
  };
  return listContentVersions(tx, { lifeEventId: lifeEvent.id }).map((version) => ({
    version: version.version,
    publishedAt: version.publishedAt,
    publishedBy: nameOf(version.publishedBy),
    revertedTo: version.revertedTo,
    changes: version.changes,
  }));
}
