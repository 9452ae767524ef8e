// Simulation: a sample person, or a sample with answers the designer changes, run through a life event page
// by page: what is asked and why, what is prefilled and from where, which procedures are selected and why,
// exactly what each organisation would receive (checked against its schema), deadlines and effort. A GET form,
// so it works without JavaScript and a run is a link; nothing is sent or stored.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Question } from "../../flows";
import { AnswerText } from "~/components/questions/answer-text";
import { RecordValue } from "~/components/record-value/record-value";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { readSimulationInput, simulationView, type ReadView } from "~/design/simulation.server";
import { formatDate } from "~/platform/format";
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
  const input = readSimulationInput(new URL(request.url), lifeEvent);
  const samples = lifeEvent.samples.map((sample) => ({ id: sample.id, name: String(sample.record["name.kanji"] ?? sample.record["company.name"] ?? "") }));
  return {
    title: `${t("design:simulation.title", { title: lifeEvent.title[lang] })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    lifeEventTitle: lifeEvent.title[lang],
    samples,
    sampleId: input?.sampleId ?? samples[0]?.id ?? "",
    changes: input?.answersText ?? "",
    run: input ? simulationView(lifeEvent, input, lang, t) : null,
  };
}

function Reads({ reads }: { reads: ReadView[] }) {
  const { t } = useTranslation("design");
  if (reads.length === 0) return <>{t("simulation.readsNothing")}</>;
  return (
    <ul className="plain-list">
      {reads.map((read) => (
        <li key={read.key}>
          {read.label}
          {t("simulation.is")}
          {read.question ? <AnswerText question={read.question as unknown as Question} value={read.value} /> : <RecordValue attributeKey={read.key} value={read.value} />}
        </li>
      ))}
    </ul>
  );
}

export default function DesignSimulation() {
  const { t, i18n } = useTranslation("design");
  const { lifeEventId, lifeEventTitle, samples, sampleId, changes, run } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="back-link" to={`/design/life-events/${lifeEventId}`}>
        {lifeEventTitle}
      </Link>
      <h1>{t("simulation.title", { title: lifeEventTitle })}</h1>
      <p>{t("simulation.lead")}</p>
      <Form method="get" aria-labelledby="simulation-form-heading">
        <h2 id="simulation-form-heading">{t("simulation.formHeading")}</h2>
        <div className="field">
          <label className="field__label" htmlFor="simulation-sample">
            {t("simulation.sample")}
          </label>
          <select className="input" id="simulation-sample" name="sample" defaultValue={sampleId}>
            {samples.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="simulation-answers">
            {t("simulation.changes")}
          </label>
          <span className="field__hint" id="simulation-answers-hint">
            {t("simulation.changesHint")}
          </span>
          <textarea className="input design-simulation__answers" id="simulation-answers" name="answers" rows={6} defaultValue={changes} aria-describedby="simulation-answers-hint" />
        </div>
        <button type="submit" className="button">
          {t("simulation.run")}
        </button>
      </Form>

      {run ? (
        <>
          {run.answersError ? (
            <div className="notice notice--warning" role="alert">
              {t("simulation.answersError")}
            </div>
          ) : null}
          <section aria-labelledby="simulation-summary">
            <h2 id="simulation-summary">{t("simulation.summary")}</h2>
            <p data-testid="simulation-effort">
              {t("simulation.effort", { entered: run.effort.itemsEntered, needed: run.effort.itemsNeeded, percent: (run.effort.ratio * 100).toFixed(1) })}
            </p>
            <p>{t("simulation.counts", { pages: run.pages.length, procedures: run.selected.length })}</p>
            {run.unanswered ? <p className="notice notice--warning">{t("simulation.unanswered", { question: run.unanswered })}</p> : null}
          </section>

          <section aria-labelledby="simulation-pages">
            <h2 id="simulation-pages">{t("simulation.pages")}</h2>
            <ol className="design-list">
              {run.pages.map((page) => (
                <li key={page.number} className="card">
                  <h3>{t("simulation.page", { number: page.number, title: page.title })}</h3>
                  <dl className="summary-list">
                    <div className="summary-list__row">
                      <dt>{t("simulation.askedBecause")}</dt>
                      <dd>{page.askedBecause ? <Reads reads={page.askedBecause} /> : t("question.always")}</dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("question.prefill")}</dt>
                      <dd>
                        {page.prefillFrom
                          ? t(page.confirmedPrefill ? "simulation.prefillConfirmed" : "simulation.prefillChanged", { source: page.prefillFrom })
                          : t("question.noPrefill")}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("simulation.answer")}</dt>
                      <dd>
                        <AnswerText question={page.question as unknown as Question} value={page.answer} />
                        {page.valid ? null : <strong className="field__error">{t("simulation.invalid")}</strong>}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("simulation.itemsEntered")}</dt>
                      <dd>{page.itemsEntered}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ol>
            {run.skipped.length ? (
              <>
                <h3>{t("simulation.skipped")}</h3>
                <ul>
                  {run.skipped.map((skip) => (
                    <li key={skip.title}>
                      {skip.title}
                      <Reads reads={skip.reads} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="simulation-procedures">
            <h2 id="simulation-procedures">{t("simulation.selected")}</h2>
            <ul className="design-list">
              {run.selected.map((procedure) => (
                <li key={procedure.id} className="card" data-testid="simulated-procedure">
                  <h3>{procedure.name}</h3>
                  <dl className="summary-list">
                    <div className="summary-list__row">
                      <dt>{t("simulation.why")}</dt>
                      <dd>
                        <Reads reads={procedure.why} />
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("procedure.organisation")}</dt>
                      <dd>{procedure.organisation}</dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("procedure.legalBasis")}</dt>
                      <dd>{procedure.legalBasis}</dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("procedure.deadline")}</dt>
                      <dd>{procedure.deadline ? formatDate(procedure.deadline, i18n.language) : t("deadline.none")}</dd>
                    </div>
                    {procedure.prerequisites.length ? (
                      <div className="summary-list__row">
                        <dt>{t("procedure.prerequisites")}</dt>
                        <dd>{procedure.prerequisites.join(t("list.separator"))}</dd>
                      </div>
                    ) : null}
                    <div className="summary-list__row">
                      <dt>{t("simulation.schema")}</dt>
                      <dd>
                        {procedure.schemaIssues.length === 0 && !procedure.routeError ? (
                          t("simulation.schemaOk")
                        ) : (
                          <strong className="field__error">{t("simulation.schemaFails", { items: procedure.schemaIssues.join(t("list.separator")) })}</strong>
                        )}
                      </dd>
                    </div>
                  </dl>
                  <h4>{t("simulation.payload", { organisation: procedure.organisation })}</h4>
                  <dl className="summary-list">
                    {procedure.payload.map((entry) => (
                      <div className="summary-list__row" key={entry.key}>
                        <dt>{entry.label}</dt>
                        <dd>
                          {entry.question ? <AnswerText question={entry.question as unknown as Question} value={entry.value} /> : <RecordValue attributeKey={entry.key} value={entry.value} />}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
            {run.notSelected.length ? (
              <>
                <h3>{t("simulation.notSelected")}</h3>
                <ul>
                  {run.notSelected.map((procedure) => (
                    <li key={procedure.id}>
                      {procedure.name}
                      <Reads reads={procedure.why} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
