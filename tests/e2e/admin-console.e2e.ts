// As the administrator, I see a delivery an agency's system refused (its answer kept, personal data taken
// out), retry it once the agency is fixed, and close another as handled outside Madoguchi; the citizen's
// status page follows. The agency is a small server of this story's own that checks the signature with
// its own HMAC code. JavaScript on and off, Japanese and English, axe and reflow on every page.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateTOTP } from "@epic-web/totp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitCase } from "../../app/cases/cases.server";
import { saveAgencyEndpoint } from "../../app/delivery/endpoints.server";
import { DEMO_PASSWORD, getDemoAccount } from "../../app/demo/demo-accounts.server";
import { openDatabase, type Db } from "../../db/client.server";
import { getProcedureRequest, listProcedureRequestsForCase } from "../../db/queries/cases";
import { sampleSubmission } from "../factories";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { startPortal, type Portal } from "./support/portal";

/** The outside agency's system: verifies every delivery's signature itself, and answers as `mode` says. */
function startAgencySystem() {
  const state = { secret: "", mode: "refuse" as "refuse" | "accept", received: [] as { key: string; signed: boolean; body: string }[] };
  const verify = (header: string | undefined, body: string) => {
    const t = /t=(\d+)/.exec(header ?? "")?.[1];
    const given = [...(header ?? "").matchAll(/v1=([0-9a-f]{64})/g)].map((m) => Buffer.from(m[1], "hex"));
    if (!t || Math.abs(Number(t) - Date.now() / 1000) > 300) return false;
    const expected = createHmac("sha256", state.secret).update(`${t}.${body}`).digest();
    return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const signed = verify(req.headers["x-madoguchi-signature"] as string | undefined, body);
      state.received.push({ key: String(req.headers["idempotency-key"]), signed, body });
      if (!signed) return res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":"bad signature"}');
      if (state.mode === "refuse") {
        const delivery = JSON.parse(body) as { payload: unknown };
        // Like many real systems, it echoes what it received: the console must not show it.
        return res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "schema version 2 required", received: delivery.payload }));
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ reference: `POST-${state.received.length}` }));
    });
  });
  return {
    state,
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`))),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe.skipIf(!browserAvailable)("the operations console: failed deliveries", () => {
  let portal: Portal;
  let browser: Browser;
  let db: Db;
  const agency = startAgencySystem();

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    db = openDatabase(portal.databasePath);
    agency.state.secret = "story-secret-0123456789abcdef0123456789";
    // Secrets are stored encrypted under the portal's keys (its data folder's key file).
    process.env.MADOGUCHI_DATA_DIR = portal.env.MADOGUCHI_DATA_DIR;
    saveAgencyEndpoint(db, { agencyId: "japan-post", url: await agency.listen(), secret: agency.state.secret });
  });

  afterAll(async () => {
    db?.$client.close();
    await agency.close();
    await browser?.close();
    await portal?.stop();
  });

  function submitMove(personId: string) {
    const submission = sampleSubmission("relocation", personId);
    return submitCase(db, { ...submission, actorId: `u-${personId.slice(2)}`, consent: { ...submission.consent, lang: "ja" } });
  }
  const requestOf = (caseId: string, procedureId: string) => listProcedureRequestsForCase(db, { caseId }).find((r) => r.procedureId === procedureId)!;

  async function waitForStatus(id: string, status: string, timeoutMs = 240_000) {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (getProcedureRequest(db, { procedureRequestId: id })?.status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`procedure request ${id} did not become ${status}: it is ${getProcedureRequest(db, { procedureRequestId: id })?.status}`);
  }

  const lastStep = new Map<string, number>();
  async function signIn(page: Page, loginId: string) {
    expect(page.url()).toMatch(/\/sign-in\?/);
    await page.locator('input[name="loginId"]').fill(loginId);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="password"]) button[type="submit"]').click()]);
    const secret = getDemoAccount(loginId)?.totpSecret;
    if (!secret) return;
    if (lastStep.get(loginId) === Math.floor(Date.now() / 30_000)) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    lastStep.set(loginId, Math.floor(Date.now() / 30_000));
    const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" });
    await page.locator('input[name="code"]').fill(otp);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in/two-factor"), page.locator('input[name="code"]').press("Enter")]);
  }

  async function expectHeading(page: Page, text: string) {
    await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
  }

  it("story 1 (JavaScript off, Japanese): Japan Post's system refuses with 400; the administrator reads why, retries once it is fixed; 伊藤さん's page follows", async () => {
    const ito = submitMove("p-ito-yuki");
    const mail = requestOf(ito.case.id, "mail-forwarding");
    await waitForStatus(mail.id, "deadLettered");
    expect(agency.state.received.every((r) => r.signed)).toBe(true);
    const postalCode = (JSON.parse(mail.payload) as { newAddress: { postalCode: string } }).newAddress.postalCode;

    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin?lng=ja`);
    await signIn(page, "admin");
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
    await waitForStatus(mail.id, "delivered");
    const keys = agency.state.received.filter((r) => JSON.parse(r.body).procedureRequestId === mail.id).map((r) => r.key);
    expect(new Set(keys).size).toBe(1);
    await context.close();

    const citizen = await newContext(browser, { javaScript: false });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${ito.case.reference}?lng=ja`);
    await signIn(citizenPage, "ito");
    await expect(citizenPage.locator(`#procedure-${mail.id}`).textContent()).resolves.toContain("手続先で審査中");
    await checkPage(citizenPage);
    await citizen.close();
  });

  it("story 2 (JavaScript on, English): a refused delivery is closed as handled outside Madoguchi; an empty reason is refused first; 田中さん reads the reason", async () => {
    agency.state.mode = "refuse";
    const tanaka = submitMove("p-tanaka-ichiro");
    const mail = requestOf(tanaka.case.id, "mail-forwarding");
    await waitForStatus(mail.id, "deadLettered");

    const context = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/dead-letters?lng=en`);
    await signIn(page, "admin");
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
    await context.close();

    const citizen = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${portal.url}/cases/${tanaka.case.reference}?lng=en`);
    await signIn(citizenPage, "tanaka");
    const card = citizenPage.locator(`#procedure-${mail.id}`);
    await expect(card.textContent()).resolves.toContain("Handled outside this service");
    await expect(card.textContent()).resolves.toContain(reason);
    await checkPage(citizenPage);
    await citizen.close();
  });

  it("story 3 (JavaScript off, English, then Japanese): the administrator invites an officer of 新宿区, who sets a password, enrols TOTP first, and sees only 新宿区's inbox", async () => {
    // Work for two organisations: NGUYEN's move-out reaches 新宿区, 田中さん's reaches 千代田区.
    const nguyen = submitMove("p-nguyen-thi-lan");
    const tanaka = submitMove("p-tanaka-ichiro");
    const shinjuku = requestOf(nguyen.case.id, "move-out-notification");
    const chiyoda = requestOf(tanaka.case.id, "move-out-notification");
    await waitForStatus(shinjuku.id, "delivered");
    await waitForStatus(chiyoda.id, "delivered");

    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/staff?lng=en`);
    await signIn(page, "admin");
    await expectHeading(page, "Staff accounts");
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
