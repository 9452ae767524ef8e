// The JavaScript each page type downloads stays within its budget (issue 12), measured from the build the browser
// stories run on. Sizes are bytes, so the check is deterministic; each budget is the size measured when it was set
// plus a little room for small changes, and comes down as pages get lighter. The goal for a journey page is
// 100 KB gzip (issue 12); README, "Performance", has the latest figures.
import { describe, expect, it } from "vitest";
import { measureWeight, type PageType } from "../bench/support/weight";

/**
 * gzip bytes of JavaScript per page type, plus about 1.5 KB of room. Measured on 2026-12-02 after the pages
 * translated with their own small lookup instead of i18next in the browser, a question page got its question's
 * words with its data, the status page stopped loading every life event's words, and the count took the inline
 * manifest instead of manifest-*.js (#12): start 95,602, journey 100,048, status 111,904, office 101,793. The status
 * page then stopped showing each form inline (a link to its printable page instead: no form component, no `office`
 * words): 106,143 on 2026-12-03.
 */
const jsGzipBudget: Record<PageType, number> = { start: 97_000, journey: 101_500, status: 107_500, office: 103_000 };

describe("page weight", () => {
  const pages = measureWeight();
  for (const page of pages) {
    it(`a ${page.page} page downloads at most ${jsGzipBudget[page.page]} bytes of JavaScript (gzip)`, () => {
      console.log(`${page.page}: JavaScript ${page.jsGzipBytes} bytes gzip (${page.jsBytes} raw, ${page.files} files), CSS ${page.cssGzipBytes} bytes gzip`);
      expect(page.jsGzipBytes).toBeLessThanOrEqual(jsGzipBudget[page.page]);
    });
  }
});
