// As a service designer, I sign in with my password and an authenticator code, search the catalogue
// (without JavaScript too), and read a life event: its questions and procedures, the rule behind each,
// and what the checks found. In Japanese and English, with axe, reflow at 320 px and screenshots on every page.
import { generateTOTP } from "@epic-web/totp";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDemoAccount, DEMO_PASSWORD } from "../../app/demo/demo-accounts.server";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { usePortalAndBrowser } from "./support/portal";

/** The TOTP time step the designer last signed in with: a code is accepted once, so a second sign-in waits for the next. */
let lastStep = -1;

async function signInAsDesigner(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/design`);
  expect(page.url()).toMatch(/\/sign-in\?/);
  await page.locator('input[name="loginId"]').fill("designer");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="password"]) button[type="submit"]').click()]);
  expect(new URL(page.url()).pathname).toBe("/sign-in/two-factor");
  if (lastStep === Math.floor(Date.now() / 30_000)) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  lastStep = Math.floor(Date.now() / 30_000);
  const { otp } = await generateTOTP({ secret: getDemoAccount("designer")!.totpSecret!, period: 30, digits: 6, algorithm: "SHA-1" });
  await page.locator('input[name="code"]').fill(otp);
  await Promise.all([page.waitForURL((url) => url.pathname === "/design"), page.locator('input[name="code"]').press("Enter")]);
}

describe.skipIf(!browserAvailable)("the designers' workspace", () => {
  const story = usePortalAndBrowser();

  const runs = [
    { lng: "ja", javaScript: false, home: "サービス設計", catalogue: "カタログ", search: "検索", lifeEvent: "引越し（転居・転入・転出）", checksOk: "点検で見つかった問題はありません。" },
    { lng: "en", javaScript: true, home: "Service design workspace", catalogue: "Catalogue", search: "Search", lifeEvent: "Moving house", checksOk: "The checks find no problem." },
  ] as const;

  for (const run of runs) {
    it(`whenIReadTheCatalogueAndALifeEvent (${run.lng}, JavaScript ${run.javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(story.browser, { javaScript: run.javaScript, locale: run.lng === "ja" ? "ja-JP" : "en-GB" });
      const page = await context.newPage();
      await signInAsDesigner(page, story.portal.url);
      await page.getByRole("heading", { level: 1, name: run.home }).waitFor();
      await checkPage(page);

      await Promise.all([page.waitForURL(/\/design\/catalogue/), page.getByRole("link", { name: run.catalogue, exact: true }).click()]);
      await page.getByRole("heading", { level: 1, name: run.catalogue }).waitFor();
      await checkPage(page);

      // A search for a Japanese word finds the pension procedures and organisation, in either language.
      await page.getByLabel(run.lng === "ja" ? "検索語" : "Search", { exact: true }).fill("年金");
      await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: run.search, exact: true }).click()]);
      await page.getByRole("heading", { level: 3, name: /国民年金|National Pension/ }).first().waitFor();
      expect(await page.getByRole("rowheader", { name: run.lng === "ja" ? "日本年金機構" : "Japan Pension Service" }).count()).toBe(1);
      await checkPage(page);

      await Promise.all([page.waitForURL(/\/design\/life-events\/relocation$/), page.getByRole("link", { name: run.lifeEvent }).first().click()]);
      await page.getByRole("heading", { level: 1, name: run.lifeEvent }).waitFor();
      await expect(page.getByText(run.checksOk).count()).resolves.toBe(1);
      await checkPage(page);
      await context.close();
    }, 600_000);
  }
});
