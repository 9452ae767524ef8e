// As a visitor, I open Madoguchi in Japanese or English, with or without JavaScript, and find the life events.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, checkPage, launchBrowser, newContext, screenshotFolder, screenshotRoot } from "./support/browser";
import { usePortalAndBrowser } from "./support/portal";

describe.skipIf(!browserAvailable)("start page", () => {
  const story = usePortalAndBrowser();

  const cases = [
    { lng: "ja", javaScript: true, heading: "ライフイベントの手続を、一度の申請で", link: "引っ越し" },
    { lng: "ja", javaScript: false, heading: "ライフイベントの手続を、一度の申請で", link: "会社の設立" },
    { lng: "en", javaScript: true, heading: "Life events, in one submission", link: "Moving house" },
    { lng: "en", javaScript: false, heading: "Life events, in one submission", link: "Starting a company" },
  ] as const;

  for (const { lng, javaScript, heading, link } of cases) {
    it(`shows the life events in ${lng} with JavaScript ${javaScript ? "on" : "off"}, with no axe violations`, async () => {
      const context = await newContext(story.browser, { javaScript });
      const page = await context.newPage();
      await page.goto(`${story.portal.url}/?lng=${lng}`);
      expect(await page.getAttribute("html", "lang")).toBe(lng);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
      await expect(page.getByRole("link", { name: link }).count()).resolves.toBe(1);
      await checkPage(page);
      await context.close();
    });
  }

  for (const javaScript of [false, true]) {
    it(`switches language on the same page, remembers it, and Back never changes it back (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(story.browser, { javaScript });
      const page = await context.newPage();
      const lang = () => page.getAttribute("html", "lang");
      await page.goto(`${story.portal.url}/life-events/relocation?step=2`);
      expect(await lang()).toBe("ja");
      await page.getByRole("link", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Moving house" }).waitFor();
      // The same address, without ?lng=: the choice lives in a cookie, not in the history.
      expect(page.url()).toBe(`${story.portal.url}/life-events/relocation?step=2`);
      expect(await lang()).toBe("en");
      await page.goto(`${story.portal.url}/`);
      expect(await lang()).toBe("en");
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "Moving house" }).waitFor();
      await page.goBack();
      await page.waitForURL(`${story.portal.url}/life-events/relocation?step=2`);
      await page.getByRole("heading", { level: 1, name: "Moving house" }).waitFor();
      expect(await lang()).toBe("en");
      await context.close();
    });
  }

  it("answers an unknown address with a translated not-found page and no internals", async () => {
    const context = await newContext(story.browser, { javaScript: true, locale: "en-US" });
    const page = await context.newPage();
    const response = await page.goto(`${story.portal.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.title()).toBe("Page not found | Madoguchi");
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    await checkPage(page);
    await context.close();
  });
});

describe.skipIf(!browserAvailable)("the check every story runs on every page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `body` as a page of its own (no portal needed), with JavaScript on or off. */
  async function openPage(javaScript: boolean, name: string, body: string) {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    const url = `http://127.0.0.1:9/${name}`;
    await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body }));
    await page.goto(url);
    return { page, context };
  }

  const wellFormed = (main: string) =>
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Check</title></head><body><main><h1>Check</h1>${main}</main></body></html>`;

  for (const javaScript of [true, false]) {
    const js = javaScript ? "on" : "off";
    it(`reports a real axe violation with JavaScript ${js}`, async () => {
      const { page, context } = await openPage(javaScript, "broken", '<html><body><main><img src="x.png"></main></body></html>');
      await expect(checkPage(page)).rejects.toThrow(/image-alt|html-has-lang/);
      await context.close();
    });

    it(`reports a page that scrolls sideways at 320 CSS px, naming what sticks out, with JavaScript ${js}`, async () => {
      const { page, context } = await openPage(javaScript, "too-wide", wellFormed('<p>Fine</p><div class="too-wide" style="width: 600px">Too wide</div>'));
      await expect(checkPage(page)).rejects.toThrow(/scrolls sideways at 320 CSS px[\s\S]*div\.too-wide \(600 px wide/);
      await context.close();
    });

    it(`passes a page that reflows, saves a full-page screenshot at 390 and 1280 px, and gives the viewport back, with JavaScript ${js}`, async () => {
      const { page, context } = await openPage(javaScript, "reflows", wellFormed(`<p>${"A line that wraps. ".repeat(1000)}</p>`));
      const before = page.viewportSize();
      await checkPage(page);
      expect(page.viewportSize()).toEqual(before);
      const { folder } = screenshotFolder();
      expect(path.dirname(folder)).toBe(path.join(screenshotRoot, "start-page"));
      const files = (await readdir(folder)).sort();
      expect(files).toEqual([`01-reflows-en-${javaScript ? "js" : "nojs"}-1280.png`, `01-reflows-en-${javaScript ? "js" : "nojs"}-390.png`]);
      // Full page: the long paragraph makes both images taller than the viewport.
      for (const file of files) expect((await readFile(path.join(folder, file))).readUInt32BE(20)).toBeGreaterThan(720);
      await context.close();
    });
  }
});
