// The JavaScript each page type downloads stays within its budget (issue 12), measured from the build the browser
// stories run on. Sizes are bytes, so the check is deterministic; each budget is the size measured when it was set
// plus a little room for small changes, and comes down as pages get lighter. The goal for a journey page is
// 100 KB gzip (issue 12); README, "Performance", has the latest figures.
import { describe, expect, it } from "vitest";
import { measureWeight, type PageType } from "../bench/support/weight";

/**
 * gzip bytes of JavaScript per page type, plus about 1.5 KB of room (the journey page's budget is the goal
 * itself, 100,000 bytes). Measured on 2026-12-03 after every app module the root imports went into one chunk with
 * React and Remix (.config/vite.config.ts, layoutChunk; #12), and the status page stopped showing each form inline
 * (a link to its printable page instead: no form component, no `office` words): start 94,288, journey 98,688,
 * status 104,580, office 101,292 (were 95,959, 100,399, 112,728 and 102,974 on main at 6b0c674).
 */
const jsGzipBudget: Record<PageType, number> = { start: 95_800, journey: 100_000, status: 106_000, office: 102_800 };

describe("page weight", () => {
  const pages = measureWeight();
  for (const page of pages) {
    it(`a ${page.page} page downloads at most ${jsGzipBudget[page.page]} bytes of JavaScript (gzip)`, () => {
      console.log(`${page.page}: JavaScript ${page.jsGzipBytes} bytes gzip (${page.jsBytes} raw, ${page.files} files), CSS ${page.cssGzipBytes} bytes gzip`);
      expect(page.jsGzipBytes).toBeLessThanOrEqual(jsGzipBudget[page.page]);
    });
  }
});
