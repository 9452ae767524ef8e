// The document: language detection, the base layout, and the error boundary every route falls back to.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
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
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteLayout } from "~/components/site-layout/site-layout";
import { fallbackLanguage, isLanguage, type Language } from "~/i18n/config";
import { i18nServer, languageCookie } from "~/i18n/i18n.server";
import appHref from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokensHref },
  { rel: "stylesheet", href: appHref },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const detected = await i18nServer.getLocale(request);
  const locale: Language = isLanguage(detected) ? detected : fallbackLanguage;
  const headers = new Headers();
  // A language chosen with ?lng= is remembered for the next pages.
  if (new URL(request.url).searchParams.has("lng")) {
    headers.append("Set-Cookie", await languageCookie.serialize(locale));
  }
  const t = await i18nServer.getFixedT(locale, "common");
  const errorTitles = Object.fromEntries(
    (["notFound", "forbidden", "serverError"] as const).map((key) => [key, `${t(`errors.${key}.title`)} | ${t("serviceName")}`]),
  );
  return data({ locale, title: t("serviceName"), errorTitles }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) return [{ title: "Madoguchi" }];
  if (error) return [{ title: data.errorTitles[errorKey(error)] }];
  return [{ title: data.title }];
};

function errorKey(error: unknown): "notFound" | "forbidden" | "serverError" {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && (error.status === 403 || error.status === 401)) return "forbidden";
  return "serverError";
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? fallbackLanguage;
  const { i18n } = useTranslation();
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteLayout language={locale}>{children}</SiteLayout>
        <ScrollRestoration />
        <Scripts />
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
