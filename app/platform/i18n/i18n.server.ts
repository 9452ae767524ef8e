// Picks the language of a request (?lng= first, then the lng cookie, then Accept-Language), and keeps one
// initialised i18next instance per language for every request to share: building one per request (three,
// with the root loader and the page title) was most of a page's cost.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, isLanguage, supportedLanguages, type Language } from "./config";
import { i18nOptions, resources } from "./resources.server";
import type { PageTexts, TextParts } from "./texts";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Language detection only: translations come from `i18nFor`, never from this object's per-call instances. */
export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nOptions,
});

/** How many detected languages are remembered (by what decides them; see `languageOf`). */
export const REMEMBERED_LANGUAGES = 500;
const detectedLanguages = new Map<string, Language>();

/**
 * The request's language, always one Madoguchi speaks. A page asks three or four times (root loader, page loader,
 * page title, render), and Remix gives each loader its own copy of the request; the answer depends only on the
 * `lng` search parameter, the `lng` cookie's pairs and Accept-Language, so it is remembered by those (never by the
 * whole Cookie header, which holds the session token).
 */
export async function languageOf(request: Request): Promise<Language> {
  const url = request.url;
  const query = url.indexOf("?");
  const lngParams = query < 0 ? "" : new URLSearchParams(url.slice(query)).getAll("lng").join("\u0001");
  const lngCookies = request.headers.get("cookie")?.match(/(?:^|;)\s*lng\s*=[^;]*/g)?.join(";") ?? "";
  const key = `${lngParams}\u0000${lngCookies}\u0000${request.headers.get("accept-language") ?? ""}`;
  const remembered = detectedLanguages.get(key);
  if (remembered) return remembered;
  const detected = await i18nServer.getLocale(request);
  const language = isLanguage(detected) ? detected : fallbackLanguage;
  if (detectedLanguages.size >= REMEMBERED_LANGUAGES) detectedLanguages.clear();
  detectedLanguages.set(key, language);
  return language;
}

const instances = new Map<string, Promise<I18n>>();

/**
 * The i18next instance of a language (loaders, page titles, e-mails), initialised once and shared by all requests.
 * Nothing may change an instance's language (each language has its own), so sharing it is safe.
 */
export function i18nFor(lng: Language): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created.init({ ...i18nOptions, lng }).then(() => rememberPlainLookups(created));
    instances.set(lng, instance);
  }
  return instance;
}

const pages = new Map<string, PageTexts>();

/**
 * What a page renders with (texts.tsx): its language and only the `namespaces` its routes name, exactly what the
 * browser loads to hydrate it, so server and browser always render the same text, and a namespace a page forgot
 * to name shows as a raw key on the server, where the every-page test finds it, instead of breaking hydration in
 * the browser. Shared by all requests (nothing changes it on the server).
 */
export function pageTexts(lng: Language, namespaces: readonly string[]): PageTexts {
  const key = `${lng}:${[...namespaces].sort().join(",")}`;
  let texts = pages.get(key);
  if (!texts) {
    texts = { language: lng, namespaces: Object.fromEntries(namespaces.map((ns) => [ns, (resources[lng]?.[ns] ?? {}) as Record<string, unknown>])) };
    pages.set(key, texts);
  }
  return texts;
}

/**
 * Parts of namespaces in a language, for a loader to send with a page's data (WithTexts in texts.tsx): each
 * `ns:part` is a top-level key of a namespace with everything under it.
 */
export function textParts(lng: Language, parts: Iterable<string>): TextParts {
  const found: TextParts = {};
  for (const part of parts) {
    const [ns, key] = part.split(":");
    const tree = resources[lng]?.[ns] as Record<string, unknown> | undefined;
    if (!key || !tree || !(key in tree)) continue;
    (found[ns] ??= {})[key] = tree[key];
  }
  return found;
}

/** How many plain lookups an instance remembers; the keys in the code are a few thousand, a key built from input could be any. */
export const REMEMBERED_LOOKUPS = 10_000;

/**
 * Makes the instance remember what a plain lookup (a key and at most its language and namespaces, no values,
 * count or context) translates to: its translations never change, and such a lookup is most of a page's calls
 * to `t`, each a walk through i18next's key parsing, resolution, nesting and interpolation. Lookups with values
 * go to i18next every time (what they read is open-ended).
 */
export function rememberPlainLookups(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const remembered = new Map<string, unknown>();
  instance.t = ((...args: unknown[]) => {
    const [key, options] = args;
    if (typeof key !== "string" || args.length > 2 || !isPlain(options)) return translate(...args);
    const ns = options?.ns;
    const lookup = `${options?.lng ?? ""}\u0000${Array.isArray(ns) ? ns.join(",") : (ns ?? "")}\u0000${key}`;
    if (remembered.has(lookup)) return remembered.get(lookup);
    const text = translate(...args);
    if (remembered.size < REMEMBERED_LOOKUPS) remembered.set(lookup, text);
    return text;
  }) as unknown as I18n["t"];
  return instance;
}

/** Options that only say where to look (what react-i18next's `t` and `getFixedT` pass), or none. */
function isPlain(options: unknown): options is { lng?: string | null; ns?: string | string[] } | undefined {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  for (const [name, value] of Object.entries(options)) {
    // react-i18next's `t` passes lng and lngs as null, and keyPrefix unset.
    if (name === "lng" ? typeof value === "string" || value == null : name === "ns" ? isNamespaces(value) : (name === "lngs" || name === "keyPrefix") && value == null) continue;
    return false;
  }
  return true;
}

const isNamespaces = (value: unknown) => value === undefined || typeof value === "string" || (Array.isArray(value) && value.every((ns) => typeof ns === "string"));

/** A translate function for a language and namespaces (the first is the default). */
export async function fixedT(lng: Language, ns: string | string[]): Promise<TFunction> {
  return (await i18nFor(lng)).getFixedT(lng, ns);
}
