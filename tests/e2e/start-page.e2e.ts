// As a visitor, I open Madoguchi in Japanese or English, with or without JavaScript, and find the life events.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, expectNoAxeViolations, launchBrowser, newContext } from "./support/browser";
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
      await expectNoAxeViolations(page);
      await context.close();
    });
  }

  it("switches language and stays on the same page, remembering the choice", async () => {
    const context = await newContext(story.browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${story.portal.url}/life-events/relocation`);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/lng=en/);
    expect(new URL(page.url()).pathname).toBe("/life-events/relocation");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Moving house");
    await page.goto(`${story.portal.url}/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });

  it("answers an unknown address with a translated not-found page and no internals", async () => {
    const context = await newContext(story.browser, { javaScript: true, locale: "en-US" });
    const page = await context.newPage();
    const response = await page.goto(`${story.portal.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.title()).toBe("Page not found | Madoguchi");
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe.skipIf(!browserAvailable)("the accessibility check itself", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScript of [true, false]) {
    it(`reports a real violation with JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      const url = "http://127.0.0.1:9/broken";
      await page.route(url, (route) =>
        route.fulfill({ contentType: "text/html", body: '<html><body><main><img src="x.png"></main></body></html>' }),
      );
      await page.goto(url);
      await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt|html-has-lang/);
      await context.close();
    });
  }
});
