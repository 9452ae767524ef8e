// Delivery health per organisation, for the administrators' organisations pages: over the last hour and the
// last day, how many deliveries arrived, were retried, ended as dead letters, and how long they took from
// becoming due to arriving (p50, p95); with the oldest delivery still waiting and whether the backlog grew.
// Pure: it reads the facts db/queries/agencies.ts lists, so each figure is tested with a hand-made data set.
import type { AgencyDeliveryHealth, DeliveryActivity } from "../../db/queries/agencies";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type HealthWindow = {
  delivered: number;
  /** Failed attempts that were scheduled to be tried again. */
  retried: number;
  deadLettered: number;
  /** Seconds from becoming due (the submission, or a waiting procedure's turn) to arriving; null without deliveries. */
  p50Seconds: number | null;
  p95Seconds: number | null;
};

export type DeliveryHealth = {
  /** Waiting now: a first attempt to come, or failing and to be tried again. */
  queued: number;
  failing: number;
  deadLetters: number;
  lastSuccessAt: string | null;
  oldestWaitingSince: string | null;
  /**
   * How the backlog changed over the last hour: deliveries that became due minus those that left the queue
   * (delivered or dead-lettered). Above zero, the organisation receives more than it takes.
   */
  backlogChange: number;
  lastHour: HealthWindow;
  lastDay: HealthWindow;
};

/** The nearest-rank percentile (the smallest value with at least p% of the values at or below it); null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function windowOf(activity: DeliveryActivity, agencyId: string, since: number): HealthWindow {
  const within = (at: string) => new Date(at).getTime() >= since;
  const durations = activity.delivered
    .filter((row) => row.agencyId === agencyId && within(row.at))
    .map((row) => Math.max(0, (new Date(row.at).getTime() - new Date(row.dueSince).getTime()) / 1000));
  const failures = activity.failures.filter((row) => row.agencyId === agencyId && within(row.at));
  return {
    delivered: durations.length,
    retried: failures.filter((row) => row.status === "retrying").length,
    deadLettered: failures.filter((row) => row.status === "deadLettered").length,
    p50Seconds: percentile(durations, 50),
    p95Seconds: percentile(durations, 95),
  };
}

const noneNow = { queued: 0, failing: 0, deadLetters: 0, lastSuccessAt: null, oldestWaitingSince: null };

/** One organisation's figures, from the state now and the activity of (at least) the last day. */
export function deliveryHealthOf(agencyId: string, current: AgencyDeliveryHealth | undefined, activity: DeliveryActivity, now: Date): DeliveryHealth {
  const { agencyId: _agencyId, ...state } = current ?? { agencyId, ...noneNow };
  const hourAgo = now.getTime() - HOUR_MS;
  const lastHour = windowOf(activity, agencyId, hourAgo);
  const arrived = activity.arrivals.filter((row) => row.agencyId === agencyId && new Date(row.at).getTime() >= hourAgo).length;
  return {
    ...state,
    backlogChange: arrived - lastHour.delivered - lastHour.deadLettered,
    lastHour,
    lastDay: windowOf(activity, agencyId, now.getTime() - DAY_MS),
  };
}

/**
 * The order of the organisations list: a growing backlog first (the more it grew, the higher), then dead
 * letters, failing and waiting deliveries; ties by name.
 */
export function byTrouble(a: { name: string; health: DeliveryHealth }, b: { name: string; health: DeliveryHealth }, lang: string): number {
  const growth = (x: DeliveryHealth) => Math.max(0, x.backlogChange);
  return (
    growth(b.health) - growth(a.health) ||
    b.health.deadLetters - a.health.deadLetters ||
    b.health.failing - a.health.failing ||
    b.health.queued - a.health.queued ||
    a.name.localeCompare(b.name, lang)
  );
}
