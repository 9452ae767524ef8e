// Every translation, for the server: pages are rendered complete, in either language, without JavaScript.
import type { Resource } from "i18next";
import { baseI18nOptions, fallbackLanguage } from "./config";

const modules = import.meta.glob<{ default: Record<string, unknown> }>("../../../public/locales/*/*.json", { eager: true });

export const resources: Resource = {};
for (const [file, mod] of Object.entries(modules)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lng, ns] = match;
  resources[lng] ??= {};
  resources[lng][ns] = mod.default;
}

export const namespaces = Object.keys(resources[fallbackLanguage] ?? { common: {} });

/** i18next options with every resource loaded (server rendering, component tests). */
export const i18nOptions = { ...baseI18nOptions, ns: namespaces, resources };
