// The evaluation dashboard, where evaluators land: every figure for the chosen period, life event, procedure,
// organisation or ministry, with its definition, and the monthly trend as a chart with its data table.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { EvaluationFigures } from "~/components/evaluation-figures/figures";
import { EvaluationNav } from "~/components/evaluation-nav/evaluation-nav";
import { dashboardView } from "~/evaluation/dashboard.server";
import { requestLanguage } from "~/evaluation/request-language.server";
import { currentFiscalYear, readEvaluationFilter } from "~/evaluation/figures.server";
import { requireUser } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { journeyNamespaces } from "~/journeys/namespaces";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's: its own, and the life events' (question titles in the drop-off figures). */
export const handle = { i18n: ["evaluation", ...journeyNamespaces] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["evaluator"] });
  const filter = readEvaluationFilter(new URL(request.url));
  return { title: await pageTitle(request, "home.title", "evaluation"), fiscalYear: currentFiscalYear(), view: dashboardView(getDb(), filter, await requestLanguage(request)) };
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: { id: string; name: string }[] }) {
  const { t } = useTranslation("evaluation");
  return (
    <div className="field">
      <label className="field__label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} className="input" defaultValue={value ?? ""}>
        <option value="">{t("filters.all")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function EvaluationHome() {
  const { t } = useTranslation("evaluation");
  const { fiscalYear, view } = useLoaderData<typeof loader>();
  const { filter, options } = view;
  return (
    <>
      <EvaluationNav fiscalYear={fiscalYear} />
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <Form method="get" className="office-filters evaluation-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("filters.heading")}</h2>
        <div className="office-filters__fields">
          {(["from", "to"] as const).map((name) => (
            <div className="field" key={name}>
              <label className="field__label" htmlFor={`filter-${name}`}>
                {t(`filters.${name}`)}
              </label>
              <span className="field__hint" id={`filter-${name}-hint`}>
                {t("filters.monthHint")}
              </span>
              <input id={`filter-${name}`} name={name} type="month" className="input" defaultValue={filter[name]} aria-describedby={`filter-${name}-hint`} />
            </div>
          ))}
          <Select name="lifeEvent" label={t("filters.lifeEvent")} value={filter.lifeEventId} options={options.lifeEvents} />
          <Select name="procedure" label={t("filters.procedure")} value={filter.procedureId} options={options.procedures} />
          <Select name="agency" label={t("filters.agency")} value={filter.agencyId} options={options.agencies} />
          <Select name="ministry" label={t("filters.ministry")} value={filter.ministryId} options={options.ministries} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("filters.apply")}
        </button>
      </Form>
      <p role="status">{t("scope", { from: filter.from, to: filter.to })}</p>
      {filter.ministryId ? (
        <p>
          <Link to={`/evaluation/reports/${fiscalYear}?ministry=${filter.ministryId}`}>{t("nav.reportFor", { year: fiscalYear })}</Link>
        </p>
      ) : null}
      <EvaluationFigures figures={view} />
    </>
  );
}
