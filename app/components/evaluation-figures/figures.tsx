// The evaluation's figures, each with its definition beside it, the monthly chart with its data table, and the
// tables behind the breakdowns. Shared by the dashboard and the yearly report.
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { DataTable } from "~/components/data-table/data-table";
import { MonthlyChart } from "~/components/evaluation-chart/monthly-chart";

export type FiguresData = {
  volume: { cases: number; requests: number; byMonth: { month: string; cases: number; requests: number }[] };
  completion: { started: number; submitted: number; rate: number | null; dropOff: { lifeEvent: string; questionTitleKey: string | null; count: number }[] };
  satisfaction: { responses: number; mean: number | null; satisfiedShare: number | null; distribution: { rating: number; count: number }[] };
  timeToDecision: { decided: number; p50Hours: number | null; p90Hours: number | null };
  afterDeadline: { decidedWithDeadline: number; late: number; share: number | null };
  rejections: { procedure: string; reason: string | null; count: number }[];
  deadLetters: { requests: number; share: number | null };
  ideas: { received: number; answered: number; done: number };
};

function useFormat() {
  const { t, i18n } = useTranslation("evaluation");
  const number = (value: number, digits = 0) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  return {
    number,
    percent: (value: number | null) => (value === null ? t("none") : t("percent", { value: number(value * 100, 1) })),
    hours: (value: number | null) => (value === null ? t("none") : t("hours", { value: number(value, 1) })),
    mean: (value: number | null) => (value === null ? t("none") : number(value, 2)),
  };
}

function Section({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation("evaluation");
  return (
    <section aria-labelledby={`figure-${id}`} className="figure-section" data-testid={`figure-${id}`}>
      <h2 id={`figure-${id}`}>{t(`figures.${id}.heading`)}</h2>
      <p className="figure-definition">{t(`figures.${id}.definition`)}</p>
      {children}
    </section>
  );
}

function Values({ items }: { items: [label: string, value: string, testId?: string][] }) {
  return (
    <dl className="figure-grid">
      {items.map(([label, value, testId]) => (
        <div className="card" key={label}>
          <dt>{label}</dt>
          <dd className="figure-value" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function EvaluationFigures({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation("evaluation");
  const f = useFormat();
  return (
    <>
      <Section id="volume">
        <Values
          items={[
            [t("figures.volume.cases"), f.number(figures.volume.cases), "volume-cases"],
            [t("figures.volume.requests"), f.number(figures.volume.requests), "volume-requests"],
          ]}
        />
        <MonthlyChart
          title={t("figures.volume.chart")}
          barLabel={t("figures.volume.cases")}
          lineLabel={t("figures.volume.requests")}
          points={figures.volume.byMonth.map((m) => ({ month: m.month, value: m.cases, line: m.requests }))}
        />
        <DataTable caption={t("figures.volume.chart")}>
          <thead>
            <tr>
              <th scope="col">{t("figures.volume.month")}</th>
              <th scope="col">{t("figures.volume.cases")}</th>
              <th scope="col">{t("figures.volume.requests")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.volume.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{f.number(m.cases)}</td>
                <td>{f.number(m.requests)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>

      <Section id="completion">
        <Values
          items={[
            [t("figures.completion.rate"), f.percent(figures.completion.rate)],
            [t("figures.completion.started"), f.number(figures.completion.started)],
            [t("figures.completion.submitted"), f.number(figures.completion.submitted)],
          ]}
        />
        {figures.completion.dropOff.length ? (
          <DataTable caption={t("figures.completion.dropOff")} showCaption>
            <thead>
              <tr>
                <th scope="col">{t("figures.completion.question")}</th>
                <th scope="col">{t("figures.completion.count")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.completion.dropOff.map((d, i) => (
                <tr key={i}>
                  <td>{`${d.lifeEvent} › ${d.questionTitleKey ? t(d.questionTitleKey) : t("none")}`}</td>
                  <td>{f.number(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
      </Section>

      <Section id="satisfaction">
        <Values
          items={[
            [t("figures.satisfaction.mean"), f.mean(figures.satisfaction.mean)],
            [t("figures.satisfaction.satisfied"), f.percent(figures.satisfaction.satisfiedShare)],
            [t("figures.satisfaction.responses"), f.number(figures.satisfaction.responses)],
          ]}
        />
        <DataTable caption={t("figures.satisfaction.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("figures.satisfaction.rating")}</th>
              <th scope="col">{t("figures.satisfaction.count")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.satisfaction.distribution.map((d) => (
              <tr key={d.rating}>
                <th scope="row">{d.rating}</th>
                <td>{f.number(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>

      <Section id="timeToDecision">
        <Values
          items={[
            [t("figures.timeToDecision.p50"), f.hours(figures.timeToDecision.p50Hours)],
            [t("figures.timeToDecision.p90"), f.hours(figures.timeToDecision.p90Hours)],
            [t("figures.timeToDecision.decided"), f.number(figures.timeToDecision.decided)],
          ]}
        />
      </Section>

      <Section id="afterDeadline">
        <Values
          items={[
            [t("figures.afterDeadline.share"), f.percent(figures.afterDeadline.share)],
            [t("figures.afterDeadline.late"), f.number(figures.afterDeadline.late)],
            [t("figures.afterDeadline.withDeadline"), f.number(figures.afterDeadline.decidedWithDeadline)],
          ]}
        />
      </Section>

      <Section id="rejections">
        {figures.rejections.length ? (
          <DataTable caption={t("figures.rejections.heading")}>
            <thead>
              <tr>
                <th scope="col">{t("figures.rejections.procedure")}</th>
                <th scope="col">{t("figures.rejections.reason")}</th>
                <th scope="col">{t("figures.rejections.count")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rejections.map((r, i) => (
                <tr key={i}>
                  <td>{r.procedure}</td>
                  <td>{r.reason ?? t("figures.rejections.unspecified")}</td>
                  <td>{f.number(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t("none")}</p>
        )}
      </Section>

      <Section id="deadLetters">
        <Values
          items={[
            [t("figures.deadLetters.requests"), f.number(figures.deadLetters.requests)],
            [t("figures.deadLetters.share"), f.percent(figures.deadLetters.share)],
          ]}
        />
      </Section>

      <Section id="ideas">
        <Values
          items={[
            [t("figures.ideas.received"), f.number(figures.ideas.received)],
            [t("figures.ideas.answered"), f.number(figures.ideas.answered)],
            [t("figures.ideas.done"), f.number(figures.ideas.done)],
          ]}
        />
      </Section>
    </>
  );
}
