// Japanese and English must hold exactly the same keys in every namespace: a missing translation fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allNamespaces, layoutNamespaces, namespacesForRoutes, supportedLanguages } from "./config";
import { resources } from "./resources.server";

const localesDir = path.resolve(__dirname, "../../../public/locales");

function keysOf(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function namespacesOf(lng: string): string[] {
  return readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
}

describe("translations", () => {
  it("every language has the same namespaces", () => {
    expect(namespacesOf("en")).toEqual(namespacesOf("ja"));
  });

  for (const ns of namespacesOf("ja")) {
    it(`${ns}: ja and en have the same keys, and none is empty`, () => {
      const load = (lng: string) => JSON.parse(readFileSync(path.join(localesDir, lng, `${ns}.json`), "utf8"));
      // A plural key has the forms its language needs (Japanese: `_other` only; English: `_one` and `_other`).
      const pluralBases = (lng: string) => {
        const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
        const keys = keysOf(load(lng));
        const bases = new Set(keys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, "")));
        for (const base of bases) expect(categories.map((c) => `${base}_${c}`).filter((k) => !keys.includes(k)), `${lng}/${ns}.json plural forms`).toEqual([]);
        return keys.map((k) => (bases.has(k.replace(/_[a-z]+$/, "")) ? `${k.replace(/_[a-z]+$/, "")}_{plural}` : k));
      };
      const ja = [...new Set(pluralBases("ja"))].sort();
      const en = [...new Set(pluralBases("en"))].sort();
      expect({ missingInEn: ja.filter((k) => !en.includes(k)), missingInJa: en.filter((k) => !ja.includes(k)) }).toEqual({
        missingInEn: [],
        missingInJa: [],
      });
      for (const lng of ["ja", "en"]) {
        const flat = (o: unknown, p = ""): [string, unknown][] =>
          o && typeof o === "object" && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k)) : [[p, o]];
        const empty = flat(load(lng)).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
        expect(empty, `${lng}/${ns}.json has empty or non-text values`).toEqual([]);
      }
    });
  }

  it("bundles every namespace file for both languages", () => {
    for (const lng of supportedLanguages) {
      expect(Object.keys(resources[lng] ?? {}).sort()).toEqual(namespacesOf(lng));
    }
  });
});

describe("namespacesForRoutes", () => {
  const root = { id: "root", handle: { i18n: layoutNamespaces } };

  it("adds each route's namespaces to the layout's", () => {
    expect(namespacesForRoutes([root, { id: "routes/ideas._index", handle: { i18n: ["ideas"] } }])).toEqual(["common", "ideas"]);
  });

  it("reads a `:param` entry as the namespace the route's parameter names, so a journey page loads its own life event only", () => {
    const journeyPage = (lifeEventId: string) => ({ id: "routes/life-events.$lifeEventId._index", handle: { i18n: ["journey", ":lifeEventId"] }, params: { lifeEventId } });
    expect(namespacesForRoutes([root, journeyPage("relocation")])).toEqual(["common", "journey", "relocation"]);
    expect(namespacesForRoutes([root, journeyPage("incorporation")])).toEqual(["common", "incorporation", "journey"]);
    // An address that names no namespace (the page is a 404) adds nothing, and never a file that does not exist.
    expect(namespacesForRoutes([root, journeyPage("no-such-event")])).toEqual(["common", "journey"]);
  });

  it("gives every namespace to a route that names none", () => {
    expect(namespacesForRoutes([root, { id: "routes/new" }])).toEqual(allNamespaces);
  });
});
