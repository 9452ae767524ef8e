// Translation settings shared by the server and the browser: Japanese first, English complete beside it.
// The server holds every translation (resources.server.ts) and renders complete pages without JavaScript; the
// browser loads only its page's language and the namespaces its routes name in `handle.i18n`, each namespace
// file a chunk of its own (hashed, cached for good), fetched before hydration or before a navigation renders.
import type { InitOptions } from "i18next";

export const supportedLanguages = ["ja", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "ja";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** i18next settings without resources, for the server (the pages render with texts.tsx). */
export const baseI18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;

/** What every page uses (the layout, the header, the session warning), whatever its routes say. */
export const layoutNamespaces = ["common"];

// Every namespace file under public/locales/<lng>/<ns>.json, as a loader: the build makes each its own chunk.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>("../../../public/locales/*/*.json");
const loaderOf = (lng: string, ns: string) => loaders[`../../../public/locales/${lng}/${ns}.json`];

/** Every namespace there is (from the file names; the same in every language, a test checks). */
export const allNamespaces = [
  ...new Set(Object.keys(loaders).map((file) => /locales\/[^/]+\/([^/]+)\.json$/.exec(file)?.[1]).filter((ns): ns is string => !!ns)),
].sort();

/**
 * The namespaces a page needs, from the routes it matched: each route's `handle.i18n` is a namespace or a list
 * of them, added to the layout's. An entry `:name` is the namespace the route's parameter `name` names, when there
 * is one (a life event's id is its namespace), so a journey page loads its own life event's words only. A route
 * that says nothing gets every namespace, so a new route works before it is tuned; the root's handle only repeats
 * the layout's.
 */
export function namespacesForRoutes(routes: { id: string; handle?: unknown; params?: Record<string, string | undefined> }[]): string[] {
  const wanted = new Set(layoutNamespaces);
  for (const { id, handle, params } of routes) {
    if (id === "root") continue;
    const i18n = handle && typeof handle === "object" && "i18n" in handle ? (handle as { i18n: unknown }).i18n : undefined;
    if (i18n === undefined) return allNamespaces;
    for (const ns of typeof i18n === "string" ? [i18n] : Array.isArray(i18n) ? i18n : []) {
      if (typeof ns !== "string") continue;
      const named = ns.startsWith(":") ? params?.[ns.slice(1)] : ns;
      if (named && allNamespaces.includes(named)) wanted.add(named);
    }
  }
  return [...wanted].sort();
}

/** Loads a language's namespaces (each a chunk of its own) into a page's texts: the browser's way to get them. */
export async function loadNamespaces(lng: string, namespaces: readonly string[], into: Record<string, Record<string, unknown> | undefined>): Promise<void> {
  await Promise.all(
    namespaces.map(async (ns) => {
      const load = loaderOf(lng, ns);
      if (!load) throw new Error(`no translations ${lng}/${ns}`);
      into[ns] = (await load()).default;
    }),
  );
}
