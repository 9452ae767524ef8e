// Hydration: the browser's i18next starts in the language the server rendered (<html lang>), from bundled resources.
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fallbackLanguage, i18nOptions, isLanguage } from "./platform/i18n/config";

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng: isLanguage(htmlLang) ? htmlLang : fallbackLanguage });
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
