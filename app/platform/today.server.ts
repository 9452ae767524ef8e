// Today's date in Japan (YYYY-MM-DD): deadlines and filing windows are calendar dates in Asia/Tokyo.
import { isProductionMode } from "./mode.server";

// Built once: a DateTimeFormat costs about 250 µs to build (README, "Formatters and case machines are built once").
// en-CA formats as YYYY-MM-DD.
const japaneseDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The date in Japan of an instant. Japan keeps +9 hours all year (no summer time since 1951), so every instant of
 * one Japanese day gives the same text: it is formatted once a day, not on every page that asks (issue 12).
 */
let lastDay: { day: number; text: string } | null = null;

export function japaneseDayOf(now: Date): string {
  const day = Math.floor((now.getTime() + 9 * 3_600_000) / 86_400_000);
  if (lastDay?.day !== day) lastDay = { day, text: japaneseDay.format(now) };
  return lastDay.text;
}

/**
 * Test runs (and only they; production mode ignores it) fix the date with MADOGUCHI_TEST_TODAY, so the demo
 * people's move dates in spring 2026 stay inside the window the law allows whenever the tests run.
 */
export function todayInJapan(now: Date = new Date()): string {
  const fixed = process.env.MADOGUCHI_TEST_TODAY;
  if (!isProductionMode() && fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return japaneseDayOf(now);
}
