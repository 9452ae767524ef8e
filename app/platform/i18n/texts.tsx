// The pages' translate function, for the server's rendering and the browser alike: a small lookup over the
// translations a page was given (its language, the namespaces its routes name), instead of i18next and
// react-i18next in the browser (about 17 KB gzip of the JavaScript every page downloaded; issue 12). It does what
// the pages use of i18next, the same way: `ns:key` or the hook's namespace, `{{name}}` filled in (left as it is
// when no value is given), `count` choosing `_one`/`_other` by the language's plural rules, `defaultValue`, and
// the key itself when nothing is found. Loaders, e-mails and the CLI keep i18next (i18n.server.ts).
import type { TFunction } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";

type Tree = { [key: string]: unknown };

/** What a page renders with: its language and the namespaces it has (each a tree of texts). */
export type PageTexts = { language: string; namespaces: Record<string, Tree | undefined> };

/** What `useTranslation()` gives besides `t`, as i18next's object did. */
export type TextsInfo = { language: string; exists: (key: string) => boolean; dir: (language?: string) => "ltr" | "rtl" };

const TextsContext = createContext<PageTexts | null>(null);

/** Without a provider (component tests), the texts this returns; set by the test set-up. */
let fallbackTexts: () => PageTexts = () => ({ language: "ja", namespaces: {} });

export function setFallbackTexts(texts: () => PageTexts): void {
  fallbackTexts = texts;
}

export function TextsProvider({ texts, children }: { texts: PageTexts; children: ReactNode }) {
  return <TextsContext.Provider value={texts}>{children}</TextsContext.Provider>;
}

function find(tree: Tree | undefined, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

/** `ns:key` names its namespace; a plain key is in the default one. */
function split(key: string, defaultNs: string): [string, string] {
  const colon = key.indexOf(":");
  return colon > 0 && /^[\w-]+$/.test(key.slice(0, colon)) ? [key.slice(0, colon), key.slice(colon + 1)] : [defaultNs, key];
}

/** Fills {{name}} (or {{a.b}}) with a value; a name without a value stays as it is (as i18next does). */
function fill(text: string, values: Record<string, unknown>): string {
  // Most texts have nothing to fill: no regular expression for them.
  if (!text.includes("{{")) return text;
  return text.replace(/{{\s*([\w.]+)\s*}}/g, (whole, name: string) => {
    const value = find(values as Tree, name);
    return value === undefined || value === null ? whole : String(value);
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** What each key of a tree holds, remembered: a page looks the same keys up again and again (the trees never change). */
const found = new WeakMap<Tree, Map<string, unknown>>();

function findText(tree: Tree | undefined, key: string): unknown {
  if (!tree) return undefined;
  let known = found.get(tree);
  if (!known) found.set(tree, (known = new Map()));
  if (known.has(key)) return known.get(key);
  const text = find(tree, key);
  known.set(key, text);
  return text;
}

/** The text of a key, or undefined. */
function lookup(texts: PageTexts, ns: string, key: string, count: unknown): string | undefined {
  const tree = texts.namespaces[ns];
  if (typeof count === "number") {
    let rules = pluralRules.get(texts.language);
    if (!rules) pluralRules.set(texts.language, (rules = new Intl.PluralRules(texts.language)));
    const plural = findText(tree, `${key}_${rules.select(count)}`);
    if (typeof plural === "string") return plural;
  }
  const text = findText(tree, key);
  return typeof text === "string" ? text : undefined;
}

/** A translate function over a page's texts, `defaultNs` for keys that name no namespace. */
export function translator(texts: PageTexts, defaultNs = "common"): TFunction {
  const t = (key: string, options?: unknown) => {
    const values = options && typeof options === "object" ? (options as Record<string, unknown>) : {};
    const [ns, path] = split(key, defaultNs);
    const text = lookup(texts, ns, path, values.count);
    if (text !== undefined) return fill(text, values);
    if (typeof options === "string") return options;
    return typeof values.defaultValue === "string" ? fill(values.defaultValue, values) : path;
  };
  return t as unknown as TFunction;
}

/** Parts of namespaces (`{ journey: { form: {...} } }`) that a page's loader sends with its data. */
export type TextParts = Record<string, Tree>;

/**
 * Adds the texts a loader sent (textParts in i18n.server.ts) to the page's, for what is inside: a page that needs a
 * few parts of a namespace gets them with its data instead of the browser loading the whole namespace.
 */
export function WithTexts({ parts, children }: { parts: TextParts; children: ReactNode }) {
  const page = usePageTexts();
  const texts = useMemo(() => {
    const namespaces = { ...page.namespaces };
    for (const [ns, tree] of Object.entries(parts)) namespaces[ns] = { ...namespaces[ns], ...tree };
    return { language: page.language, namespaces };
  }, [page, parts]);
  return <TextsContext.Provider value={texts}>{children}</TextsContext.Provider>;
}

/** The page's texts themselves (the browser adds namespaces to them as navigations need them). */
export function usePageTexts(): PageTexts {
  return useContext(TextsContext) ?? fallbackTexts();
}

const otherLanguages = new Map<string, PageTexts>();

/**
 * The page's texts in `language`: those it was rendered with, or, after a client navigation changed the language
 * (a `?lng=` link), the browser's texts for that language (empty until useRouteNamespaces loads them).
 */
export function useLanguageTexts(language: string | undefined): PageTexts {
  const texts = usePageTexts();
  // On the server the page's texts are always in the request's language.
  if (!language || texts.language === language || typeof document === "undefined") return texts;
  let other = otherLanguages.get(language);
  if (!other) otherLanguages.set(language, (other = { language, namespaces: {} }));
  return other;
}

/** The texts of the page, translated in its language: `ns` is the default namespace (the first, for a list). */
export function useTranslation(ns?: string | readonly string[]): { t: TFunction; i18n: TextsInfo } {
  const texts = usePageTexts();
  const defaultNs = (typeof ns === "string" ? ns : ns?.[0]) ?? "common";
  return useMemo(
    () => ({
      t: translator(texts, defaultNs),
      i18n: {
        language: texts.language,
        exists: (key: string) => {
          const [namespace, path] = split(key, defaultNs);
          return lookup(texts, namespace, path, undefined) !== undefined;
        },
        dir: () => "ltr" as const,
      },
    }),
    [texts, defaultNs],
  );
}
