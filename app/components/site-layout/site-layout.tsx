// The frame of every page: skip link, service header with the language switch, the main landmark, and the footer.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/platform/i18n/texts";
import { LanguageSwitch } from "~/components/language-switch/language-switch";
import { formatTime } from "~/platform/format";
import type { Language } from "~/platform/i18n/config";

export function SiteLayout({
  language,
  children,
  nav,
  sessionEndsAt = null,
}: {
  language: Language;
  children: ReactNode;
  nav?: ReactNode;
  /** When the signed-in session ends if idle: shown with a link to extend it (works without JavaScript). */
  sessionEndsAt?: string | null;
}) {
  const { t } = useTranslation("common");
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t("skipLink")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__name">
            {t("serviceName")}
            <span className="site-header__tagline">{t("serviceTagline")}</span>
          </Link>
          <div className="site-header__nav">
            {nav}
            <LanguageSwitch current={language} />
          </div>
        </div>
      </header>
      {sessionEndsAt ? (
        <div className="session-bar">
          <p className="session-bar__inner">
            {t("sessionBar.endsAt", { time: formatTime(sessionEndsAt, language) })} <Link to="/session">{t("sessionBar.extend")}</Link>
          </p>
        </div>
      ) : null}
      <main id="main-content" tabIndex={-1}>
        <div className="page">{children}</div>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t("footer.about")}</p>
          <p>
            <Link to="/ideas">{t("footer.ideas")}</Link>
          </p>
          <p>{t("footer.copyright")}</p>
        </div>
      </footer>
    </>
  );
}
