// As an evaluator, I open the dashboard and filter it to one ministry: every figure with its definition, the
// monthly chart with its data table, no person's data; and the figures equal counts taken straight from the
// database. JavaScript off, Japanese then English; axe and reflow on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { submitCase } from "../../app/cases/cases.server";
import { openDatabase } from "../../db/client.server";
import { sampleSubmission } from "../factories";
import { listAgencies } from "../../flows";
import { fiscalYearMonths, ministryId, monthStartUtc, nextMonth } from "../../app/evaluation/definitions";
import { currentFiscalYear } from "../../app/evaluation/figures.server";
import { csvParse } from "d3-dsv";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { usePortalAndBrowser } from "./support/portal";

async function demoSignIn(page: Page, loginId: string) {
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await page.locator("#demo-login-id").selectOption(loginId);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="demo"]) button[type="submit"]').click()]);
}

describe.skipIf(!browserAvailable)("the evaluation dashboard", () => {
  const story = usePortalAndBrowser();

  it("an evaluator filters the figures to one ministry and reads each with its definition", async () => {
    const { portal, browser } = story;
    const db = openDatabase(portal.databasePath);
    for (const person of ["p-suzuki-haruko", "p-tanaka-ichiro"]) {
      const submission = sampleSubmission("relocation", person);
      submitCase(db, { ...submission, actorId: `u-${person.slice(2)}`, consent: { ...submission.consent, lang: "ja" } });
    }
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/evaluation?lng=ja`);
    await demoSignIn(page, "evaluator");
    expect(new URL(page.url()).pathname).toBe("/evaluation");
    await page.getByRole("heading", { level: 1, name: "評価" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("数値のみで、個人のデータは表示しません");
    await checkPage(page);

    await page.getByLabel("府省").selectOption({ label: "厚生労働省" });
    await Promise.all([page.waitForURL(/ministry=ministry-of-health-labour-and-welfare/), page.getByRole("button", { name: "表示する" }).click()]);
    // Straight from the database: procedure requests of the ministry's organisations (the pension office and the
    // health insurance bodies among them), submitted in the period shown.
    const agencyIds = listAgencies()
      .filter((agency) => agency.kind !== "private" && ministryId(agency.sector.en) === "ministry-of-health-labour-and-welfare")
      .map((agency) => agency.id);
    const rows = db.$client
      .prepare(`select count(*) as n from procedure_requests where agency_id in (${agencyIds.map(() => "?").join(",")})`)
      .get(...agencyIds) as { n: number };
    const shown = Number((await page.getByTestId("volume-requests").textContent())!.replace(/[^0-9]/g, ""));
    expect(shown).toBe(rows.n);
    expect(rows.n).toBeGreaterThan(0);
    const main = await page.locator("main").textContent();
    for (const heading of ["件数", "完了率", "利用者満足度", "送信から決定までの時間", "法定期限後の決定", "却下の理由別件数", "配信不能", "IDEA BOX"]) expect(main).toContain(heading);
    expect(main).not.toContain("鈴木");
    expect(main).not.toContain("田中");
    await expect(page.locator("svg[role=img] title").first().textContent()).resolves.toBe("月別の申請件数");
    await checkPage(page);

    for (const heading of ["デジタル化率", "1件あたりの費用", "ワンスオンリーの効果"]) expect(main).toContain(heading);

    // The ministry's yearly report, from the dashboard: printable, with every figure; its CSV's totals equal
    // counts taken straight from the database for the fiscal year.
    const fiscalYear = currentFiscalYear();
    await Promise.all([page.waitForURL(/\/evaluation\/reports\/\d{4}\?ministry=/), page.getByRole("link", { name: `この府省の年次報告(${fiscalYear}年度)` }).click()]);
    await page.getByRole("heading", { level: 1, name: `${fiscalYear}年度 年次報告:厚生労働省` }).waitFor();
    await checkPage(page);
    const csvHref = await page.getByRole("link", { name: "すべての数値(CSV)" }).getAttribute("href");
    const answer = await page.request.get(new URL(csvHref!, page.url()).toString());
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("text/csv");
    expect(answer.headers()["content-disposition"]).toContain("attachment");
    const csv = csvParse(await answer.text());
    const total = (figure: string, measure: string) => Number(csv.find((r) => r.figure === figure && r.measure === measure && !r.month && !r.procedure && !r.detail)?.value);
    const { from, to } = fiscalYearMonths(fiscalYear);
    const window = [monthStartUtc(from), monthStartUtc(nextMonth(to))];
    const inYear = `from procedure_requests r join cases c on c.id = r.case_id where c.created_at >= ? and c.created_at < ? and r.agency_id in (${agencyIds.map(() => "?").join(",")})`;
    const requests = db.$client.prepare(`select count(*) as n ${inYear}`).get(...window, ...agencyIds) as { n: number };
    const cases = db.$client.prepare(`select count(distinct r.case_id) as n ${inYear}`).get(...window, ...agencyIds) as { n: number };
    expect(total("volume", "requests")).toBe(requests.n);
    expect(total("volume", "cases")).toBe(cases.n);
    expect(requests.n).toBeGreaterThan(0);
    expect(await answer.text()).not.toContain("鈴木");
    const json = await page.request.get(`${portal.url}/evaluation/reports/${fiscalYear}?format=json&ministry=ministry-of-health-labour-and-welfare`);
    expect(((await json.json()) as { figures: { volume: { requests: number } } }).figures.volume.requests).toBe(requests.n);

    await page.goto(`${portal.url}/evaluation?lng=en&ministry=ministry-of-health-labour-and-welfare`);
    await expect(page.locator("main").textContent()).resolves.toContain("Time from submission to decision");
    await checkPage(page);
    db.$client.close();
    await context.close();
  });

  it("an evaluator sets unit costs and records a ministry's plan item, which shows its progress", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/evaluation/unit-costs?lng=ja`);
    await demoSignIn(page, "evaluator");
    await page.getByRole("heading", { level: 1, name: "単価" }).waitFor();
    await page.getByLabel("1件あたりの円").fill("abc");
    await page.getByRole("button", { name: "単価を設定する" }).click();
    await page.getByRole("alert").waitFor();
    await checkPage(page);
    await page.getByLabel("1件あたりの円").fill("1800");
    await page.getByLabel("チャネル").selectOption("counter");
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "単価を設定する" }).click()]);
    await expect(page.getByTestId("cost-counter-default").textContent()).resolves.toBe("1,800円");
    await checkPage(page);

    await page.goto(`${portal.url}/evaluation/plans`);
    await page.getByLabel("府省").selectOption({ label: "地方公共団体（市区町村）" });
    await page.getByLabel("取組").fill("転出届をオンラインで");
    await page.getByLabel("手続(任意)").selectOption({ label: "転出届" });
    await page.getByLabel("指標").selectOption("digitalTakeUp");
    await page.getByLabel("目標", { exact: true }).selectOption("atLeast");
    await page.getByLabel("値").fill("60");
    await page.getByLabel("期日").fill("2028-03-31");
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "計画の項目を追加" }).click()]);
    const row = page.getByRole("row", { name: /転出届をオンラインで/ });
    await expect(row.textContent()).resolves.toContain("60%以上");
    await expect(row.textContent()).resolves.toMatch(/達成|未達成|データなし/);
    await checkPage(page);
    await page.goto(`${portal.url}/evaluation/plans?lng=en`);
    await expect(page.locator("main").textContent()).resolves.toContain("Where reform pays most");
    await checkPage(page);
    await context.close();
  });

  it("an officer enters a month of counter volumes and imports a CSV file", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/office/counter-volumes?lng=ja`);
    await demoSignIn(page, "officer.shinjuku");
    await page.getByRole("heading", { level: 1, name: "窓口での処理件数" }).waitFor();
    await checkPage(page);
    await page.getByLabel("手続").selectOption({ label: "転入届" });
    await page.getByLabel("月", { exact: true }).fill("2026-01");
    await page.getByLabel("窓口での処理件数").fill("120");
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "保存する" }).click()]);
    await expect(page.getByTestId("counter-move-in-notification-2026-01").textContent()).resolves.toBe("120");
    // A file with a wrong line imports nothing and says which line.
    await page.getByLabel("CSVファイル", { exact: true }).setInputFiles({ name: "counter.csv", mimeType: "text/csv", buffer: Buffer.from("procedure,month,count\n転入届,2026-02,90\n転出届,2026-02,x\n") });
    await page.getByRole("button", { name: "取り込む" }).click();
    await page.getByRole("alert").waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("3行目");
    await checkPage(page);
    await page.getByLabel("CSVファイル", { exact: true }).setInputFiles({ name: "counter.csv", mimeType: "text/csv", buffer: Buffer.from("procedure,month,count\n転入届,2026-02,90\nMove-out notification,2026-02,75\n") });
    await Promise.all([page.waitForURL(/saved=2/), page.getByRole("button", { name: "取り込む" }).click()]);
    await expect(page.getByTestId("counter-move-out-notification-2026-02").textContent()).resolves.toBe("75");
    await page.goto(`${portal.url}/office/counter-volumes?lng=en`);
    await checkPage(page);
    await context.close();
  });
});
