// The definitions behind the evaluation's figures, as pure functions, so each one is tested on a small
// hand-made data set and the dashboard, the yearly report and its CSV all count the same way.

/** The calendar month (YYYY-MM) of an instant in Japan, where the services run. */
export function monthInTokyo(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 7);
}

/** The calendar date (YYYY-MM-DD) of an instant in Japan. */
export function dateInTokyo(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** The fiscal year (April to March) of a month: 2026-03 is FY2025, 2026-04 is FY2026. */
export function fiscalYearOf(month: string): number {
  const [year, m] = month.split("-").map(Number);
  return m >= 4 ? year : year - 1;
}

/** The first and last month (inclusive) of a fiscal year. */
export function fiscalYearMonths(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04`, to: `${fiscalYear + 1}-03` };
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number);
  const [endYear, endMonth] = to.split("-").map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The instant a month starts in Japan, as an ISO string (for SQL range filters on UTC timestamps). */
export function monthStartUtc(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00+09:00`)).toISOString();
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the values at or
 * below it. Null for no values. (p50 of 1,2,3,4 is 2; p90 of 1..10 is 9.)
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** part / whole, or null when there is no whole (a share of nothing is not 0 %). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Whether a decision came after the legal deadline: its date in Japan is later than the deadline's date. */
export function decidedAfterDeadline(decidedAt: string, deadline: string | null): boolean {
  return deadline !== null && dateInTokyo(decidedAt) > deadline.slice(0, 10);
}

/** The code of a stored rejection reason ("<code>|<free text>"). */
export function rejectionCode(reason: string | null): string {
  return (reason ?? "").split("|")[0] || "unspecified";
}

/** Hours between two instants. */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 3600_000;
}

/** A URL-safe id for a ministry (an agency's sector), from its English name. */
export function ministryId(sectorEn: string): string {
  return sectorEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Digital take-up: requests made through Madoguchi against those plus the transactions counted at the counter. */
export function digitalTakeUp(online: number, counter: number): number | null {
  return share(online, online + counter);
}

export type UnitCost = { channel: "online" | "counter"; procedureId: string; yen: number };

/** The unit cost of a channel for a procedure: the procedure's own, else the channel's default (procedureId ''), else null. */
export function unitCostFor(costs: readonly UnitCost[], channel: UnitCost["channel"], procedureId: string): number | null {
  return (costs.find((c) => c.channel === channel && c.procedureId === procedureId) ?? costs.find((c) => c.channel === channel && c.procedureId === ""))?.yen ?? null;
}

/**
 * Cost per transaction: the sum over transactions of their channel's unit cost, over the transactions costed.
 * Transactions whose channel has no unit cost (for their procedure or by default) are left out and counted.
 */
export function costPerTransaction(transactions: readonly { procedureId: string; channel: UnitCost["channel"]; count: number }[], costs: readonly UnitCost[]) {
  let total = 0;
  let costed = 0;
  let uncosted = 0;
  for (const t of transactions) {
    const yen = unitCostFor(costs, t.channel, t.procedureId);
    if (yen === null) uncosted += t.count;
    else {
      total += yen * t.count;
      costed += t.count;
    }
  }
  return { totalYen: total, costed, uncosted, perTransaction: costed === 0 ? null : total / costed };
}

/** How many data items a procedure request needed: the keys it carries (a JSON array). */
export function itemsNeeded(dataItems: string): number {
  try {
    const items = JSON.parse(dataItems) as unknown;
    return Array.isArray(items) ? items.length : 0;
  } catch {
    return 0;
  }
}

/**
 * The once-only effect: of the data items the procedure requests needed, the share that came prefilled (from the
 * record, a confirmed prefill, a prerequisite or the filing) rather than typed. Requests without a count (made
 * before it was kept) are left out and counted.
 */
export function onceOnlyEffect(requests: readonly { needed: number; typed: number | null }[]) {
  let needed = 0;
  let typed = 0;
  let uncounted = 0;
  for (const r of requests) {
    if (r.typed === null) uncounted += 1;
    else {
      needed += r.needed;
      typed += Math.min(r.typed, r.needed);
    }
  }
  return { needed, typed, prefilled: needed - typed, share: share(needed - typed, needed), uncounted };
}

/**
 * Where reform pays most: for each procedure, its volume (requests through Madoguchi and transactions at the
 * counter) times the data items one request through Madoguchi saves on average (items prefilled rather than
 * typed): the items that would not be written again if every transaction came through Madoguchi. Highest first.
 */
export function reformRanking(rows: readonly { procedureId: string; online: number; counter: number; prefilled: number; counted: number }[]) {
  return rows
    .map((r) => {
      const savedPerRequest = r.counted === 0 ? 0 : r.prefilled / r.counted;
      const volume = r.online + r.counter;
      return { procedureId: r.procedureId, volume, online: r.online, counter: r.counter, savedPerRequest, score: volume * savedPerRequest };
    })
    .filter((r) => r.volume > 0)
    .sort((a, b) => b.score - a.score || b.volume - a.volume || a.procedureId.localeCompare(b.procedureId));
}

export type PlanStatus = "met" | "notYet" | "missed" | "noData";

/**
 * A plan item's progress: met when the live figure is on the target's side of it; else missed once the due
 * date (in Japan) has passed, else not yet; no data when the figure has no value.
 */
export function planStatus(value: number | null, comparison: "atLeast" | "atMost", target: number, dueDate: string, today: string): PlanStatus {
  if (value === null) return today > dueDate ? "missed" : "noData";
  const met = comparison === "atLeast" ? value >= target : value <= target;
  if (met) return "met";
  return today > dueDate ? "missed" : "notYet";
}

/** The last day of a fiscal year: FY2027 ends on 2028-03-31. */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${fiscalYear + 1}-03-31`;
}
