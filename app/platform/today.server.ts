// Today's date in Japan (YYYY-MM-DD): deadlines and filing windows are calendar dates in Asia/Tokyo.
import { isProductionMode } from "./mode.server";

// Built once: a DateTimeFormat costs about 250 µs to build (README, "Formatters and case machines are built once").
// en-CA formats as YYYY-MM-DD.
const japaneseDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Test runs (and only they; production mode ignores it) fix the date with MADOGUCHI_TEST_TODAY, so the demo
 * people's move dates in spring 2026 stay inside the window the law allows whenever the tests run.
 */
export function todayInJapan(now: Date = new Date()): string {
  const fixed = process.env.MADOGUCHI_TEST_TODAY;
  if (!isProductionMode() && fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return japaneseDay.format(now);
}
