// The document: language detection, the base layout, and the error boundary every route falls back to.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import tokensHref from "@digital-go-jp/design-tokens/dist/tokens.css?url";
import type { ReactNode } from "react";
import { TextsProvider, useLanguageTexts, useTranslation } from "~/platform/i18n/texts";
import { useNonce } from "~/components/nonce/nonce";
import { AccountNav, type AccountSummary } from "~/components/account-nav/account-nav";
import { RateLimitNotice } from "~/components/rate-limit-notice/rate-limit-notice";
import { SessionTimeout } from "~/components/session-timeout/session-timeout";
import { SiteLayout } from "~/components/site-layout/site-layout";
import { fallbackLanguage, layoutNamespaces, type Language } from "~/platform/i18n/config";
import { useRouteNamespaces } from "~/platform/i18n/use-route-namespaces";
import { fixedT, languageCookie, languageOf } from "~/platform/i18n/i18n.server";
import { getOptionalUser, listSubjectsOf } from "~/identity/auth.server";
import { issueCsrfToken } from "~/identity/security/csrf.server";
import { safeRedirect } from "~/identity/security/safe-redirect";
import { countCasesNeedingAction } from "~/cases/case-pages.server";
import { getDb } from "../db/client.server";
import appHref from "~/styles/app.css?url";

/** The layout's namespaces; each route adds its own in `handle.i18n` (see the README, "Translations per page"). */
export const handle = { i18n: layoutNamespaces };

export const links: LinksFunction = () => [
  // The icon is named, so no browser asks for a missing one; the .ico serves those that ask /favicon.ico anyway.
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32 48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: tokensHref },
  { rel: "stylesheet", href: appHref },
];

const errorKeys = ["notFound", "forbidden", "serverError", "tooManyRequests"] as const;
const titles = new Map<Language, Promise<{ title: string; errorTitles: Record<(typeof errorKeys)[number], string> }>>();

/** The service's name and the error pages' titles in a language: the same texts on every page, so made once per language. */
function titlesIn(locale: Language) {
  let found = titles.get(locale);
  if (!found) {
    found = fixedT(locale, "common").then((t) => ({
      title: t("serviceName"),
      errorTitles: Object.fromEntries(errorKeys.map((key) => [key, `${t(`errors.${key}.title`)} | ${t("serviceName")}`])) as Record<(typeof errorKeys)[number], string>,
    }));
    titles.set(locale, found);
  }
  return found;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale: Language = await languageOf(request);
  // A language chosen with ?lng= is remembered in a cookie, and the address loses ?lng= (the same page again),
  // so the Back button and a reload show the language the person chose last, never an older one.
  const url = new URL(request.url);
  if (url.searchParams.has("lng")) {
    url.searchParams.delete("lng");
    // Through safeRedirect: a path such as //evil.example/?lng=en must not become a redirect off the portal.
    throw redirect(safeRedirect(`${url.pathname}${url.search}`, "/"), { headers: { "Set-Cookie": await languageCookie.serialize(locale) } });
  }
  const headers = new Headers();
  const { title, errorTitles } = await titlesIn(locale);
  // Every page carries this browser's CSRF token for its forms (the cookie is set on the first visit).
  const csrf = await issueCsrfToken(request);
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  // With the request's load context: the route's loader shares this one read of the session and the user.
  const auth = await getOptionalUser(request, { context });
  const account: AccountSummary | null = auth
    ? {
        displayName: auth.user.displayName,
        role: auth.user.role,
        actingFor: auth.actingFor?.name ?? null,
        canChooseSubject: listSubjectsOf(auth.user).length > 1,
        casesNeedingAction: auth.subject ? countCasesNeedingAction(getDb(), { applicantId: auth.subject.id }) : null,
      }
    : null;
  const idleExpiresAt = auth?.session.idleExpiresAt.toISOString() ?? null;
  return data({ locale, title, errorTitles, csrfToken: csrf.token, account, idleExpiresAt, serverNow: new Date().toISOString() }, { headers });
}

// The header (who is signed in, for whom, the session's end) and the CSRF token must follow every
// navigation, so the root loader runs on each one.
export const shouldRevalidate = () => true;

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) return [{ title: "Madoguchi" }];
  if (error) return [{ title: data.errorTitles[errorKey(error)] }];
  return [{ title: data.title }];
};

function errorKey(error: unknown): "notFound" | "forbidden" | "serverError" | "tooManyRequests" {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && error.status === 429) return "tooManyRequests";
  if (isRouteErrorResponse(error) && (error.status === 403 || error.status === 401)) return "forbidden";
  return "serverError";
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? fallbackLanguage;
  const { i18n } = useTranslation();
  const nonce = useNonce();
  // The language can change in a client navigation (a `?lng=` link): the page then renders with that language's texts.
  const texts = useLanguageTexts(rootData?.locale);
  useRouteNamespaces(texts);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <TextsProvider texts={texts}>
          <SiteLayout language={locale} nav={<AccountNav account={rootData?.account ?? null} />} sessionEndsAt={rootData?.idleExpiresAt ?? null}>
            {children}
          </SiteLayout>
          {rootData?.idleExpiresAt ? <SessionTimeout idleExpiresAt={rootData.idleExpiresAt} serverNow={rootData.serverNow} /> : null}
        </TextsProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const key = errorKey(error);
  if (key === "tooManyRequests" && isRouteErrorResponse(error)) {
    const retryAt = (error.data as { retryAt?: string } | undefined)?.retryAt ?? new Date().toISOString();
    return <RateLimitNotice retryAt={retryAt} headingLevel={1} />;
  }
  return (
    <>
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href="/">{t("errors.backToStart")}</a>
      </p>
      {import.meta.env.DEV && error instanceof Error ? <pre>{error.stack}</pre> : null}
    </>
  );
}
