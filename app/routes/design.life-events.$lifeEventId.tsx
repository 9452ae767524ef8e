// One life event for designers: its questions and the rule that asks each, its procedures and the rule
// that selects each, with the flows:check problems where they arise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DesignProblems } from "~/components/design-problems/design-problems";
import { lifeEventView, requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { titleMeta } from "~/platform/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const view = lifeEventView(lifeEvent, lang, t);
  return { ...view, lifeEventTitle: view.title, title: `${view.title} | ${t("design:home.title")} | ${t("common:serviceName")}` };
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

      <section aria-labelledby="life-event-checks">
        <h2 id="life-event-checks">{t("checks.heading")}</h2>
        {view.problems.length + view.questions.reduce((sum, q) => sum + q.problems.length, 0) + view.procedures.reduce((sum, p) => sum + p.problems.length, 0) === 0 ? (
          <p>{t("checks.ok")}</p>
        ) : (
          <p>{t("checks.whereShown")}</p>
        )}
        <DesignProblems problems={view.problems} labelledBy="life-event-checks" />
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
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t("procedure.selectedWhen")}</dt>
                  <dd>{t("rules.dependsOn", { inputs: procedure.selectedWhen.join(t("list.separator")) || t("rules.nothing") })}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("procedure.organisation")}</dt>
                  <dd>{procedure.organisation}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("procedure.channel")}</dt>
                  <dd>{procedure.channel}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("procedure.legalBasis")}</dt>
                  <dd>{procedure.legalBasis}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("procedure.deadline")}</dt>
                  <dd>{procedure.deadline}</dd>
                </div>
                {procedure.prerequisites.length ? (
                  <div className="summary-list__row">
                    <dt>{t("procedure.prerequisites")}</dt>
                    <dd>{procedure.prerequisites.join(t("list.separator"))}</dd>
                  </div>
                ) : null}
              </dl>
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
    </>
  );
}
