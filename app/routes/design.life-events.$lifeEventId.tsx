// One life event for designers: its questions and the rule that asks each, its procedures and the rule
// that selects each, with the flows:check problems where they arise.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { DesignProblems } from "~/components/design-problems/design-problems";
import { DataTable } from "~/components/data-table/data-table";
import { coverageView, lifeEventDrawings, lifeEventView, requireLifeEvent, sharingMatrixView } from "~/design/life-event.server";
import { coverageScenarios } from "~/design/scenarios.server";
import { FactRow, ProcedureFacts } from "~/components/procedure-facts/procedure-facts";
import { getDb } from "../../db/client.server";
import { requireDesigner } from "~/design/page.server";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["design", ...journeyNamespaces] };

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const view = lifeEventView(lifeEvent, lang, t);
  const drawings = await lifeEventDrawings(lifeEvent, lang, t);
  return { ...view, drawings, coverage: coverageView(lifeEvent, lang, t, coverageScenarios(getDb(), lifeEvent)), matrix: sharingMatrixView(lifeEvent, lang, t), lifeEventTitle: view.title, title: `${view.title} | ${t("design:home.title")} | ${t("common:serviceName")}` };
}

export default function DesignLifeEvent() {
  const { t } = useTranslation("design");
  const view = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="back-link" to="/design">
        {t("home.title")}
      </Link>
      <span className="caption">{t("lifeEvent.caption", { version: view.version })}</span>
      <h1>{view.lifeEventTitle}</h1>
      <p>{view.description}</p>
      <p>
        <Link className="button button--secondary" to={`/design/life-events/${view.id}/simulate`}>
          {t("simulation.start")}
        </Link>{" "}
        <Link className="button button--secondary" to={`/design/life-events/${view.id}/texts`}>
          {t("texts.open")}
        </Link>{" "}
        <Link className="button button--secondary" to={`/design/life-events/${view.id}/versions`}>
          {t("versions.open")}
        </Link>
      </p>

      <section aria-labelledby="life-event-checks">
        <h2 id="life-event-checks">{t("checks.heading")}</h2>
        {view.problems.length + view.questions.reduce((sum, q) => sum + q.problems.length, 0) + view.procedures.reduce((sum, p) => sum + p.problems.length, 0) === 0 ? (
          <p>{t("checks.ok")}</p>
        ) : (
          <p>{t("checks.whereShown")}</p>
        )}
        <DesignProblems problems={view.problems} labelledBy="life-event-checks" />
      </section>

      <section aria-labelledby="life-event-coverage">
        <h2 id="life-event-coverage">{t("coverage.heading")}</h2>
        <p>{t("coverage.lead", { count: view.coverage.scenarios.length, names: view.coverage.scenarios.join(t("coverage.separator")), rules: view.coverage.rules })}</p>
        {view.coverage.incomplete.length > 0 ? <p>{t("coverage.incomplete", { names: view.coverage.incomplete.join(t("coverage.separator")) })}</p> : null}
        {view.coverage.untried.length === 0 ? (
          <p>{t("coverage.complete")}</p>
        ) : (
          <>
            <p>{t("coverage.untried", { count: view.coverage.untried.length })}</p>
            <ul>
              {view.coverage.untried.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="life-event-drawings">
        <h2 id="life-event-drawings">{t("drawing.heading")}</h2>
        <p>{t("drawing.lead")}</p>
        <ul>
          <li>
            <a href="#life-event-questions">{t("lifeEvent.questions")}</a>
          </li>
          <li>
            <a href="#life-event-procedures">{t("lifeEvent.procedures")}</a>
          </li>
          <li>
            <a href="#life-event-matrix">{t("matrix.heading")}</a>
          </li>
        </ul>
        <div className="design-drawings">
          <figure className="design-drawing">
            <figcaption id="drawing-journey-caption">{t("drawing.journeyCaption")}</figcaption>
            {/* A scrollable region must be focusable so keyboard users can scroll it. */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="design-drawing__region" role="region" aria-labelledby="drawing-journey-caption" tabIndex={0} dangerouslySetInnerHTML={{ __html: view.drawings.journey }} />
          </figure>
          <figure className="design-drawing">
            <figcaption id="drawing-procedures-caption">{t("drawing.proceduresCaption")}</figcaption>
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="design-drawing__region" role="region" aria-labelledby="drawing-procedures-caption" tabIndex={0} dangerouslySetInnerHTML={{ __html: view.drawings.procedures }} />
          </figure>
        </div>
      </section>

      <section aria-labelledby="life-event-questions">
        <h2 id="life-event-questions">{t("lifeEvent.questions")}</h2>
        <ol className="design-list">
          {view.questions.map((question) => (
            <li key={question.id} id={`question-${question.id}`} className="card">
              <h3 id={`question-${question.id}-title`}>{question.title}</h3>
              {question.hint ? <p className="field__hint">{question.hint}</p> : null}
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t("question.type")}</dt>
                  <dd>{question.type}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("question.askedWhen")}</dt>
                  <dd>{question.askedWhen ? t("rules.dependsOn", { inputs: question.askedWhen.join(t("list.separator")) }) : t("question.always")}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("question.prefill")}</dt>
                  <dd>{question.prefill ?? t("question.noPrefill")}</dd>
                </div>
              </dl>
              <DesignProblems problems={question.problems} labelledBy={`question-${question.id}-title`} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="life-event-procedures">
        <h2 id="life-event-procedures">{t("lifeEvent.procedures")}</h2>
        <ul className="design-list">
          {view.procedures.map((procedure) => (
            <li key={procedure.id} id={`procedure-${procedure.id}`} className="card">
              <h3 id={`procedure-${procedure.id}-title`}>{procedure.name}</h3>
              <ProcedureFacts
                procedure={procedure}
                first={<FactRow term={t("procedure.selectedWhen")}>{t("rules.dependsOn", { inputs: procedure.selectedWhen.join(t("list.separator")) || t("rules.nothing") })}</FactRow>}
              />
              <p>
                <Link to={`/design/catalogue?show=procedures&q=${encodeURIComponent(procedure.id)}#procedure-${procedure.id}`}>
                  {t("lifeEvent.inCatalogue", { name: procedure.name })}
                </Link>
              </p>
              <DesignProblems problems={procedure.problems} labelledBy={`procedure-${procedure.id}-title`} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="life-event-matrix">
        <h2 id="life-event-matrix">{t("matrix.heading")}</h2>
        <p>{t("matrix.lead")}</p>
        <div className="design-matrix">
        <DataTable caption={t("matrix.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("matrix.organisation")}</th>
              {view.matrix.items.map((item) => (
                <th scope="col" key={item.key}>
                  {item.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.matrix.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, index) => (
                  <td key={view.matrix.items[index].key} className="design-matrix__cell">
                    {cell.length === 0 ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t("matrix.notSent")}</span>
                      </>
                    ) : (
                      cell.map((entry) => (
                        <p key={entry.procedure}>
                          {entry.procedure}
                          <span className="summary-list__meta design-matrix__basis">{entry.legalBasis}</span>
                        </p>
                      ))
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
        </div>
      </section>
    </>
  );
}
