// As the administrator, I see a delivery an agency's system refused (its answer kept, personal data taken
// out), retry it once the agency is fixed, and close another as handled outside Madoguchi; the citizen's
// status page follows. The agency is a small server of this story's own that checks the signature with
// its own HMAC code. JavaScript on and off, Japanese and English, axe and reflow on every page.
import { generateTOTP } from "@epic-web/totp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteStaff } from "../../app/admin/staff.server";
import { saveAgencyEndpoint } from "../../app/delivery/endpoints.server";
import { openDatabase, type Db } from "../../db/client.server";
import { getProcedureRequest } from "../../db/queries/cases";
import { startAgencySystem } from "./support/agency-system";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { requestOf, submitMove, waitForStatus } from "./support/case-submissions";
import { startPortal, type Portal } from "./support/portal";
import { signInAs } from "./support/staff";

describe.skipIf(!browserAvailable)("the operations console: failed deliveries", () => {
  let portal: Portal;
  let browser: Browser;
  let db: Db;
  const agency = startAgencySystem();

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    db = openDatabase(portal.databasePath);
    agency.state.secrets = ["story-secret-0123456789abcdef0123456789"];
    agency.state.mode = "refuse";
    // Secrets are stored encrypted under the portal's keys (its data folder's key file).
    process.env.MADOGUCHI_DATA_DIR = portal.env.MADOGUCHI_DATA_DIR;
    saveAgencyEndpoint(db, { agencyId: "japan-post", url: await agency.listen(), secret: agency.state.secrets[0] });
  });

  afterAll(async () => {
    db?.$client.close();
    await agency.close();
    await browser?.close();
    await portal?.stop();
  });

  async function expectHeading(page: Page, text: string) {
    await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
  }

  it("story 1 (JavaScript off, Japanese): Japan Post's system refuses with 400; the administrator reads why, retries once it is fixed; 伊藤さん's page follows", async () => {
    const ito = submitMove(db, "p-ito-yuki");
    const mail = requestOf(db, ito.case.id, "mail-forwarding");
    await waitForStatus(db, mail.id, "deadLettered");
    expect(agency.state.received.every((r) => r.signed)).toBe(true);
    const postalCode = (JSON.parse(mail.payload) as { newAddress: { postalCode: string } }).newAddress.postalCode;

    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin?lng=ja`);
    await signInAs(page, "admin");
    await expectHeading(page, "運用管理");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/admin\/dead-letters$/), page.getByRole("link", { name: "配信できなかった手続(デッドレター)" }).click()]);
    await expectHeading(page, "配信できなかった手続");
    const row = page.locator("tr").filter({ hasText: ito.case.reference });
    await expect(row.textContent()).resolves.toContain("日本郵便");
    // Why, in Japanese words: not the dispatcher's English note.
    await expect(row.textContent()).resolves.toContain("送った内容に誤りがあるとして受け付けませんでした");
    await expect(row.textContent()).resolves.not.toMatch(/attempt|HTTP 400/);
    await checkPage(page);

    await Promise.all([page.waitForURL(/\/admin\/dead-letters\/.+/), row.getByRole("link", { name: ito.case.reference }).click()]);
    await expectHeading(page, `${ito.case.reference}の配信の失敗`);
    const attempts = await page.locator(".attempt-list").textContent();
    expect(attempts).toContain("1回目の試行");
    expect(attempts).toContain("400");
    expect(attempts).not.toMatch(/attempt \d|HTTP 400/);
    expect(attempts).toContain("schema version 2 required");
    expect(attempts).toContain("[redacted]");
    expect(attempts).not.toContain(postalCode);
    await checkPage(page);

    // The agency fixes its system; one retry delivers it under the same idempotency key.
    agency.state.mode = "accept";
    await Promise.all([page.waitForURL(/retriedOne=1/), page.getByRole("button", { name: "この配信を再送" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("この配信を再送します");
    await checkPage(page);
    await waitForStatus(db, mail.id, "delivered");
    const keys = agency.state.received.filter((r) => JSON.parse(r.body).procedureRequestId === mail.id).map((r) => r.key);
    expect(new Set(keys).size).toBe(1);
    await context.close();

    const citizen = await newContext(browser, { javaScript: false });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${ito.case.reference}?lng=ja`);
    await signInAs(citizenPage, "ito");
    await expect(citizenPage.locator(`#procedure-${mail.id}`).textContent()).resolves.toContain("手続先で審査中");
    await checkPage(citizenPage);
    await citizen.close();
  });

  it("story 2 (JavaScript on, English): a refused delivery is closed as handled outside Madoguchi; an empty reason is refused first; 田中さん reads the reason", async () => {
    agency.state.mode = "refuse";
    const tanaka = submitMove(db, "p-tanaka-ichiro");
    const mail = requestOf(db, tanaka.case.id, "mail-forwarding");
    await waitForStatus(db, mail.id, "deadLettered");

    const context = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/dead-letters?lng=en`);
    await signInAs(page, "admin");
    await expectHeading(page, "Failed deliveries");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/admin\/dead-letters\/.+/), page.getByRole("link", { name: tanaka.case.reference }).click()]);
    await expectHeading(page, `Failed delivery of ${tanaka.case.reference}`);

    await page.getByRole("button", { name: "Close this delivery" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("Enter the reason the applicant will read");
    await checkPage(page);
    expect(getProcedureRequest(db, { procedureRequestId: mail.id })!.status).toBe("deadLettered");

    const reason = "Japan Post will send you the forwarding form by post.";
    await page.getByLabel("Reason the applicant will read").fill(reason);
    await Promise.all([page.waitForURL(/closed=1/), page.getByRole("button", { name: "Close this delivery" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("closed as handled outside this service");
    await expect(page.locator("main").textContent()).resolves.not.toContain(tanaka.case.reference);
    await checkPage(page);
    expect(getProcedureRequest(db, { procedureRequestId: mail.id })).toMatchObject({ status: "closedOutside", closingReason: reason });

    // The audit log, in English with JavaScript: the closing is found by the person whose data it was; a date
    // that is not one is refused beside its field.
    await page.goto(`${portal.url}/admin/audit?person=tanaka`);
    await expectHeading(page, "Audit log");
    await expect(page.getByRole("table", { name: "Audit log entries" }).textContent()).resolves.toContain("An administrator closed a failed delivery");
    await checkPage(page);
    await page.goto(`${portal.url}/admin/audit?from=someday`);
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("Enter the start date as a date");
    await checkPage(page);
    await page.goto(`${portal.url}/admin/audit`);
    await page.getByRole("button", { name: "Check the audit log now" }).click();
    await expect(page.getByTestId("audit-verified").textContent()).resolves.toContain("entries checked; every seal and link holds");
    await checkPage(page);
    await context.close();

    const citizen = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${tanaka.case.reference}?lng=en`);
    await signInAs(citizenPage, "tanaka");
    const card = citizenPage.locator(`#procedure-${mail.id}`);
    await expect(card.textContent()).resolves.toContain("Handled outside this service");
    await expect(card.textContent()).resolves.toContain(reason);
    await checkPage(citizenPage);
    await citizen.close();
  });

  it("story 3 (JavaScript off, English, then Japanese): the administrator invites an officer of 新宿区, who sets a password, enrols TOTP first, and sees only 新宿区's inbox", async () => {
    // Work for two organisations: NGUYEN's move-out reaches 新宿区, 田中さん's reaches 千代田区.
    const nguyen = submitMove(db, "p-nguyen-thi-lan");
    const tanaka = submitMove(db, "p-tanaka-ichiro");
    const shinjuku = requestOf(db, nguyen.case.id, "move-out-notification");
    const chiyoda = requestOf(db, tanaka.case.id, "move-out-notification");
    await waitForStatus(db, shinjuku.id, "delivered");
    await waitForStatus(db, chiyoda.id, "delivered");

    // More staff than one page holds: the list is paged by login ID, 20 a page, with plain links.
    for (let i = 10; i < 30; i++) inviteStaff(db, { input: { role: "evaluator", loginId: `zz.evaluator${i}`, displayName: `評価 ${i}` }, actor: "u-admin" });
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/staff?lng=en`);
    await signInAs(page, "admin");
    await expectHeading(page, "Staff accounts");
    const pager = page.getByRole("navigation", { name: "Pages of the staff list" });
    await expect(pager.textContent()).resolves.toMatch(/Staff 1 to 20 of \d+/);
    await expect(page.getByRole("table", { name: "Staff accounts" }).textContent()).resolves.not.toContain("zz.evaluator29");
    await checkPage(page);
    await Promise.all([page.waitForURL(/page=2/), pager.getByRole("link", { name: "Next page" }).click()]);
    await expect(page.getByRole("table", { name: "Staff accounts" }).textContent()).resolves.toContain("zz.evaluator29");
    await checkPage(page);

    // An officer without an organisation is refused, what was typed is kept, and nothing is created.
    await page.getByLabel("Role").selectOption("officer");
    await page.getByLabel("Login ID").fill("officer.kato");
    await page.getByLabel("Name", { exact: true }).fill("加藤 恵");
    await page.getByRole("button", { name: "Create the invitation" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("An agency officer needs an organisation");
    await expect(page.getByLabel("Login ID").inputValue()).resolves.toBe("officer.kato");
    await checkPage(page);

    await page.getByLabel("Organisation", { exact: true }).selectOption("municipality-13104");
    await page.getByRole("button", { name: "Create the invitation" }).click();
    const link = (await page.getByTestId("invitation-link").textContent())!;
    expect(link).toMatch(new RegExp(`^${portal.url}/invitations/[A-Za-z0-9_-]{43}$`));
    await checkPage(page);
    // The administrator cannot deactivate themselves: refused with the reason, nothing changed.
    await page.goto(`${portal.url}/admin/staff/u-admin`);
    await page.getByRole("button", { name: "Deactivate this account" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("You cannot do this to your own account");
    await checkPage(page);
    await context.close();

    // The invitee, in another browser: password first, then the authenticator app, then the inbox.
    const invitee = await newContext(browser, { javaScript: false });
    const officer = await invitee.newPage();
    await officer.goto(`${link}?lng=ja`);
    await expectHeading(officer, "アカウントの設定");
    await checkPage(officer);
    await officer.getByLabel("新しいパスワード").fill("short");
    await officer.getByLabel("もう一度同じパスワード").fill("short");
    await officer.getByRole("button", { name: "パスワードを設定して進む" }).click();
    await expect(officer.getByRole("alert").first().textContent()).resolves.toContain("12文字以上");
    await checkPage(officer);
    await officer.getByLabel("新しいパスワード").fill("shinjuku counter 2026");
    await officer.getByLabel("もう一度同じパスワード").fill("shinjuku counter 2026");
    await Promise.all([officer.waitForURL(/\/sign-in\/two-factor/), officer.getByRole("button", { name: "パスワードを設定して進む" }).click()]);
    await checkPage(officer);
    // Nothing else opens before the second factor is enrolled.
    await officer.goto(`${portal.url}/office`);
    expect(new URL(officer.url()).pathname).toBe("/sign-in/two-factor");
    const secret = (await officer.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" });
    await officer.locator('input[name="code"]').fill(otp);
    await Promise.all([officer.waitForURL((url) => url.pathname === "/office"), officer.locator('input[name="code"]').press("Enter")]);
    await expectHeading(officer, "受付一覧");
    const inbox = (await officer.locator("main").textContent())!;
    expect(inbox).toContain(nguyen.case.reference);
    expect(inbox).not.toContain(tanaka.case.reference);
    await checkPage(officer);
    // Another organisation's request is a 404 for this officer.
    const response = await officer.goto(`${portal.url}/office/requests/${chiyoda.id}`);
    expect(response?.status()).toBe(404);
    // The link works once.
    const again = await officer.goto(link);
    expect(again?.status()).toBe(410);
    await invitee.close();
  });
});
