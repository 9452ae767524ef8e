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
