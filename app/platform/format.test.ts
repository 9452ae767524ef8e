import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDuration, formatTime, formatYen } from "./format";

describe("formatting with kept formatters", () => {
  it("formats in each language, whichever was asked for first", () => {
    expect(formatDate("2026-12-02", "en")).toBe("2 December 2026");
    expect(formatDate("2026-12-02", "ja")).toBe("2026年12月2日");
    expect(formatDate("2026-12-03", "en")).toBe("3 December 2026");
    expect(formatDate("2026-12-03", "ja", { era: true })).toBe("令和8年12月3日");
    expect(formatDate("2019-04-30", "ja", { era: true })).toBe("平成31年4月30日");
    expect(formatDate("2026-12-03", "en", { era: true })).toBe("3 December 2026");
    expect(formatYen(1000, "ja")).toBe("￥1,000");
    expect(formatYen(1000, "en")).toBe("JP¥1,000");
  });

  it("reads times in Japan's time zone", () => {
    expect(formatTime("2026-12-02T00:30:00Z", "en")).toBe("09:30");
    // Remembered by minute: every instant of a minute reads as that minute, in each language.
    expect(formatTime("2026-12-02T00:30:59.999Z", "en")).toBe("09:30");
    expect(formatTime("2026-12-02T00:31:00.000Z", "en")).toBe("09:31");
    expect(formatTime("2026-12-02T14:59:30.500Z", "ja")).toBe(new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" }).format(new Date("2026-12-02T14:59:00Z")));
    expect(formatTime("2026-12-02T14:59:30.500Z", "en")).toBe("23:59");
    expect(formatDateTime("2026-12-02T00:30:00Z", "ja")).toContain("9:30");
  });

  it("gives the same text for a date it has formatted before, in each language, and stays right past its bound", () => {
    for (let day = 0; day < 5000; day++) formatDate(new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10), "ja");
    expect(formatDate("2026-12-02", "ja")).toBe("2026年12月2日");
    expect(formatDate("2026-12-02", "en")).toBe("2 December 2026");
    expect(formatDate("2026-12-02", "ja")).toBe("2026年12月2日");
    expect(formatDateTime("2026-12-02T00:30:00Z", "en")).toBe(formatDateTime("2026-12-02T00:30:00Z", "en"));
    expect(formatDateTime("2026-12-02T00:30:00Z", "en")).toContain("09:30");
  });

  it("keeps what it cannot read as it was", () => {
    expect(formatDate("not a date", "ja")).toBe("not a date");
  });

  it("writes a duration in seconds, minutes or hours", () => {
    expect(formatDuration(2.25, "ja")).toBe("2.3 秒");
    expect(formatDuration(90, "en")).toBe("1.5 mins");
    expect(formatDuration(7200, "ja")).toBe("2 時間");
  });
});
