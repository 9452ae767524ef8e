// As a service designer, I sign in with my password and an authenticator code, search the catalogue
// (without JavaScript too), and read a life event: its questions and procedures, the rule behind each,
// and what the checks found. In Japanese and English, with axe, reflow at 320 px and screenshots on every page.
import { describe, expect, it } from "vitest";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signInAsDesigner } from "./support/designer";
import { usePortalAndBrowser } from "./support/portal";

/** Answers that turn NGUYEN さん's sample into a foreign resident moving with a child and a car. */
const childAndCar = {
  movingMembers: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
  ownsVehicle: true,
  vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
  parkingAddress: { postalCode: "1510053", prefecture: "東京都", municipalityCode: "13113", municipality: "渋谷区", town: "代々木", street: "二丁目11番5号" },
  parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
};

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
      // The address changes before the searched list is drawn: wait until the organisation's row is there, alone.
      const pensionService = page.getByRole("rowheader", { name: run.lng === "ja" ? "日本年金機構" : "Japan Pension Service" });
      await expect.poll(() => pensionService.count(), { timeout: 60_000 }).toBe(1);
      await checkPage(page);

      await Promise.all([page.waitForURL(/\/design\/life-events\/relocation$/), page.getByRole("link", { name: run.lifeEvent }).first().click()]);
      await page.getByRole("heading", { level: 1, name: run.lifeEvent }).waitFor();
      await expect(page.getByText(run.checksOk).count()).resolves.toBe(1);
      // The drawings (server-rendered SVG, laid out by ELK) and the sharing matrix.
      await expect(page.locator("svg[role=img]").count()).resolves.toBe(2);
      await expect(page.getByRole("table", { name: run.lng === "ja" ? "どの機関がどの情報を受け取るか" : "Who receives which information" }).count()).resolves.toBe(1);
      await checkPage(page);

      // Simulate a foreign resident moving with a child and a car: why each procedure, what each organisation receives.
      await Promise.all([page.waitForURL(/\/simulate$/), page.getByRole("link", { name: run.lng === "ja" ? "人物を想定して試す" : "Simulate a person" }).click()]);
      await checkPage(page);
      await page.getByLabel(run.lng === "ja" ? "見本の人物" : "Sample person").selectOption({ label: "NGUYEN THI LAN" });
      await page.getByLabel(run.lng === "ja" ? "変える回答（任意）" : "Answers to change (optional)").fill(JSON.stringify(childAndCar));
      await Promise.all([page.waitForURL(/sample=/), page.getByRole("button", { name: run.lng === "ja" ? "試行する" : "Run the simulation" }).click()]);
      const allowance = page.getByTestId("simulated-procedure").filter({ has: page.getByRole("heading", { level: 3, name: /児童手当|Child allowance/i }) });
      await allowance.first().waitFor();
      // Why: the rule read the household moving with the person; what: the child, sent to the municipality.
      await expect(allowance.first().getByText("NGUYEN VAN AN").count()).resolves.toBeGreaterThan(0);
      await expect(page.getByTestId("simulated-procedure").filter({ hasText: run.lng === "ja" ? "品川 300 あ 12-34" : "品川 300 あ 12-34" }).count()).resolves.toBeGreaterThan(0);
      await checkPage(page);
      await context.close();
    }, 900_000);
  }
});
