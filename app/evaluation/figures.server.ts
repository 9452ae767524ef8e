// The evaluation's figures for one scope (period, life event, procedure, organisation or ministry): the same
// function feeds the dashboard, the yearly report and its CSV and JSON. Figures only: no row it reads holds a
// person's data, and nothing it returns can be traced to a person.
import { listAgencies, getLifeEvent, getProcedure, listLifeEvents, listProcedures, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { listIdeaFacts, listJourneyFacts, listRequestFacts, listSatisfactionFacts, type EvaluationScope } from "../../db/queries/evaluation";
import { listCounterVolumes, listUnitCosts } from "../../db/queries/evaluation-entries";
import {
  costPerTransaction,
  decidedAfterDeadline,
  digitalTakeUp,
  itemsNeeded,
  onceOnlyEffect,
  reformRanking,
  fiscalYearOf,
  hoursBetween,
  ministryId,
  monthInTokyo,
  monthStartUtc,
  monthsBetween,
  nextMonth,
  percentile,
  rejectionCode,
  share,
} from "./definitions";

export type EvaluationFilter = {
  /** First and last month, inclusive (YYYY-MM, in Japan). */
  from: string;
  to: string;
  lifeEventId?: string;
  procedureId?: string;
  agencyId?: string;
  ministryId?: string;
};

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filter from the dashboard's GET form; unknown ids are dropped, the default is this fiscal year so far. */
export function readEvaluationFilter(url: URL, now = new Date()): EvaluationFilter {
  const thisMonth = monthInTokyo(now.toISOString());
  const param = (name: string) => url.searchParams.get(name) ?? "";
  let from = monthPattern.test(param("from")) ? param("from") : `${fiscalYearOf(thisMonth)}-04`;
  let to = monthPattern.test(param("to")) ? param("to") : thisMonth;
  if (from > to) [from, to] = [to, from];
  const lifeEventId = getLifeEvent(param("lifeEvent"))?.id;
  const procedureId = getProcedure(param("procedure"))?.id;
  const agencyId = listAgencies().find((agency) => agency.id === param("agency"))?.id;
  const ministry = ministryOptions("en").find((option) => option.id === param("ministry"))?.id;
  return { from, to, lifeEventId, procedureId, agencyId, ministryId: ministry };
}

/** The ministries the organisations answer to (their sector), for the filter. */
export function ministryOptions(lang: Lang) {
  const seen = new Map<string, string>();
  for (const agency of listAgencies()) if (agency.kind !== "private") seen.set(ministryId(agency.sector.en), agency.sector[lang]);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** The options of the dashboard's filter form. Organisations are those that have had a procedure request. */
export function filterOptions(lang: Lang, agencyIdsInUse: string[]) {
  const inUse = new Set(agencyIdsInUse);
  return {
    lifeEvents: listLifeEvents().map((lifeEvent) => ({ id: lifeEvent.id, name: lifeEvent.title[lang] })),
    procedures: listProcedures().map((procedure) => ({ id: procedure.id, name: procedure.name[lang] })),
    agencies: listAgencies()
      .filter((agency) => inUse.has(agency.id))
      .map((agency) => ({ id: agency.id, name: agency.name[lang] })),
    ministries: ministryOptions(lang),
  };
}

export function scopeOf(filter: EvaluationFilter): EvaluationScope {
  let agencyIds: string[] | undefined;
  if (filter.ministryId) agencyIds = listAgencies().filter((agency) => agency.kind !== "private" && ministryId(agency.sector.en) === filter.ministryId).map((a) => a.id);
  if (filter.agencyId) agencyIds = agencyIds ? agencyIds.filter((id) => id === filter.agencyId) : [filter.agencyId];
  return {
    from: monthStartUtc(filter.from),
    to: monthStartUtc(nextMonth(filter.to)),
    lifeEventId: filter.lifeEventId,
    procedureId: filter.procedureId,
    agencyIds,
  };
}

/** The question a journey stopped at: its machine state, unless it reached check answers or later. */
function stoppedAt(snapshot: string | null): string | null {
  if (!snapshot) return null;
  try {
    const value = (JSON.parse(snapshot) as { value?: unknown }).value;
    const state = typeof value === "string" ? value : value && typeof value === "object" ? Object.keys(value)[0] : null;
    return state ?? null;
  } catch {
    return null;
  }
}

export function computeFigures(db: Db, filter: EvaluationFilter) {
  const scope = scopeOf(filter);
  const months = monthsBetween(filter.from, filter.to);
  const requests = listRequestFacts(db, scope);
  const caseIds = new Set(requests.map((r) => r.caseId));

  // Volume: cases submitted in the period that have a procedure in scope; and those procedure requests.
  const monthOf = new Map<string, string>();
  const requestMonth = (submittedAt: string) => {
    let month = monthOf.get(submittedAt);
    if (!month) monthOf.set(submittedAt, (month = monthInTokyo(submittedAt)));
    return month;
  };
  const casesByMonth = new Map<string, Set<string>>();
  const requestsByMonth = new Map<string, number>();
  for (const r of requests) {
    const month = requestMonth(r.submittedAt);
    if (!casesByMonth.has(month)) casesByMonth.set(month, new Set());
    casesByMonth.get(month)!.add(r.caseId);
    requestsByMonth.set(month, (requestsByMonth.get(month) ?? 0) + 1);
  }

  // Completion: journeys started in the period against those submitted; where the others stopped.
  const journeys = listJourneyFacts(db, scope);
  const submittedJourneys = journeys.filter((j) => j.status === "submitted").length;
  const dropOff = new Map<string, number>();
  for (const j of journeys) {
    if (j.status === "submitted") continue;
    const question = stoppedAt(j.snapshot);
    if (question) dropOff.set(`${j.lifeEventId}:${question}`, (dropOff.get(`${j.lifeEventId}:${question}`) ?? 0) + 1);
  }

  // Time from submission to decision, and decisions after the legal deadline.
  const decided = requests.filter((r) => r.decidedAt);
  const hours = decided.map((r) => hoursBetween(r.submittedAt, r.decidedAt!));
  const withDeadline = decided.filter((r) => r.deadline);
  const late = withDeadline.filter((r) => decidedAfterDeadline(r.decidedAt!, r.deadline)).length;

  const rejections = new Map<string, number>();
  for (const r of requests) if (r.status === "rejected") rejections.set(`${r.procedureId}|${rejectionCode(r.rejectionReason)}`, (rejections.get(`${r.procedureId}|${rejectionCode(r.rejectionReason)}`) ?? 0) + 1);

  // Digital take-up: requests through Madoguchi against transactions officers counted at the counter, for the
  // same procedures (a life event's, when filtered by one), organisations and months.
  const counter = listCounterVolumes(db, {
    fromMonth: filter.from,
    toMonth: filter.to,
    procedureIds: filter.procedureId ? [filter.procedureId] : filter.lifeEventId ? getLifeEvent(filter.lifeEventId)?.procedures : undefined,
    agencyIds: scope.agencyIds,
  });
  const counterByMonth = new Map<string, number>();
  for (const c of counter) counterByMonth.set(c.month, (counterByMonth.get(c.month) ?? 0) + c.count);
  const counterTotal = counter.reduce((sum, c) => sum + c.count, 0);

  // Per procedure: requests, counter transactions and data items prefilled, for cost and the reform ranking.
  const byProcedure = new Map<string, { procedureId: string; online: number; counter: number; prefilled: number; counted: number }>();
  const procedureRow = (procedureId: string) => {
    if (!byProcedure.has(procedureId)) byProcedure.set(procedureId, { procedureId, online: 0, counter: 0, prefilled: 0, counted: 0 });
    return byProcedure.get(procedureId)!;
  };
  const itemCounts = requests.map((r) => ({ needed: itemsNeeded(r.dataItems), typed: r.itemsTyped }));
  requests.forEach((r, i) => {
    const row = procedureRow(r.procedureId);
    row.online += 1;
    const { needed, typed } = itemCounts[i];
    if (typed !== null) {
      row.prefilled += needed - Math.min(typed, needed);
      row.counted += 1;
    }
  });
  for (const c of counter) procedureRow(c.procedureId).counter += c.count;
  const cost = costPerTransaction(
    [...byProcedure.values()].flatMap((row) => [
      { procedureId: row.procedureId, channel: "online" as const, count: row.online },
      { procedureId: row.procedureId, channel: "counter" as const, count: row.counter },
    ]),
    listUnitCosts(db),
  );

  const satisfaction = listSatisfactionFacts(db, scope);
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: satisfaction.filter((s) => s.rating === rating).length }));
  const ideaFacts = listIdeaFacts(db, scope);

  return {
    filter,
    months,
    volume: {
      cases: caseIds.size,
      requests: requests.length,
      byMonth: months.map((month) => ({ month, cases: casesByMonth.get(month)?.size ?? 0, requests: requestsByMonth.get(month) ?? 0 })),
    },
    digitalTakeUp: {
      online: requests.length,
      counter: counterTotal,
      share: digitalTakeUp(requests.length, counterTotal),
      byMonth: months.map((month) => {
        const online = requestsByMonth.get(month) ?? 0;
        const atCounter = counterByMonth.get(month) ?? 0;
        return { month, online, counter: atCounter, share: digitalTakeUp(online, atCounter) };
      }),
    },
    costPerTransaction: cost,
    onceOnly: onceOnlyEffect(itemCounts),
    reformRanking: reformRanking([...byProcedure.values()]),
    completion: {
      started: journeys.length,
      submitted: submittedJourneys,
      rate: share(submittedJourneys, journeys.length),
      dropOff: [...dropOff]
        .map(([key, count]) => ({ lifeEventId: key.split(":")[0], questionId: key.split(":")[1], count }))
        .sort((a, b) => b.count - a.count),
    },
    satisfaction: {
      responses: satisfaction.length,
      mean: satisfaction.length ? satisfaction.reduce((sum, s) => sum + s.rating, 0) / satisfaction.length : null,
      satisfiedShare: share(satisfaction.filter((s) => s.rating >= 4).length, satisfaction.length),
      distribution,
    },
    timeToDecision: { decided: decided.length, p50Hours: percentile(hours, 50), p90Hours: percentile(hours, 90) },
    afterDeadline: { decidedWithDeadline: withDeadline.length, late, share: share(late, withDeadline.length) },
    rejections: [...rejections]
      .map(([key, count]) => ({ procedureId: key.split("|")[0], code: key.split("|")[1], count }))
      .sort((a, b) => b.count - a.count),
    deadLetters: { requests: requests.filter((r) => r.deadLetters > 0).length, share: share(requests.filter((r) => r.deadLetters > 0).length, requests.length) },
    ideas: {
      received: ideaFacts.length,
      answered: ideaFacts.filter((i) => i.answered > 0).length,
      done: ideaFacts.filter((i) => i.status === "done").length,
    },
  };
}

export type Figures = ReturnType<typeof computeFigures>;

/** The fiscal year (April to March) that today falls in, in Japan. */
export function currentFiscalYear(now = new Date()): number {
  return fiscalYearOf(monthInTokyo(now.toISOString()));
}

/** The last twelve months up to this one, in Japan: the period plan items' progress is read over. */
export function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const to = monthInTokyo(now.toISOString());
  const [year, month] = to.split("-").map(Number);
  const start = month === 12 ? `${year}-01` : `${year - 1}-${String(month + 1).padStart(2, "0")}`;
  return { from: start, to };
}
