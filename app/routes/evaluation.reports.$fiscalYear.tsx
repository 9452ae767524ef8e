// The yearly report for a fiscal year (April to March), for the whole service or one ministry: every figure with
// its definition, the plan items' progress and the reform ranking, printable (the print stylesheet drops the
// navigation). `?format=csv` and `?format=json` give every figure for machines.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { EvaluationFigures, ReformRanking } from "~/components/evaluation-figures/figures";
import { EvaluationNav } from "~/components/evaluation-nav/evaluation-nav";
import { PlanTable } from "~/components/evaluation-plans/plan-table";
import { requestLanguage } from "~/evaluation/request-language.server";
import { currentFiscalYear, readEvaluationFilter } from "~/evaluation/figures.server";
import { readFiscalYear, reportView } from "~/evaluation/report.server";
import { requireUser } from "~/identity/auth.server";
import { journeyNamespaces } from "~/journeys/namespaces";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's: its own, and the life events' (question titles in the drop-off figures). */
export const handle = { i18n: ["evaluation", ...journeyNamespaces] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["evaluator"] });
  const fiscalYear = readFiscalYear(params.fiscalYear);
  if (fiscalYear === null) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const ministryId = readEvaluationFilter(url).ministryId;
  const format = url.searchParams.get("format");
  if (format === "csv" || format === "json") {
    throw redirect(`/evaluation/reports/${fiscalYear}/download?format=${format}${ministryId ? `&ministry=${ministryId}` : ""}`);
  }
  const view = reportView(getDb(), { fiscalYear, ministryId }, await requestLanguage(request));
  const title = view.ministry ? await pageTitle(request, "report.titleMinistry", "evaluation", undefined, { year: fiscalYear, ministry: view.ministry }) : await pageTitle(request, "report.title", "evaluation", undefined, { year: fiscalYear });
  return { title, currentYear: currentFiscalYear(), view };
}

export default function YearlyReport() {
  const { t } = useTranslation("evaluation");
  const { currentYear, view } = useLoaderData<typeof loader>();
  const { fiscalYear, ministryId, ministry, ministries, figures, plans } = view;
  const query = (format: string) => `?format=${format}${ministryId ? `&ministry=${ministryId}` : ""}`;
  return (
    <>
      <EvaluationNav fiscalYear={currentYear} />
      <h1>{ministry ? t("report.titleMinistry", { year: fiscalYear, ministry }) : t("report.title", { year: fiscalYear })}</h1>
      <p className="lead">{t("report.lead", { year: fiscalYear, next: fiscalYear + 1, scope: ministry ?? t("report.allMinistries") })}</p>
      <section aria-labelledby="report-downloads" className="report-downloads">
        <h2 id="report-downloads">{t("report.download")}</h2>
        <ul>
          <li>
            <a href={query("csv")} download>
              {t("report.csv")}
            </a>
          </li>
          <li>
            <a href={query("json")} download>
              {t("report.json")}
            </a>
          </li>
        </ul>
        <p>{t("report.print")}</p>
        <nav aria-labelledby="report-ministries">
          <h3 id="report-ministries">{t("report.ministries")}</h3>
          <ul>
            <li>{ministryId ? <Link to={`/evaluation/reports/${fiscalYear}`}>{t("report.whole")}</Link> : <span aria-current="page">{t("report.whole")}</span>}</li>
            {ministries.map((m) => (
              <li key={m.id}>{m.id === ministryId ? <span aria-current="page">{m.name}</span> : <Link to={`/evaluation/reports/${fiscalYear}?ministry=${m.id}`}>{m.name}</Link>}</li>
            ))}
          </ul>
        </nav>
      </section>
      <EvaluationFigures figures={figures} />
      <section aria-labelledby="report-plans" className="figure-section">
        <h2 id="report-plans">{t("report.plans")}</h2>
        <PlanTable plans={plans} />
      </section>
      <ReformRanking rows={figures.reformRanking} />
    </>
  );
}
