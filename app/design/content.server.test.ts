// Wording without a deploy: a draft in both languages, blocked while a language is missing, published as a new
// content version that the citizen's pages read at once, audited with what changed; reverting publishes an
// earlier version's texts again; a publish over a version the designer has not seen is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { auditEntries } from "../../db/schema";
import { listContentVersions } from "../../db/queries/content";
import { createTestDatabase } from "../../tests/setup/test-db";
import { getLifeEvent } from "../../flows";
import { descriptionKey } from "../../flows/design/texts";
import type { AuthContext } from "../identity/auth.server";
import { publishedTexts } from "../journeys/texts.server";
import { describeProcedures } from "../journeys/life-events.server";
import { contentStateOf, draftTextsIn, publishDraft, revertContent, saveDraftTexts } from "./content.server";
import ja from "../../public/locales/ja/relocation.json";
import en from "../../public/locales/en/relocation.json";

let db: Db;
let close: () => void;
beforeAll(() => ({ db, close } = createTestDatabase()));
afterAll(() => close());

const designer = { user: { id: "u-designer", role: "designer" }, actingFor: null, subject: null } as unknown as AuthContext;
const relocation = getLifeEvent("relocation")!;
const hint = "relocation:moveDate.hint";
const newHint = { ja: "実際に新しい住所に住み始める日です。", en: "The day you start living at the new address." };

const audits = (action: string) =>
  db.select().from(auditEntries).where(eq(auditEntries.action, action)).all().map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));

describe("wording without a deploy", () => {
  it("keeps a draft away from citizens, and shows it in the preview", () => {
    expect(saveDraftTexts(db, designer, relocation, { group: "moveDate", texts: { [hint]: newHint, "relocation:moveDate.title": { ja: ja.moveDate.title, en: en.moveDate.title } } })).toEqual({ ok: true });
    const state = contentStateOf(db, relocation);
    // Only the text that differs is in the draft.
    expect(Object.keys(state.draft)).toEqual([hint]);
    expect(draftTextsIn(state, "en")[hint]).toBe(newHint.en);
    expect(publishedTexts(db, "relocation", "en")).toEqual({});
  });

  it("refuses markup and overlong texts, with the field's error, and stores nothing of them", () => {
    const result = saveDraftTexts(db, designer, relocation, { group: "moveDate", texts: { [hint]: { ja: "<img src=x onerror=alert(1)>", en: "x".repeat(1001) } } });
    expect(result).toEqual({ ok: false, errors: { [`${hint}|ja`]: ["design:texts.errors.hostile"], [`${hint}|en`]: ["design:texts.errors.tooLong"] } });
    expect(contentStateOf(db, relocation).draft[hint]).toEqual(newHint);
  });

  it("blocks publishing while a text is missing in one language", () => {
    const key = descriptionKey(relocation, "move-in-notification");
    saveDraftTexts(db, designer, relocation, { group: "move-in-notification", texts: { [key]: { ja: "新しい住所の市区町村に届け出ます。", en: "" } } });
    const result = publishDraft(db, designer, relocation, { expectedVersion: 0 });
    expect(result).toEqual({ ok: false, reason: "problems", problems: [{ key, kind: "missing", lang: "en" }] });
    expect(listContentVersions(db, { lifeEventId: "relocation" })).toEqual([]);
    saveDraftTexts(db, designer, relocation, { group: "move-in-notification", texts: { [key]: { ja: "新しい住所の市区町村に届け出ます。", en: "Tells the municipality of your new address." } } });
  });

  it("publishes the draft as version 1: citizens read it on their next page, and the audit says who changed what", () => {
    const result = publishDraft(db, designer, relocation, { expectedVersion: 0 });
    expect(result.ok && result.version).toBe(1);
    expect(publishedTexts(db, "relocation", "en")[hint]).toBe(newHint.en);
    expect(publishedTexts(db, "relocation", "ja")[hint]).toBe(newHint.ja);
    expect(describeProcedures(relocation, "en", publishedTexts(db, "relocation", "en")).find((p) => p.id === "move-in-notification")?.description).toBe(
      "Tells the municipality of your new address.",
    );
    expect(contentStateOf(db, relocation).draft).toEqual({});
    const [entry] = audits("content.published");
    expect(entry).toMatchObject({ actor: "u-designer", subjectType: "lifeEvent", subjectId: "relocation" });
    expect(entry.details).toMatchObject({ contentVersion: 1, flowVersion: relocation.version });
    expect(entry.details.changes).toContainEqual({ key: hint, before: { ja: ja.moveDate.hint, en: en.moveDate.hint }, after: newHint });
  });

  it("refuses a publish or revert made over a version the designer has not seen, and an empty draft", () => {
    saveDraftTexts(db, designer, relocation, { group: "moveDate", texts: { [hint]: { ja: "別の案", en: "Another idea" } } });
    expect(publishDraft(db, designer, relocation, { expectedVersion: 0 })).toEqual({ ok: false, reason: "stale" });
    expect(revertContent(db, designer, relocation, { toVersion: 0, expectedVersion: 0 })).toEqual({ ok: false, reason: "stale" });
    saveDraftTexts(db, designer, relocation, { group: "moveDate", texts: { [hint]: newHint } });
    expect(publishDraft(db, designer, relocation, { expectedVersion: 1 })).toEqual({ ok: false, reason: "empty" });
  });

  it("reverts to the built-in texts as version 2, audited, and citizens read the built-in texts again", () => {
    const result = revertContent(db, designer, relocation, { toVersion: 0, expectedVersion: 1 });
    expect(result.ok && result.version).toBe(2);
    expect(publishedTexts(db, "relocation", "en")).toEqual({});
    const [entry] = audits("content.reverted");
    expect(entry.details).toMatchObject({ contentVersion: 2, revertedTo: 0 });
    expect(entry.details.changes).toContainEqual({ key: hint, before: newHint, after: { ja: ja.moveDate.hint, en: en.moveDate.hint } });
    expect(revertContent(db, designer, relocation, { toVersion: 1, expectedVersion: 2 }).ok).toBe(true);
    expect(publishedTexts(db, "relocation", "en")[hint]).toBe(newHint.en);
    expect(listContentVersions(db, { lifeEventId: "relocation" }).map((v) => [v.version, v.revertedTo])).toEqual([
      [3, 1],
      [2, 0],
      [1, null],
    ]);
  });
});
