// The organisations: each one's channel (back office or API), endpoint and delivery health now (waiting,
// failing, dead letters, last success); those in trouble first. Each links to its own page for the actions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAgencyOverviews } from "~/admin/agencies.server";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { DataTable } from "~/components/data-table/data-table";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const lang = await adminLanguage(request);
  return { title: await pageTitle(request, "agencies.title", "admin"), agencies: listAgencyOverviews(getDb(), { lang }) };
}

export default function Agencies() {
  const { t, i18n } = useTranslation("admin");
  const { agencies } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin" className="back-link">
          {t("backToConsole")}
        </Link>
      </p>
      <h1>{t("agencies.title")}</h1>
      <p className="lead">{t("agencies.lead")}</p>
      <DataTable caption={t("agencies.title")}>
        <thead>
          <tr>
            <th scope="col">{t("agencies.columns.organisation")}</th>
            <th scope="col">{t("agencies.columns.channel")}</th>
            <th scope="col">{t("agencies.columns.endpoint")}</th>
            <th scope="col">{t("agencies.columns.queued")}</th>
            <th scope="col">{t("agencies.columns.failing")}</th>
            <th scope="col">{t("agencies.columns.deadLetters")}</th>
            <th scope="col">{t("agencies.columns.lastSuccess")}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <td>
                <Link to={`/admin/agencies/${agency.id}`}>{agency.name}</Link>
              </td>
              <td>{t(`agencies.channels.${agency.channel}`)}</td>
              <td className="agency-endpoint">{agency.channel === "http" ? (agency.url ?? t("agencies.noEndpoint")) : t("agencies.notApplicable")}</td>
              <td>{agency.health.queued}</td>
              <td>{agency.health.failing}</td>
              <td>
                {agency.health.deadLetters > 0 ? (
                  <Link to={`/admin/dead-letters?agency=${encodeURIComponent(agency.id)}`}>{agency.health.deadLetters}</Link>
                ) : (
                  0
                )}
              </td>
              <td>{agency.health.lastSuccessAt ? formatDateTime(agency.health.lastSuccessAt, i18n.language) : t("agencies.never")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
