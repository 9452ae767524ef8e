// Picks the language of a request (?lng= first, then the lng cookie, then Accept-Language), and keeps one
// initialised i18next instance per language for every request to share: building one per request (three,
// with the root loader and the page title) was most of a page's cost.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, isLanguage, supportedLanguages, type Language } from "./config";
import { i18nOptions } from "./resources.server";

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

/** The request's language, always one Madoguchi speaks. */
export async function languageOf(request: Request): Promise<Language> {
  const detected = await i18nServer.getLocale(request);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

const instances = new Map<Language, Promise<I18n>>();

/**
 * The i18next instance of a language, initialised once with every translation and shared by all requests.
 * Nothing may change its language (each language has its own instance), so sharing it is safe.
 */
export function i18nFor(lng: Language): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nOptions, lng })
      .then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}

/** A translate function for a language and namespaces (the first is the default). */
export async function fixedT(lng: Language, ns: string | string[]): Promise<TFunction> {
  return (await i18nFor(lng)).getFixedT(lng, ns);
}
