// Hydration: the browser's i18next starts in the language the server rendered (<html lang>), with only the
// namespaces the matched routes name (handle.i18n) in that language, loaded before hydrating. A later
// navigation to a route that needs another namespace suspends inside Remix's transition until it is loaded
// (useRouteNamespaces, in the root layout), so no raw key is ever shown.
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { baseI18nOptions, fallbackLanguage, isLanguage, lazyTranslations, namespacesForRoutes } from "./platform/i18n/config";

/** The routes of this page: on the first load the browser has exactly the matched routes' modules. */
function matchedRoutes() {
  const modules = (window as unknown as { __remixRouteModules: Record<string, { handle?: unknown } | undefined> }).__remixRouteModules;
  return Object.entries(modules).map(([id, module]) => ({ id, handle: module?.handle }));
}

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const lng = isLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  await i18next
    .use(initReactI18next)
    .use(lazyTranslations)
    .init({
      ...baseI18nOptions,
      lng,
      // Both languages hold every key (a test checks), so the browser never needs a second language.
      fallbackLng: false,
      ns: namespacesForRoutes(matchedRoutes()),
      react: { useSuspense: true },
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
