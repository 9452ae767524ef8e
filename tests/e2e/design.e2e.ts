// As a service designer, I sign in with my password and an authenticator code, search the catalogue
// (without JavaScript too), and read a life event: its questions and procedures, the rule behind each,
// and what the checks found; I simulate a composed person (a parking address and the parking space's row among the answers), save it as a
// scenario that coverage runs, and delete it; I compose a company's business purposes one a line. In Japanese and English, with axe, reflow at 320 px and screenshots on every page.
import { describe, expect, it } from "vitest";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signInAsDesigner, whenIComposeACompanyWithItsPurposes, whenISimulateAForeignResidentWithAChildAndACar } from "./support/designer";
import { usePortalAndBrowser } from "./support/portal";

describe.skipIf(!browserAvailable)("the designers' workspace", () => {
  const story = usePortalAndBrowser();

  const runs = [
    { lng: "ja", javaScript: false, home: "サービス設計", catalogue: "カタログ", search: "検索", lifeEvent: "引越し（転居・転入・転出）", checksOk: "点検で見つかった問題はありません。" },
    { lng: "en", javaScript: true, home: "Service design workspace", catalogue: "Catalogue", search: "Search", lifeEvent: "Moving house", checksOk: "The checks find no problem." },
  ] as const;

  // The note: the designer was once offered links that answer 403. Every link on the account page, in the
  // header and on every designers' page (followed through /design) must answer, as this designer, without a 403.
  it("whenIFollowEveryLinkIAmOffered (ja, JavaScript off)", async () => {
    const context = await newContext(story.browser, { javaScript: false, locale: "ja-JP" });
    const page = await context.newPage();
    await signInAsDesigner(page, story.portal.url);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const origin = new URL(story.portal.url).origin;
    const linksOn = async (path: string) => {
      await page.goto(`${story.portal.url}${path}`);
      const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      return hrefs.map((href) => new URL(href)).filter((url) => url.origin === origin);
    };
    const checked = new Map<string, number>();
    const toVisit = ["/design", "/account"];
    const visited = new Set<string>();
    while (toVisit.length && visited.size < 120) {
      const path = toVisit.shift()!;
      if (visited.has(path)) continue;
      visited.add(path);
      for (const url of await linksOn(path)) {
        const target = `${url.pathname}${url.search}`;
        if (url.pathname === "/sign-out") continue;
        if (!checked.has(target)) checked.set(target, (await context.request.get(`${origin}${target}`, { maxRedirects: 0 })).status());
        // Follow the designers' own pages; the rest (header, account) is only asked for.
        if (url.pathname.startsWith("/design") && !url.search.includes("compose=") && !visited.has(target)) toVisit.push(target);
      }
    }
    const forbidden = [...checked].filter(([, status]) => status === 403 || status >= 500);
    expect(forbidden).toEqual([]);
    expect(checked.size).toBeGreaterThan(20);
    await context.close();
  }, 900_000);

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

      // Simulate a foreign resident moving with a child and a car, and save the person as a scenario.
      const scenario = await whenISimulateAForeignResidentWithAChildAndACar(page, run.lng);
      // Coverage on the life event's page runs it beside the samples.
      await page.goto(`${story.portal.url}/design/life-events/relocation`);
      await expect.poll(() => page.locator("#life-event-coverage").locator("..").textContent()).toContain(scenario);
      // Run again from the list, then deleted: it leaves the list.
      await page.goto(`${story.portal.url}/design/life-events/relocation/simulate`);
      const saved = page.getByTestId("saved-scenario").filter({ hasText: scenario });
      await Promise.all([page.waitForURL(/sample=p-nguyen-thi-lan/), saved.getByRole("link").click()]);
      await page.getByTestId("simulated-procedure").first().waitFor();
      await Promise.all([page.waitForURL(/deleted=1/), saved.getByRole("button").click()]);
      await expect.poll(() => saved.count()).toBe(0);
      await checkPage(page);

      // A list answer: the company's business purposes, one a line.
      await whenIComposeACompanyWithItsPurposes(page, story.portal.url, run.lng);
      await context.close();
    }, 900_000);
  }
});
