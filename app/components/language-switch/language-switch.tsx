// Switches language with a plain link to the same page (?lng=…), so it works without JavaScript
// and keeps the person where they are.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { supportedLanguages, type Language } from "~/platform/i18n/config";

export function languageHref(pathname: string, search: string, lng: Language): string {
  const params = new URLSearchParams(search);
  params.set("lng", lng);
  return `${pathname}?${params.toString()}`;
}

export function LanguageSwitch({ current }: { current: Language }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  return (
    <nav aria-label={t("languageSwitch.label")}>
      <ul className="language-switch">
        {supportedLanguages.map((lng) => (
          <li key={lng}>
            <a
              href={languageHref(location.pathname, location.search, lng)}
              lang={lng}
              hrefLang={lng}
              aria-current={lng === current ? "true" : undefined}
            >
              {t(`languageSwitch.${lng}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
