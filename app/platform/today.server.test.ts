import { describe, expect, it } from "vitest";
import { japaneseDayOf } from "./today.server";

describe("the date in Japan", () => {
  it("turns at midnight in Tokyo (15:00 UTC), asked in any order, and again after another day was asked", () => {
    const cases: [string, string][] = [
      ["2026-04-03T14:59:59.999Z", "2026-04-03"],
      ["2026-04-03T15:00:00.000Z", "2026-04-04"],
      ["2026-04-03T14:59:59.999Z", "2026-04-03"],
      ["2026-04-02T15:00:00.000Z", "2026-04-03"],
      ["2026-12-31T15:00:00.000Z", "2027-01-01"],
      ["2026-04-03T00:00:00.000Z", "2026-04-03"],
    ];
    for (const [instant, day] of cases) expect(japaneseDayOf(new Date(instant))).toBe(day);
  });

  it("refuses an invalid date as the formatter does", () => {
    expect(() => japaneseDayOf(new Date("not a date"))).toThrow(RangeError);
  });
});
