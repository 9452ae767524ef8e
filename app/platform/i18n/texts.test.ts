// The pages' translate function gives what i18next gives (what the server's loaders and e-mails use), for every
// key of every namespace in both languages, with and without values and counts.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "./config";
import { i18nOptions, namespaces, resources } from "./resources.server";
import { translator, type PageTexts } from "./texts";

function keysOf(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe("translator", () => {
  for (const lng of supportedLanguages) {
    it(`translates every ${lng} key as i18next does`, async () => {
      const i18n = createInstance();
      await i18n.init({ ...i18nOptions, lng });
      const texts: PageTexts = { language: lng, namespaces: resources[lng] as PageTexts["namespaces"] };
      for (const ns of namespaces) {
        const t = translator(texts, ns);
        const expected = i18n.getFixedT(lng, ns);
        const bases = new Set(keysOf(resources[lng][ns]).map((key) => key.replace(/_(one|other)$/, "")));
        for (const key of bases) {
          for (const options of [undefined, { count: 1, name: "N", time: "T" }, { count: 2, ref: "R" }, { count: 0 }]) {
            expect(t(key, options), `${lng} ${ns}:${key} ${JSON.stringify(options)}`).toBe(expected(key, options));
            expect(t(`${ns}:${key}`, options)).toBe(expected(`${ns}:${key}`, options));
          }
        }
      }
    });
  }

  it("gives the default value, or the key, for a key it does not know", () => {
    const t = translator({ language: "en", namespaces: { journey: { a: "A {{x}}" } } }, "journey");
    expect(t("journey:missing.key")).toBe("missing.key");
    expect(t("missing", { defaultValue: "fallback {{x}}", x: 1 })).toBe("fallback 1");
    expect(t("a", { x: "b" })).toBe("A b");
    expect(t("a")).toBe("A {{x}}");
  });
});
