// As an agency officer, I sign in with my password and an authenticator code, work my organisation's
// inbox, read exactly what the citizen agreed to send, and decide; the citizen sees my decision. With
// JavaScript on and off, in Japanese and English, and axe on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { openDatabase, type Db } from "../../db/client.server";
import { getProcedureRequest } from "../../db/queries/cases";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { requestOf, submitMove, waitForStatus } from "./support/case-submissions";
import { startPortal, type Portal } from "./support/portal";
import { signInAs } from "./support/staff";

describe.skipIf(!browserAvailable)("the agency back office", () => {
  let portal: Portal;
  let browser: Browser;
  let db: Db;

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    // The test writes cases into the portal's own database file, as the journey's submit would.
    db = openDatabase(portal.databasePath);
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    await portal?.stop();
  });

  /** Submits a form by its button and waits for the POST's answer and the page it leads to (JavaScript off). */
  async function post(page: Page, button: ReturnType<Page["getByRole"]>) {
    await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), button.click()]);
    await page.waitForLoadState();
  }

  /** Waits for the page's h1 to read `text` (with JavaScript, the address changes before the new page renders). */
  async function expectHeading(page: Page, text: string) {
    await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(text);
  }

  it("story 1 (JavaScript on, Japanese): 新宿区 accepts 田中さん's move-in with its reference; the citizen sees it accepted", async () => {
    const tanaka = submitMove(db, "p-tanaka-ichiro");
    // 千代田区 (no officer in the demo) accepts the move-out; the move-in then goes to 新宿区's inbox.
    const moveOut = requestOf(db, tanaka.case.id, "move-out-notification");
    await waitForStatus(db, moveOut.id, "delivered");
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "千代田-0001" }, actor: "agency:municipality-13101" });
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    await waitForStatus(db, moveIn.id, "delivered");

    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/office?lng=ja`);
    await signInAs(page, "officer.shinjuku", { check: true });
    expect(new URL(page.url()).pathname).toBe("/office");
    const inbox = await page.reload();
    expect(inbox?.headers()["cache-control"]).toContain("no-store");
    await expectHeading(page, "受付一覧");
    const row = page.getByTestId("inbox-row").filter({ hasText: tanaka.case.reference });
    await expect(row.textContent()).resolves.toContain("審査待ち");
    await expect(row.textContent()).resolves.toContain("期限超過");
    await checkPage(page);

    // Filters work as a plain GET form.
    await page.locator("#filter-status").selectOption("accepted");
    await Promise.all([page.waitForURL(/status=accepted/), page.getByRole("button", { name: "絞り込む" }).click()]);
    // The address changes before the filtered list is drawn: wait until it is.
    await expect.poll(() => page.getByTestId("inbox-row").count(), { timeout: 60_000 }).toBe(0);
    await checkPage(page);
    await page.goto(`${portal.url}/office`);

    await Promise.all([page.waitForURL(/\/office\/requests\//), page.getByRole("link", { name: "転入届" }).first().click()]);
    await expectHeading(page, "転入届");
    const body = await page.locator("main").textContent();
    expect(body).toContain(tanaka.case.reference);
    expect(body).toContain("住民基本台帳法第22条");
    expect(body).toContain("新住所");
    expect(body).toContain("来庁が必要な手続です");
    // Only the move-in's items: no phone number, e-mail or pension number of the record.
    expect(body).not.toContain("電話番号");
    expect(body).not.toContain("基礎年金番号");
    await checkPage(page);

    // An empty reference: the error beside the field and in the summary, nothing sent.
    await page.getByRole("button", { name: "受理する" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("貴機関の整理番号を入力してください");
    await checkPage(page);
    expect(getProcedureRequest(db, { procedureRequestId: moveIn.id })!.status).toBe("delivered");

    await page.getByLabel("貴機関の整理番号").fill("新宿-2026-00042");
    await Promise.all([page.waitForURL(/decided=accept/), page.getByRole("button", { name: "受理する" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("手続を受理しました");
    await expect(page.locator("main").textContent()).resolves.toContain("この手続は受理済みです");
    await checkPage(page);
    await context.close();

    const citizen = await newContext(browser, { javaScript: false });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${tanaka.case.reference}?lng=ja`);
    await signInAs(citizenPage, "tanaka", { check: true });
    expect(new URL(citizenPage.url()).pathname).toBe(`/cases/${tanaka.case.reference}`);
    const card = citizenPage.locator(`#procedure-${moveIn.id}`);
    await expect(card.textContent()).resolves.toContain("完了");
    await expect(card.textContent()).resolves.toContain("新宿-2026-00042");
    await checkPage(citizenPage);
    await citizen.close();
  });

  it("story 2 (JavaScript off, English): the pension office asks 鈴木さん a question, she answers, the officer reads it and accepts", async () => {
    const suzuki = submitMove(db, "p-suzuki-haruko");
    const pension = requestOf(db, suzuki.case.id, "pension-recipient-address-change");
    await waitForStatus(db, pension.id, "delivered");

    const officer = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await officer.newPage();
    await page.goto(`${portal.url}/office?lng=en`);
    await signInAs(page, "officer.pension", { check: true });
    await expectHeading(page, "Inbox");
    await expect(page.locator(".caption").first().textContent()).resolves.toBe("Japan Pension Service");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/office\/requests\//), page.getByTestId("inbox-row").filter({ hasText: suzuki.case.reference }).getByRole("link").click()]);
    await expectHeading(page, "Pension recipient: change of address");
    await expect(page.locator("main").textContent()).resolves.toContain("Basic pension number");
    await checkPage(page);
    // The filled official form on its own page, for printing: the form's items, and why Madoguchi need not fill some, in English.
    await Promise.all([page.waitForURL(/\/form$/), page.getByRole("link", { name: "Show this form for printing" }).click()]);
    await expectHeading(page, "年金受給権者 住所変更届");
    await expect(page.locator("main").textContent()).resolves.toContain("The Japan Pension Service finds every pension of the person from the basic pension number.");
    await expect(page.locator("main").textContent()).resolves.toContain("1 March 2026"); // the day it was filed
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/office\/requests\/[^/]+$/), page.getByRole("link", { name: "Back to the request" }).click()]);

    // Hostile text is refused beside the field, and what was typed is kept.
    const question = page.getByLabel("Your question");
    await question.fill("<script>alert(1)</script>");
    await post(page, page.getByRole("button", { name: "Send the question" }));
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("Remove markup");
    await expect(question.inputValue()).resolves.toBe("<script>alert(1)</script>");
    await checkPage(page);
    await question.fill("Please tell us the number on your pension certificate (年金証書).");
    await Promise.all([page.waitForURL(/decided=requestInformation/), page.getByRole("button", { name: "Send the question" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Your question was sent");
    await expect(page.locator("main").textContent()).resolves.toContain("Waiting for the applicant");
    await checkPage(page);

    const citizen = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${suzuki.case.reference}?lng=en`);
    await signInAs(citizenPage, "suzuki", { check: true });
    const card = citizenPage.locator(`#procedure-${pension.id}`);
    await expect(card.textContent()).resolves.toContain("Please tell us the number on your pension certificate");
    await checkPage(citizenPage);
    await card.locator('textarea[name="answer"]').fill("It is 1234-567890.");
    await post(citizenPage, card.getByRole("button", { name: "Send your answer" }));
    await expect(citizenPage.locator(`#procedure-${pension.id}`).textContent()).resolves.toContain("It is 1234-567890.");
    await checkPage(citizenPage);
    await citizen.close();

    // The answer goes back through the dispatcher; the procedure returns to the inbox with it.
    await waitForStatus(db, pension.id, "delivered");
    await page.goto(`${portal.url}/office`);
    const row = page.getByTestId("inbox-row").filter({ hasText: suzuki.case.reference });
    await expect(row.textContent()).resolves.toContain("Answer received");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/office\/requests\//), row.getByRole("link").click()]);
    await expect(page.getByTestId("information-answer").textContent()).resolves.toBe("It is 1234-567890.");
    await page.getByLabel("Your organisation's reference number").fill("JPS-2026-0777");
    await Promise.all([page.waitForURL(/decided=accept/), page.getByRole("button", { name: "Accept the procedure" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("The procedure was accepted");
    await checkPage(page);
    expect(getProcedureRequest(db, { procedureRequestId: pension.id })).toMatchObject({ status: "accepted", decisionReference: "JPS-2026-0777" });
    await officer.close();
  });

  it("story 3 (JavaScript on and off): an officer of another organisation cannot open the request (404, no personal data)", async () => {
    const tanaka = submitMove(db, "p-tanaka-ichiro");
    const moveOut = requestOf(db, tanaka.case.id, "move-out-notification");
    await waitForStatus(db, moveOut.id, "delivered");

    for (const [javaScript, officer] of [[true, "officer.yokohama"], [false, "officer.pension"]] as const) {
      const context = await newContext(browser, { javaScript, locale: "en-GB" });
      const page = await context.newPage();
      await page.goto(`${portal.url}/office/requests/${moveOut.id}?lng=en`);
      await signInAs(page, officer, { check: true });
      const response = await page.reload();
      expect(response?.status()).toBe(404);
      await expectHeading(page, "Page not found");
      const html = await page.content();
      for (const secret of ["田中", "一郎", "千代田", tanaka.case.reference, "p-tanaka-ichiro", "Move-out notification"]) expect(html).not.toContain(secret);
      await checkPage(page);
      await context.close();
    }
  }, 90_000);
});
