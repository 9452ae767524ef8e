// The organisations: each one's channel (back office or API) and delivery health: what waits now and since
// when, how the backlog changed over the last hour, and per hour and day the deliveries, retries, dead letters
// and delivery times. A growing backlog first, then those in trouble; 20 a page. Each links to its own page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { listAgencyOverviews, type AgencyOverview } from "~/admin/agencies.server";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { pageLinks, pageOf } from "~/admin/paging";
import { AdminTable, BackToConsole, Pager, type AdminColumn } from "~/components/admin-table/admin-table";
import { Backlog, OldestWaitingShort, WindowSummary } from "~/components/delivery-health/delivery-health";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const lang = await adminLanguage(request);
  const page = pageOf(listAgencyOverviews(getDb(), { lang }), new URL(request.url).searchParams.get("page"));
  return { title: await pageTitle(request, "agencies.title", "admin"), page };
}

export default function Agencies() {
  const { t } = useTranslation("admin");
  const { page } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const windows = ["lastHour", "lastDay"] as const;
  const columns: AdminColumn<AgencyOverview>[] = [
    { header: t("agencies.columns.organisation"), cell: (agency) => <Link to={`/admin/agencies/${agency.id}`}>{agency.name}</Link> },
    { header: t("agencies.columns.channel"), cell: (agency) => t(`agencies.channels.${agency.channel}`) },
    { header: t("agencies.columns.waiting"), className: "figure-number", cell: (agency) => agency.health.queued + agency.health.failing },
    { header: t("agencies.columns.oldestWaiting"), cell: (agency) => <OldestWaitingShort since={agency.health.oldestWaitingSince} /> },
    { header: t("agencies.columns.backlog"), cell: (agency) => <Backlog change={agency.health.backlogChange} /> },
    {
      header: t("agencies.columns.deadLetters"),
      className: "figure-number",
      cell: (agency) => (agency.health.deadLetters > 0 ? <Link to={`/admin/dead-letters?agency=${encodeURIComponent(agency.id)}`}>{agency.health.deadLetters}</Link> : 0),
    },
    ...windows.map((window) => ({ header: t(`health.${window}`), cell: (agency: AgencyOverview) => <WindowSummary window={agency.health[window]} /> })),
  ];
  const { previous, next } = pageLinks(search, page);
  const pager = (
    <Pager label={t("agencies.pagerLabel")} position={t("agencies.position", { from: page.from, to: page.to, total: page.total })} previous={previous} next={next} />
  );
  return (
    <>
      <BackToConsole />
      <h1>{t("agencies.title")}</h1>
      <p className="lead">{t("agencies.lead")}</p>
      <AdminTable
        caption={t("agencies.title")}
        columns={columns}
        rows={page.items}
        rowKey={(agency) => agency.id}
      />
      {pager}
    </>
  );
}
