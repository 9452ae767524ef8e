// The JavaScript each page type downloads stays within its budget (issue 12), measured from the build the browser
// stories run on. Sizes are bytes, so the check is deterministic; each budget is the size measured when it was set
// plus a little room for small changes, and comes down as pages get lighter. The goal for a journey page is
// 100 KB gzip (issue 12); README, "Performance", has the latest figures.
import { describe, expect, it } from "vitest";
import { measureWeight, type PageType } from "../bench/support/weight";

/**
 * gzip bytes of JavaScript per page type, plus about 2 KB of room. Measured on 2026-12-02 after the merge with the
 * printable forms (#17) and the corrected-resend note (#10): start 114,511, journey 128,999, status 139,454 (the
 * status page links each procedure's printable form), office 120,654.
 */
const jsGzipBudget: Record<PageType, number> = { start: 116_500, journey: 131_000, status: 141_500, office: 122_500 };

describe("page weight", () => {
  const pages = measureWeight();
  for (const page of pages) {
    it(`a ${page.page} page downloads at most ${jsGzipBudget[page.page]} bytes of JavaScript (gzip)`, () => {
      console.log(`${page.page}: JavaScript ${page.jsGzipBytes} bytes gzip (${page.jsBytes} raw, ${page.files} files), CSS ${page.cssGzipBytes} bytes gzip`);
      expect(page.jsGzipBytes).toBeLessThanOrEqual(jsGzipBudget[page.page]);
    });
  }
});
