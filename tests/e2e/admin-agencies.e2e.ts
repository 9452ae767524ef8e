// As the administrator, I connect an outside agency system: Japan Post goes to the back office and back to
// the API, gets an endpoint and a secret shown once, answers a signed test delivery, and has its secret
// rotated while deliveries keep arriving, each checked by the agency's own HMAC code. A back-office
// organisation (千代田区) offers no endpoint and no secret. JavaScript off, Japanese and English, axe and reflow.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitCase } from "../../app/cases/cases.server";
import { openDatabase, type Db } from "../../db/client.server";
import { getAgencyEndpoint } from "../../db/queries/agencies";
import { getProcedureRequest, listProcedureRequestsForCase } from "../../db/queries/cases";
import { sampleSubmission } from "../factories";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { startPortal, type Portal } from "./support/portal";
import { signInWithSecondFactor } from "./support/journey";

/** The outside system: accepts a delivery only when one of the secrets it holds verifies the signature. */
function startAgencySystem() {
  const state = { secrets: [] as string[], received: [] as { ok: boolean; test: boolean }[] };
  const verify = (header: string | undefined, body: string) => {
    const t = /t=(\d+)/.exec(header ?? "")?.[1];
    const given = [...(header ?? "").matchAll(/v1=([0-9a-f]{64})/g)].map((m) => Buffer.from(m[1], "hex"));
    if (!t) return false;
    return state.secrets.some((secret) => {
      const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
      return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
    });
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const ok = verify(req.headers["x-madoguchi-signature"] as string | undefined, body);
      state.received.push({ ok, test: (JSON.parse(body) as { test?: boolean }).test === true });
      if (!ok) return res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":"bad signature"}');
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

  const signIn = (page: Page, loginId: string) => signInWithSecondFactor(page, loginId);

  async function deliveredMailForwarding(personId: string) {
    const submission = sampleSubmission("relocation", personId);
    const { case: kase } = submitCase(db, { ...submission, actorId: `u-${personId.slice(2)}`, consent: { ...submission.consent, lang: "ja" } });
    const mail = listProcedureRequestsForCase(db, { caseId: kase.id }).find((r) => r.procedureId === "mail-forwarding")!;
    const started = Date.now();
    while (Date.now() - started < 240_000) {
      const status = getProcedureRequest(db, { procedureRequestId: mail.id })!.status;
      if (status !== "queued" && status !== "delivering") return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the delivery did not finish");
  }

  it("story (JavaScript off, English, then Japanese): Japan Post is connected, tested, and its secret rotated while deliveries keep flowing", async () => {
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/agencies?lng=en`);
    await signIn(page, "admin");
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
    expect(agency.state.received.at(-1)).toEqual({ ok: true, test: true });
    await checkPage(page);
    expect(await deliveredMailForwarding("p-ito-yuki")).not.toBe("deadLettered");

    // Rotation in Japanese: the new secret is shown once; deliveries signed with both keep arriving while the
    // agency still holds only the old one, and after it moves to the new one.
    await page.goto(`${portal.url}/admin/agencies/japan-post?lng=ja`);
    await page.getByLabel("重複期間").selectOption("1");
    await page.getByRole("button", { name: "新しい秘密鍵を作る" }).click();
    const rotated = (await page.getByTestId("agency-secret").textContent())!.trim();
    expect(rotated).not.toBe(secret);
    await expect(page.locator("main").textContent()).resolves.toContain("以前の秘密鍵も");
    await checkPage(page);
    expect(await deliveredMailForwarding("p-tanaka-ichiro")).not.toBe("deadLettered");
    agency.state.secrets = [rotated];
    expect(await deliveredMailForwarding("p-ito-yuki")).not.toBe("deadLettered");
    expect(agency.state.received.every((delivery) => delivery.ok)).toBe(true);

    await page.goto(`${portal.url}/admin/agencies`);
    const row = page.locator("tr").filter({ hasText: "日本郵便" });
    await expect(row.textContent()).resolves.toContain("API(組織のシステム)");
    await checkPage(page);
    await context.close();
  });
});
