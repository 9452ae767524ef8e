// The evaluation's figures, each with its definition beside it, the monthly chart with its data table, and the
// tables behind the breakdowns. Shared by the dashboard and the yearly report.
import { useTranslation } from "~/platform/i18n/texts";
import type { ReactNode } from "react";
import { DataTable } from "~/components/data-table/data-table";
import { MonthlyChart } from "~/components/evaluation-chart/monthly-chart";

export type FiguresData = {
  volume: { cases: number; requests: number; byMonth: { month: string; cases: number; requests: number }[] };
  digitalTakeUp: { online: number; counter: number; share: number | null; byMonth: { month: string; online: number; counter: number; share: number | null }[] };
  costPerTransaction: { totalYen: number; costed: number; uncosted: number; perTransaction: number | null };
  onceOnly: { needed: number; typed: number; prefilled: number; share: number | null; uncounted: number };
  completion: { started: number; submitted: number; rate: number | null; dropOff: { lifeEvent: string; questionTitleKey: string | null; count: number }[] };
  satisfaction: { responses: number; mean: number | null; satisfiedShare: number | null; distribution: { rating: number; count: number }[] };
  timeToDecision: { decided: number; p50Hours: number | null; p90Hours: number | null };
  afterDeadline: { decidedWithDeadline: number; late: number; share: number | null };
  rejections: { procedure: string; reason: string | null; count: number }[];
  deadLetters: { requests: number; share: number | null };
  ideas: { received: number; answered: number; done: number };
};

export function useFormat() {
  const { t, i18n } = useTranslation("evaluation");
  const number = (value: number, digits = 0) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  return {
    number,
    percent: (value: number | null) => (value === null ? t("none") : t("percent", { value: number(value * 100, 1) })),
    hours: (value: number | null) => (value === null ? t("none") : t("hours", { value: number(value, 1) })),
    mean: (value: number | null) => (value === null ? t("none") : number(value, 2)),
    yen: (value: number | null) => (value === null ? t("none") : t("yen", { value: number(value, 0) })),
  };
}

export function Section({ id, children }: { id: string; children: ReactNode }) {
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

      <Section id="digitalTakeUp">
        <Values
          items={[
            [t("figures.digitalTakeUp.share"), f.percent(figures.digitalTakeUp.share), "takeup-share"],
            [t("figures.digitalTakeUp.online"), f.number(figures.digitalTakeUp.online), "takeup-online"],
            [t("figures.digitalTakeUp.counter"), f.number(figures.digitalTakeUp.counter), "takeup-counter"],
          ]}
        />
        <DataTable caption={t("figures.digitalTakeUp.table")}>
          <thead>
            <tr>
              <th scope="col">{t("figures.digitalTakeUp.month")}</th>
              <th scope="col">{t("figures.digitalTakeUp.online")}</th>
              <th scope="col">{t("figures.digitalTakeUp.counter")}</th>
              <th scope="col">{t("figures.digitalTakeUp.share")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.digitalTakeUp.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{f.number(m.online)}</td>
                <td>{f.number(m.counter)}</td>
                <td>{f.percent(m.share)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>

      <Section id="costPerTransaction">
        {figures.costPerTransaction.costed === 0 && figures.costPerTransaction.uncosted > 0 ? <p>{t("figures.costPerTransaction.notSet")}</p> : null}
        <Values
          items={[
            [t("figures.costPerTransaction.perTransaction"), f.yen(figures.costPerTransaction.perTransaction), "cost-per-transaction"],
            [t("figures.costPerTransaction.total"), f.yen(figures.costPerTransaction.totalYen)],
            [t("figures.costPerTransaction.costed"), f.number(figures.costPerTransaction.costed)],
            [t("figures.costPerTransaction.uncosted"), f.number(figures.costPerTransaction.uncosted)],
          ]}
        />
      </Section>

      <Section id="onceOnly">
        <Values
          items={[
            [t("figures.onceOnly.share"), f.percent(figures.onceOnly.share), "once-only-share"],
            [t("figures.onceOnly.needed"), f.number(figures.onceOnly.needed)],
            [t("figures.onceOnly.prefilled"), f.number(figures.onceOnly.prefilled)],
            [t("figures.onceOnly.typed"), f.number(figures.onceOnly.typed)],
            [t("figures.onceOnly.uncounted"), f.number(figures.onceOnly.uncounted)],
          ]}
        />
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

export type RankingRow = { procedureId: string; procedure: string; volume: number; savedPerRequest: number; score: number };

/** Procedures by volume × data items saved per request: where reform pays most. */
export function ReformRanking({ rows, lead }: { rows: RankingRow[]; lead?: string }) {
  const { t } = useTranslation("evaluation");
  const f = useFormat();
  return (
    <Section id="reformRanking">
      {lead ? <p>{lead}</p> : null}
      {rows.length ? (
        <DataTable caption={t("figures.reformRanking.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("figures.reformRanking.rank")}</th>
              <th scope="col">{t("figures.reformRanking.procedure")}</th>
              <th scope="col">{t("figures.reformRanking.volume")}</th>
              <th scope="col">{t("figures.reformRanking.saved")}</th>
              <th scope="col">{t("figures.reformRanking.score")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.procedureId}>
                <th scope="row">{i + 1}</th>
                <td>{r.procedure}</td>
                <td>{f.number(r.volume)}</td>
                <td>{f.number(r.savedPerRequest, 1)}</td>
                <td>{f.number(r.score)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t("none")}</p>
      )}
    </Section>
  );
}
