// i18next settings shared by the server and the browser: Japanese first, English complete beside it.
// Resources are bundled (no network fetch for translations), so every page renders fully without JavaScript.
import type { InitOptions, Resource } from "i18next";

export const supportedLanguages = ["ja", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "ja";

// Every namespace file under public/locales/<lng>/<ns>.json, gathered at build time.
const modules = import.meta.glob<{ default: Record<string, unknown> }>("../../../public/locales/*/*.json", {
  eager: true,
});

export const resources: Resource = {};
for (const [path, mod] of Object.entries(modules)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lng, ns] = match;
  resources[lng] ??= {};
  resources[lng][ns] = mod.default;
}

export const namespaces = Object.keys(resources[fallbackLanguage] ?? { common: {} });

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: "common",
  ns: namespaces,
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;
