// Which texts a designer may change, and what blocks publishing them.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../catalogue";
import type { Locales } from "../lib/checks";
import { descriptionKey, editableTexts, placeholdersOf, textProblems } from "./texts";
import jaRelocation from "../../public/locales/ja/relocation.json";
import enRelocation from "../../public/locales/en/relocation.json";

const locales = { ja: { relocation: jaRelocation }, en: { relocation: enRelocation } } as unknown as Locales;
const relocation = getLifeEvent("relocation")!;
const entries = editableTexts(relocation, locales);

describe("editableTexts", () => {
  it("lists each question's title, hint and own error messages, the shared error messages and each procedure's description", () => {
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get("relocation:moveDate.title")).toMatchObject({ kind: "title", group: "moveDate", builtIn: { ja: jaRelocation.moveDate.title, en: enRelocation.moveDate.title } });
    expect(byKey.get("relocation:moveDate.hint")).toMatchObject({ kind: "hint", group: "moveDate" });
    expect(byKey.get("relocation:residenceCardNumber.errors.pattern")).toMatchObject({ kind: "error", group: "residenceCardNumber" });
    expect(byKey.get("relocation:errors.required")).toMatchObject({ kind: "error", group: "errors", groupKind: "errors" });
    expect(byKey.get("relocation:errors.dateWindow.between")).toMatchObject({ kind: "error", group: "errors" });
    expect(byKey.get("relocation:movingMembers.fields.name.title")).toMatchObject({ kind: "title", group: "movingMembers" });
    expect(byKey.get(descriptionKey(relocation, "move-in-notification"))).toMatchObject({ kind: "description", groupKind: "procedure", optional: true });
    // No question without a hint gets one, and every key is listed once.
    expect(byKey.has("relocation:ownsVehicle.hint")).toBe(false);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
  });

  it("finds nothing to fix in the built-in texts", () => {
    expect(textProblems(entries, {})).toEqual([]);
  });
});

describe("textProblems", () => {
  it("blocks a text missing in either language, but lets a description be absent in both", () => {
    const problems = textProblems(entries, {
      "relocation:moveDate.hint": { ja: "新しいヒント", en: " " },
      [descriptionKey(relocation, "move-in-notification")]: { ja: "", en: "" },
      [descriptionKey(relocation, "move-out-notification")]: { ja: "転出の説明", en: "" },
    });
    expect(problems).toEqual([
      { key: "relocation:moveDate.hint", kind: "missing", lang: "en" },
      { key: descriptionKey(relocation, "move-out-notification"), kind: "missing", lang: "en" },
    ]);
  });

  it("blocks a replacement that drops a placeholder its built-in text fills in", () => {
    const key = "relocation:errors.dateWindow.between";
    expect(placeholdersOf(jaRelocation.errors.dateWindow.between)).toEqual(["earliest", "latest", "rule"]);
    const problems = textProblems(entries, { [key]: { ja: "{{earliest}}から{{latest}}まで。{{rule}}", en: "Between {{earliest}} and {{ latest }}." } });
    expect(problems).toEqual([{ key, kind: "placeholder", lang: "en", placeholder: "rule" }]);
  });
});
