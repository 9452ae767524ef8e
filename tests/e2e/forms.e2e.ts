// As a person moving house, in Japanese without JavaScript and in English with it, I give a move date years
// away and am told the window the law allows, at the top of the page and at the field, and the link at the top
// takes me to the field; I type a postal code that does not exist and am told which one; the address fields are
// wide enough for a Japanese address; and no page load asks for anything that is not there (the favicon).
import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signIn } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";

const words = {
  ja: { window: "引越しの日は2026年2月15日から2026年3月31日までの日付を入力してください。", law: "住民基本台帳法第22条", unknownPostalCode: "郵便番号 0000000 の住所は見つかりません" },
  en: { window: "The date of the move must be between 15 February 2026 and 31 March 2026.", law: "Basic Resident Registration Act, Article 22", unknownPostalCode: "There is no address with the postal code 0000000" },
};

async function continueWith(page: Page) {
  const path = new URL(page.url()).pathname;
  const [response] = await Promise.all([
    // Without JavaScript the form posts to the page; with it, Remix fetches the page's data (…/moveDate.data).
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(path)),
    page.locator('button[name="intent"][value="continue"]:visible').click(),
  ]);
  await page.waitForLoadState("load");
  return response.status();
}

describe.skipIf(!browserAvailable)("forms say what is wrong and how to fix it", () => {
  // The portal files on 1 March 2026 (MADOGUCHI_TEST_TODAY): a move is notified from 30 days before it until 14 after.
  const story = usePortalAndBrowser();

  for (const { lng, javaScript, loginId } of [
    { lng: "ja", javaScript: false, loginId: "ito" },
    { lng: "en", javaScript: true, loginId: "suzuki" },
  ] as const) {
    it(`${lng}, JavaScript ${javaScript ? "on" : "off"}: refuses 2019 and 2031 with the window, names an unknown postal code, fits a Japanese address`, async () => {
      const context = await newContext(story.browser, { javaScript, locale: lng === "ja" ? "ja-JP" : "en-GB" });
      const missing: string[] = [];
      context.on("response", (response: Response) => {
        if (response.status() === 404) missing.push(response.url());
      });
      const page = await context.newPage();
      await signIn(page, story.portal.url, loginId);
      await page.goto(`${story.portal.url}/life-events/relocation?lng=${lng}`);
      await Promise.all([page.waitForURL(/\/questions\/moveDate$/), page.locator("main form button[type=submit]").click()]);

      for (const moveDate of ["2031-04-01", "2019-04-01"]) {
        await page.fill('input[name="answer"]', moveDate);
        expect(await continueWith(page)).toBe(400);
        const summary = page.locator(".error-summary");
        await summary.waitFor();
        expect(await summary.textContent()).toContain(words[lng].window);
        expect(await summary.textContent()).toContain(words[lng].law);
        expect(await page.locator(".field__error").textContent()).toContain(words[lng].window);
        // The summary's link takes the person to the field.
        await page.locator('.error-summary a[href="#answer"]').click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("answer");
        await checkPage(page);
      }
      await page.fill('input[name="answer"]', "2026-03-20");
      expect(await continueWith(page)).toBeLessThan(400);
      await page.waitForURL(/\/questions\/currentAddress$/);
      await page.locator('form[data-question="currentAddress"]').waitFor();

      // A Japanese address line fits its field (about 30 full-width characters); the postal code's is short.
      const width = (name: string) => page.locator(`input[name="${name}"]`).evaluate((input) => input.getBoundingClientRect().width / parseFloat(getComputedStyle(input).fontSize));
      expect(await width("answer.street")).toBeGreaterThanOrEqual(30);
      expect(await width("answer.postalCode")).toBeLessThan(12);
      await checkPage(page);

      // Each look-up shows its own code's address, with and without JavaScript: nothing of an earlier code stays.
      const lookUp = async (postalCode: string) => {
        await page.fill('input[name="answer.postalCode"]', postalCode);
        await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('button[name="intent"][value="lookup"]').click()]);
      };
      const shownAddress = () =>
        Promise.all(["prefecture", "municipality", "town"].map((part) => page.locator(`input[name="answer.${part}"]`).inputValue()));
      await lookUp("2310023");
      await expect.poll(shownAddress).toEqual(["神奈川県", "横浜市中区", "山下町"]);
      await lookUp("1600023");
      await expect.poll(shownAddress).toEqual(["東京都", "新宿区", "西新宿"]);

      // A postal code of 7 digits that does not exist is named; nothing says to check that it has 7 digits.
      await lookUp("0000000");
      await page.locator(".error-summary").waitFor();
      expect(await page.locator(".error-summary").textContent()).toContain(words[lng].unknownPostalCode);
      expect(await page.locator(".error-summary a").getAttribute("href")).toBe("#answer-postalCode");
      await expect.poll(shownAddress).toEqual(["", "", ""]);
      await checkPage(page);

      // The icon is there, and no page asked for anything missing.
      const icon = await page.request.get(`${story.portal.url}/favicon.ico`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()["content-type"]).toMatch(/^image\//);
      expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
      expect(missing).toEqual([]);
      await context.close();
    });
  }
});
