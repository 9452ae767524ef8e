// The designers' catalogue: life events, procedures and organisations, with a GET search form, so a search
// works without JavaScript and is a link a designer can share.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { DataTable } from "~/components/data-table/data-table";
import { catalogueSections, organisationLimit } from "~/design/catalogue-sections";
import { catalogueView, readCatalogueQuery } from "~/design/catalogue.server";
import { requireDesigner } from "~/design/page.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import designStyles from "~/styles/design.css?url";
import { FactRow, ProcedureFacts } from "~/components/procedure-facts/procedure-facts";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["design"] };

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const query = readCatalogueQuery(new URL(request.url));
  return { title: await pageTitle(request, "catalogue.title", "design"), ...catalogueView({ ...query, lang, t }) };
}

export default function DesignCatalogue() {
  const { t } = useTranslation("design");
  const { q, show, lifeEvents, procedures, organisations } = useLoaderData<typeof loader>();
  const wants = (section: string) => show === "all" || show === section;
  return (
    <>
      <Link className="back-link" to="/design">
        {t("home.title")}
      </Link>
      <h1>{t("catalogue.title")}</h1>
      <p>{t("catalogue.lead")}</p>

      <Form method="get" className="design-search" aria-labelledby="design-search-heading">
        <h2 id="design-search-heading" className="visually-hidden">
          {t("catalogue.search.heading")}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor="catalogue-q">
            {t("catalogue.search.label")}
          </label>
          <span className="field__hint" id="catalogue-q-hint">
            {t("catalogue.search.hint")}
          </span>
          <input className="input design-search__input" id="catalogue-q" name="q" type="search" defaultValue={q} aria-describedby="catalogue-q-hint" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="catalogue-show">
            {t("catalogue.search.show")}
          </label>
          <select className="input" id="catalogue-show" name="show" defaultValue={show}>
            {catalogueSections.map((section) => (
              <option key={section} value={section}>
                {t(`catalogue.sections.${section}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("catalogue.search.submit")}
        </button>
      </Form>

      <p role="status">
        {t("catalogue.found", { lifeEvents: lifeEvents.length, procedures: procedures.length, organisations: organisations.total })}
      </p>

      {wants("lifeEvents") ? (
        <section aria-labelledby="catalogue-life-events">
          <h2 id="catalogue-life-events">{t("catalogue.sections.lifeEvents")}</h2>
          {lifeEvents.length === 0 ? (
            <p>{t("catalogue.none")}</p>
          ) : (
            <ul className="card-list">
              {lifeEvents.map((lifeEvent) => (
                <li key={lifeEvent.id} className="card">
                  <h3>
                    <Link to={`/design/life-events/${lifeEvent.id}`}>{lifeEvent.title}</Link>
                  </h3>
                  <p>{lifeEvent.description}</p>
                  <p className="summary-list__meta">
                    {t("lifeEvent.counts", { version: lifeEvent.version, questions: lifeEvent.questions, procedures: lifeEvent.procedures })}{" "}
                    {lifeEvent.problems ? t("checks.problems", { count: lifeEvent.problems }) : t("checks.ok")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {wants("procedures") ? (
        <section aria-labelledby="catalogue-procedures">
          <h2 id="catalogue-procedures">{t("catalogue.sections.procedures")}</h2>
          {procedures.length === 0 ? (
            <p>{t("catalogue.none")}</p>
          ) : (
            <ul className="card-list">
              {procedures.map((procedure) => (
                <li key={procedure.id} className="card" id={`procedure-${procedure.id}`}>
                  <h3>{procedure.name}</h3>
                  {procedure.description ? <p>{procedure.description}</p> : null}
                  <ProcedureFacts procedure={{ ...procedure, organisation: `${procedure.organisation} (${procedure.sector})` }}>
                    <FactRow term={t("procedure.dataItems")}>{procedure.dataItems.join(t("list.separator"))}</FactRow>
                    <FactRow term={t("procedure.inPerson")}>{procedure.inPerson ? t("procedure.inPersonYes") : t("procedure.inPersonNo")}</FactRow>
                    <FactRow term={t("procedure.usedBy")}>
                        {procedure.lifeEvents.length === 0 ? (
                          t("procedure.usedByNone")
                        ) : (
                          <ul className="plain-list">
                            {procedure.lifeEvents.map((lifeEvent) => (
                              <li key={lifeEvent.id}>
                                <Link to={`/design/life-events/${lifeEvent.id}`}>{lifeEvent.title}</Link>
                              </li>
                            ))}
                          </ul>
                        )}
                    </FactRow>
                  </ProcedureFacts>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {wants("organisations") ? (
        <section aria-labelledby="catalogue-organisations">
          <h2 id="catalogue-organisations">{t("catalogue.sections.organisations")}</h2>
          {organisations.total > organisations.shown.length ? <p>{t("catalogue.organisationsLimited", { shown: organisationLimit, total: organisations.total })}</p> : null}
          {organisations.total === 0 ? (
            <p>{t("catalogue.none")}</p>
          ) : (
            <DataTable caption={t("catalogue.sections.organisations")}>
              <thead>
                <tr>
                  <th scope="col">{t("organisation.name")}</th>
                  <th scope="col">{t("organisation.kind")}</th>
                  <th scope="col">{t("organisation.sector")}</th>
                  <th scope="col">{t("organisation.channel")}</th>
                  <th scope="col">{t("organisation.procedures")}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.shown.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">{organisation.name}</th>
                    <td>{organisation.kind}</td>
                    <td>{organisation.sector}</td>
                    <td>{organisation.channel}</td>
                    <td>{organisation.procedures.length ? organisation.procedures.join(t("list.separator")) : t("organisation.byRoute")}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : null}
    </>
  );
}
