// As an evaluator, I open the dashboard and filter it to one ministry: every figure with its definition, the
// monthly chart with its data table, no person's data; and the figures equal counts taken straight from the
// database. JavaScript off, Japanese then English; axe and reflow on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { submitCase } from "../../app/cases/cases.server";
import { openDatabase } from "../../db/client.server";
import { sampleSubmission } from "../factories";
import { listAgencies } from "../../flows";
import { ministryId } from "../../app/evaluation/definitions";
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

    await page.goto(`${portal.url}/evaluation?lng=en&ministry=ministry-of-health-labour-and-welfare`);
    await expect(page.locator("main").textContent()).resolves.toContain("Time from submission to decision");
    await checkPage(page);
    db.$client.close();
    await context.close();
  });
});
