// As the administrator, I onboard an outside agency system: Japan Post goes to the back office and back to
// the API, gets an endpoint and a secret shown once, answers a signed test delivery, and has its secret
// rotated while deliveries keep arriving, each checked by the agency's own HMAC code. When its system then
// answers 400, I see the dead letter, retry it once the agency is fixed, and the citizen's status page
// follows. A back-office organisation (千代田区) offers no endpoint and no secret. JavaScript off, Japanese and
// English, axe and reflow on every page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client.server";
import { getAgencyEndpoint } from "../../db/queries/agencies";
import { startAgencySystem } from "./support/agency-system";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { requestOf, submitMove, waitForStatus, waitUntilSent } from "./support/case-submissions";
import { startPortal, type Portal } from "./support/portal";
import { signInAs } from "./support/staff";

describe.skipIf(!browserAvailable)("the operations console: organisations", () => {
  let portal: Portal;
  let browser: Browser;
  let db: Db;
  let agencyUrl: string;
  const agency = startAgencySystem();

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    db = openDatabase(portal.databasePath);
    agencyUrl = await agency.listen();
  });

  afterAll(async () => {
    db?.$client.close();
    await agency.close();
    await browser?.close();
    await portal?.stop();
  });

  /** Submits a move whose mail forwarding goes to Japan Post's system; returns the procedure request. */
  const mailForwarding = (personId: string) => {
    const { case: kase } = submitMove(db, personId);
    return { reference: kase.reference, request: requestOf(db, kase.id, "mail-forwarding") };
  };

  it("story (JavaScript off, English, then Japanese): Japan Post is connected, tested, and its secret rotated while deliveries keep flowing", async () => {
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/agencies?lng=en`);
    await signInAs(page, "admin");
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await checkPage(page);

    // 千代田区 decides in the back office: no endpoint, no secret, only the switch.
    await page.goto(`${portal.url}/admin/agencies/municipality-13101`);
    await expect(page.locator("main").textContent()).resolves.toContain("Back office (officers)");
    expect(await page.getByLabel("Delivery URL").count()).toBe(0);
    await checkPage(page);

    // Japan Post: to the back office (its simulator endpoint and secret go), then back to the API.
    await page.goto(`${portal.url}/admin/agencies/japan-post`);
    await Promise.all([page.waitForURL(/done=channel/), page.getByRole("button", { name: "Switch to the back office (officers)" }).click()]);
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })).toBeUndefined();
    await Promise.all([page.waitForURL(/done=channel/), page.getByRole("button", { name: "Switch to the API (its own system)" }).click()]);

    // A plain-http address elsewhere is refused with the reason, and what was typed is kept.
    await page.getByLabel("Delivery URL").fill("http://post.example/deliveries");
    await page.getByRole("button", { name: "Save the endpoint" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("must start with https://");
    await expect(page.getByLabel("Delivery URL").inputValue()).resolves.toBe("http://post.example/deliveries");
    await checkPage(page);
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })).toBeUndefined();

    await page.getByLabel("Delivery URL").fill(agencyUrl);
    await page.getByRole("button", { name: "Save the endpoint" }).click();
    const secret = (await page.getByTestId("agency-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })!.secret).not.toContain(secret);
    await checkPage(page);
    agency.state.secrets = [secret];

    await page.getByRole("button", { name: "Send a test delivery" }).click();
    await expect(page.getByTestId("test-result").textContent()).resolves.toContain("The test delivery was accepted");
    expect(agency.state.received.at(-1)).toMatchObject({ signed: true, test: true });
    await checkPage(page);
    expect(await waitUntilSent(db, mailForwarding("p-ito-yuki").request.id)).toBe("delivered");

    // Rotation in Japanese, while deliveries are on their way: the new secret is shown once; deliveries signed
    // with both keep arriving while the agency still holds only the old one, and after it moves to the new one.
    const inFlight = ["p-tanaka-ichiro", "p-sato-kenji"].map((person) => mailForwarding(person).request.id);
    await page.goto(`${portal.url}/admin/agencies/japan-post?lng=ja`);
    await page.getByLabel("重複期間").selectOption("1");
    await page.getByRole("button", { name: "新しい秘密鍵を作る" }).click();
    const rotated = (await page.getByTestId("agency-secret").textContent())!.trim();
    expect(rotated).not.toBe(secret);
    await expect(page.locator("main").textContent()).resolves.toContain("以前の秘密鍵も");
    await checkPage(page);
    inFlight.push(mailForwarding("p-suzuki-haruko").request.id);
    for (const id of inFlight) expect(await waitUntilSent(db, id)).toBe("delivered");
    agency.state.secrets = [rotated];
    expect(await waitUntilSent(db, mailForwarding("p-takahashi-ken").request.id)).toBe("delivered");
    expect(agency.state.received.every((delivery) => delivery.signed)).toBe(true);

    // The agency's system starts refusing (400): the delivery is a dead letter, with the agency's reason.
    agency.state.mode = "refuse";
    const refused = mailForwarding("p-ito-yuki");
    await waitForStatus(db, refused.request.id, "deadLettered");
    // The organisations list puts it among those in trouble, on the first page, with its dead letter.
    await page.goto(`${portal.url}/admin/agencies`);
    const row = page.locator("tr").filter({ hasText: "日本郵便" });
    await expect(row.textContent()).resolves.toContain("API(組織のシステム)");
    await expect(row.getByRole("link", { name: "1" }).getAttribute("href")).resolves.toBe("/admin/dead-letters?agency=japan-post");
    await checkPage(page);
    await Promise.all([page.waitForURL(/page=2/), page.getByRole("link", { name: "次のページ" }).click()]);
    await expect(page.locator("main").textContent()).resolves.toMatch(/組織のうち21〜/);
    await checkPage(page);
    await page.goto(`${portal.url}/admin/agencies/japan-post`);
    await expect(page.getByRole("table", { name: "直近1時間と直近1日の配信" }).textContent()).resolves.toContain("配信できなかった");
    await checkPage(page);
    await page.goto(`${portal.url}/admin/dead-letters`);
    const deadRow = page.locator("tr").filter({ hasText: refused.reference });
    await expect(deadRow.textContent()).resolves.toContain("送った内容に誤りがあるとして受け付けませんでした");
    await checkPage(page);
    // Fixed: one retry delivers it, under the same idempotency key.
    agency.state.mode = "accept";
    await Promise.all([page.waitForURL(/\/admin\/dead-letters\/.+/), deadRow.getByRole("link", { name: refused.reference }).click()]);
    await Promise.all([page.waitForURL(/retriedOne=1/), page.getByRole("button", { name: "この配信を再送" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("この配信を再送します");
    await waitForStatus(db, refused.request.id, "delivered");
    const keys = agency.state.received.filter((r) => !r.test && JSON.parse(r.body).procedureRequestId === refused.request.id).map((r) => r.key);
    expect(keys.length).toBe(2);
    expect(new Set(keys).size).toBe(1);

    // The audit log holds the rotation and the retry: found by organisation and by case reference; and it is intact.
    await page.goto(`${portal.url}/admin/audit`);
    await page.getByLabel("組織").selectOption("japan-post");
    await Promise.all([page.waitForURL(/agency=japan-post/), page.getByRole("button", { name: "検索", exact: true }).click()]);
    await expect(page.getByRole("table", { name: "監査ログの記録" }).textContent()).resolves.toContain("秘密鍵を更新");
    await checkPage(page);
    await page.goto(`${portal.url}/admin/audit?reference=${refused.reference}`);
    const entries = (await page.getByRole("table", { name: "監査ログの記録" }).textContent())!;
    expect(entries).toContain("管理者が配信を再送");
    expect(entries).toContain("申請を送信");
    await page.getByRole("button", { name: "監査ログを今すぐ検証" }).click();
    await expect(page.getByTestId("audit-verified").textContent()).resolves.toContain("監査ログは改ざんされていません");
    await checkPage(page);

    await context.close();

    // The citizen's status page follows: the organisation is now examining it.
    const citizen = await newContext(browser, { javaScript: false });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${refused.reference}?lng=ja`);
    await signInAs(citizenPage, "ito");
    await expect(citizenPage.locator(`#procedure-${refused.request.id}`).textContent()).resolves.toContain("手続先で審査中");
    await checkPage(citizenPage);
    await citizen.close();
  });
});
