// The yearly report: every figure for one fiscal year (April to March), for the whole service or one ministry,
// with the ministry's plan items and the reform ranking; as a printable page, CSV or JSON. Built with the same
// computeFigures the dashboard uses, so the report and the dashboard never disagree.
import { csvFormatRows } from "d3-dsv";
import type { Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { figuresView } from "./dashboard.server";
import { fiscalYearMonths, fiscalYearOf, monthInTokyo } from "./definitions";
import { computeFigures, ministryOptions, type Figures } from "./figures.server";
import { listPlans, planProgress, type PlanProgress } from "./plans.server";

/** A fiscal year from the address: four digits, not before 2000 and not after this fiscal year. */
export function readFiscalYear(value: string | undefined, now = new Date()): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= fiscalYearOf(monthInTokyo(now.toISOString())) ? year : null;
}

export function reportData(db: Db, { fiscalYear, ministryId }: { fiscalYear: number; ministryId?: string }) {
  const period = fiscalYearMonths(fiscalYear);
  const figures = computeFigures(db, { ...period, ministryId });
  const plans = listPlans(db, { ministryId });
  return { fiscalYear, ministryId: ministryId ?? null, period, figures, plans };
}

export function reportView(db: Db, args: { fiscalYear: number; ministryId?: string }, lang: Lang) {
  const data = reportData(db, args);
  const ministries = ministryOptions(lang);
  return {
    fiscalYear: data.fiscalYear,
    ministryId: data.ministryId,
    ministry: ministries.find((m) => m.id === data.ministryId)?.name ?? null,
    ministries,
    period: data.period,
    figures: figuresView(data.figures, lang),
    plans: planProgress(db, data.plans, data.period, lang),
  };
}

const n = (value: number | null) => (value === null ? "" : String(Math.round(value * 1e6) / 1e6));

/** Every figure as rows of figure, measure, month, procedure, detail and value (ids, not names: for machines). */
export function reportRows(figures: Figures, plans: PlanProgress[], scope: { fiscalYear: number; ministryId: string | null; from: string; to: string }) {
  const rows: string[][] = [["figure", "measure", "month", "procedure", "detail", "value"]];
  const add = (figure: string, measure: string, value: number | string | null, { month = "", procedure = "", detail = "" } = {}) =>
    rows.push([figure, measure, month, procedure, detail, typeof value === "string" ? value : n(value)]);
  add("scope", "fiscalYear", String(scope.fiscalYear));
  add("scope", "from", scope.from);
  add("scope", "to", scope.to);
  add("scope", "ministry", scope.ministryId ?? "");
  add("volume", "cases", figures.volume.cases);
  add("volume", "requests", figures.volume.requests);
  for (const m of figures.volume.byMonth) {
    add("volume", "cases", m.cases, { month: m.month });
    add("volume", "requests", m.requests, { month: m.month });
  }
  const t = figures.digitalTakeUp;
  add("digitalTakeUp", "online", t.online);
  add("digitalTakeUp", "counter", t.counter);
  add("digitalTakeUp", "share", t.share);
  for (const m of t.byMonth) {
    add("digitalTakeUp", "online", m.online, { month: m.month });
    add("digitalTakeUp", "counter", m.counter, { month: m.month });
    add("digitalTakeUp", "share", m.share, { month: m.month });
  }
  const c = figures.costPerTransaction;
  add("costPerTransaction", "perTransactionYen", c.perTransaction);
  add("costPerTransaction", "totalYen", c.totalYen);
  add("costPerTransaction", "costed", c.costed);
  add("costPerTransaction", "uncosted", c.uncosted);
  const o = figures.onceOnly;
  add("onceOnly", "share", o.share);
  add("onceOnly", "needed", o.needed);
  add("onceOnly", "prefilled", o.prefilled);
  add("onceOnly", "typed", o.typed);
  add("onceOnly", "uncounted", o.uncounted);
  add("completion", "started", figures.completion.started);
  add("completion", "submitted", figures.completion.submitted);
  add("completion", "rate", figures.completion.rate);
  for (const d of figures.completion.dropOff) add("completion", "dropOff", d.count, { detail: `${d.lifeEventId}:${d.questionId}` });
  add("satisfaction", "responses", figures.satisfaction.responses);
  add("satisfaction", "mean", figures.satisfaction.mean);
  add("satisfaction", "satisfiedShare", figures.satisfaction.satisfiedShare);
  for (const d of figures.satisfaction.distribution) add("satisfaction", "rating", d.count, { detail: String(d.rating) });
  add("timeToDecision", "decided", figures.timeToDecision.decided);
  add("timeToDecision", "p50Hours", figures.timeToDecision.p50Hours);
  add("timeToDecision", "p90Hours", figures.timeToDecision.p90Hours);
  add("afterDeadline", "decidedWithDeadline", figures.afterDeadline.decidedWithDeadline);
  add("afterDeadline", "late", figures.afterDeadline.late);
  add("afterDeadline", "share", figures.afterDeadline.share);
  for (const r of figures.rejections) add("rejections", "count", r.count, { procedure: r.procedureId, detail: r.code });
  add("deadLetters", "requests", figures.deadLetters.requests);
  add("deadLetters", "share", figures.deadLetters.share);
  add("ideas", "received", figures.ideas.received);
  add("ideas", "answered", figures.ideas.answered);
  add("ideas", "done", figures.ideas.done);
  for (const r of figures.reformRanking) {
    add("reformRanking", "volume", r.volume, { procedure: r.procedureId });
    add("reformRanking", "savedPerRequest", r.savedPerRequest, { procedure: r.procedureId });
    add("reformRanking", "score", r.score, { procedure: r.procedureId });
  }
  for (const p of plans) {
    const detail = `${p.id}:${p.figure}:${p.comparison}`;
    add("plan", "target", p.target, { detail });
    add("plan", "value", p.value, { detail });
    add("plan", "status", p.status, { detail });
  }
  return rows;
}

export function reportCsv(db: Db, args: { fiscalYear: number; ministryId?: string }): string {
  const data = reportData(db, args);
  const plans = planProgress(db, data.plans, data.period, "en");
  return `${csvFormatRows(reportRows(data.figures, plans, { fiscalYear: data.fiscalYear, ministryId: data.ministryId, ...data.period }))}\n`;
}

export function reportJson(db: Db, args: { fiscalYear: number; ministryId?: string }) {
  const data = reportData(db, args);
  const plans = planProgress(db, data.plans, data.period, "en").map(({ ministry: _ministry, procedure: _procedure, ...plan }) => plan);
  const { filter: _filter, ...figures } = data.figures;
  return { fiscalYear: data.fiscalYear, ministryId: data.ministryId, period: data.period, figures, plans };
}
