// Calendar arithmetic on YYYY-MM-DD strings, in UTC so that a date never shifts with the server's time zone.
// Flows never read the clock: every date comes from the answers or the record.

function parse(date: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const result = parse(date);
  result.setUTCDate(result.getUTCDate() + days);
  return format(result);
}

/** Adds months; the day is clamped to the last day of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const start = parse(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return format(target);
}

/** Age in completed years on a given date (Japanese law counts a birthday as reached the day before; we use the calendar birthday). */
export function ageOn(birthDate: string, date: string): number {
  const birth = parse(birthDate);
  const on = parse(date);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** The last day of a month. */
export function lastDayOfMonth(year: number, month: number): string {
  return format(new Date(Date.UTC(year, month, 0)));
}

/**
 * The last day of a period of `months` months that starts on (and includes) `start`, counted as the Civil
 * Code does (民法第143条): it ends on the day before the day of the last month that corresponds to the start
 * day; when that month has no such day, on its last day. 4月1日から3月 → 6月30日; 11月30日から3月 → 2月末日.
 */
export function endOfMonthsPeriod(start: string, months: number): string {
  const [year, month, day] = start.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const targetLast = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (day > targetLast) return format(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), targetLast)));
  return addDays(format(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day))), -1);
}

/**
 * The last day of the first business year of a company founded on `foundingDate` whose business year
 * ends with `endMonth`: the first end of that month on or after the founding date (so a company founded
 * in February whose year ends in March has a first year of one or two months).
 */
export function firstBusinessYearEnd(foundingDate: string, endMonth: number): string {
  const year = Number(foundingDate.slice(0, 4));
  const thisYear = lastDayOfMonth(year, endMonth);
  return thisYear >= foundingDate ? thisYear : lastDayOfMonth(year + 1, endMonth);
}

/** The given day of the month after the one `date` falls in (翌月10日). */
export function dayOfNextMonth(date: string, day: number): string {
  const [year, month] = date.split("-").map(Number);
  return format(new Date(Date.UTC(year, month, day)));
}
