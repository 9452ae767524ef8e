// User stories for moving house, in real Chromium with axe on every page:
// - 田中一郎 (JavaScript off, Japanese) signs in, moves from Chiyoda to Shinjuku, consents, submits; the
//   simulated organisations decide; the new municipality accepts the move-in; his record shows the new
//   address with the case as its source, and his next journey starts from it.
// - Kenji Sato (JavaScript on, English) moves his family; an organisation asks for more information and he
//   answers it on the status page; a double submit makes one case.
// - 高橋健 (JavaScript on, Japanese) owns a car and a dog: the police and the transport bureau receive them.
// - Yuki Ito (JavaScript off, English) moves within Shibuya: one change-of-address notification instead of a
//   move-out and a move-in; when the ward accepts it, her record shows the new address.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { openDatabase } from "../../db/client.server";
import { findCaseByReference, listProcedureRequestsForCase } from "../../db/queries/cases";
import { getLifeEvent, type Sample } from "../../flows";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { answerJourney, signIn } from "./support/journey";
import { startPortal, type Portal } from "./support/portal";

const relocation = getLifeEvent("relocation")!;
const sample = (id: string): Sample => relocation.samples.find((s) => s.id === id)!;

/** Opens the start page (in `lng` when given), checks it with axe, and starts or resumes the journey. */
async function startJourney(page: Page, portal: Portal, { lng }: { lng?: "ja" | "en" } = {}) {
  await page.goto(`${portal.url}/life-events/relocation${lng ? `?lng=${lng}` : ""}`);
  await checkPage(page);
  await Promise.all([page.waitForURL(/\/questions\//), page.locator("main form button[type=submit]").click()]);
}

/** Reloads the status page until `done` holds for the procedures' statuses (the simulator decides on its own). */
async function waitForStatuses(portal: Portal, reference: string, done: (statuses: string[]) => boolean, timeoutMs = 240_000) {
  const db = openDatabase(portal.databasePath);
  try {
    const started = Date.now();
    for (;;) {
      const kase = findCaseByReference(db, { reference })!;
      const statuses = listProcedureRequestsForCase(db, { caseId: kase.id }).map((r) => `${r.procedureId}:${r.status}`);
      if (done(statuses)) return statuses;
      if (Date.now() - started > timeoutMs) throw new Error(`statuses did not settle: ${statuses.join(", ")}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    db.$client.close();
  }
}

describe.skipIf(!browserAvailable)("moving house", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("田中一郎, without JavaScript, in Japanese", () => {
    let portal: Portal;
    beforeAll(async () => {
      portal = await startPortal({ AGENCY_SIMULATOR_ACCEPT_SHARE: "1", AGENCY_SIMULATOR_REJECT_SHARE: "0", AGENCY_SIMULATOR_ASK_SHARE: "0" });
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it("tells the government once, and the record and the next journey follow", async () => {
      const context = await newContext(browser, { javaScript: false });
      const page = await context.newPage();
      await signIn(page, portal.url, "tanaka");

      await page.goto(`${portal.url}/record`);
      await checkPage(page);
      expect(await page.locator("main").textContent()).toContain("神田神保町");

      await startJourney(page, portal);
      // What the government knows is prefilled with its source.
      await page.goto(`${portal.url}/life-events/relocation/questions/moveDate`);
      const tanaka = sample("p-tanaka-ichiro");
      const asked = await answerJourney(page, relocation, tanaka.answers, checkPage);
      expect(asked).toContain("newAddress");
      expect(asked).not.toContain("vehicles");

      // Check answers shows the new address, with a Change link that comes back here.
      await checkPage(page);
      expect(await page.locator("main").textContent()).toContain("西新宿");
      await page.locator('a[href$="/questions/phone"]').click();
      await page.waitForURL(/\/questions\/phone$/);
      expect(await page.inputValue('input[name="answer"]')).toBe("09012345678");
      // Hostile input is kept as text and refused with a translated error, never run.
      const hostile = '<img src=x onerror="document.title=1">';
      await page.fill('input[name="answer"]', hostile);
      await page.locator('button[name="intent"][value="continue"]:visible').click();
      await page.waitForLoadState("load");
      expect(await page.locator(".error-summary").textContent()).toContain("電話番号");
      expect(await page.inputValue('input[name="answer"]')).toBe(hostile);
      expect(await page.locator("main img").count()).toBe(0);
      await checkPage(page);
      await page.fill('input[name="answer"]', "09012345678");
      await page.locator('button[name="intent"][value="continue"]:visible').click();
      await page.waitForURL(/\/check-answers$/);

      // Consent: who receives what, under which law.
      await page.locator('a[href$="/consent"]').click();
      await page.waitForURL(/\/consent$/);
      await page.locator("#agree").waitFor();
      const consent = (await page.locator("main").textContent()) ?? "";
      expect(consent).toContain("新宿区");
      expect(consent).toContain("住民基本台帳法");
      expect(consent).toContain("日本郵便");
      await checkPage(page);
      // Submitting without agreeing is refused with a clear error, nothing lost.
      await page.locator('main form button[type="submit"]').click();
      await page.waitForLoadState("load");
      expect(await page.locator(".error-summary").textContent()).toContain("同意");
      await checkPage(page);
      await page.check("#agree");
      await Promise.all([page.waitForURL(/\/cases\/MDG-/), page.locator('main form button[type="submit"]').click()]);
      const reference = /\/cases\/(MDG-[^/?#]+)/.exec(page.url())![1];
      expect(await page.locator("h1").textContent()).toBe("申請を受け付けました");
      expect(await page.locator("main").textContent()).toContain(reference);
      // The move-in visit the law still requires, with the data sent ahead.
      // One visit to the new municipality covers every procedure it takes at its counter, the move-in among them
      // (in no fixed order); found by its title, since another visit's note may name the move-in too.
      const visit = await page.locator('[data-testid="visit"]').filter({ has: page.getByRole("heading", { name: /転入届/ }) }).textContent();
      expect(visit).toMatch(/の窓口へ行く：.*転入届/);
      expect(visit).toContain("申請内容は事前に送付済みです");
      await checkPage(page);

      // The simulated private companies decide on their own.
      await waitForStatuses(portal, reference, (s) => s.some((x) => x.startsWith("mail-forwarding:accepted")));
      // The new municipality accepts the move-in (its officer's back office has its own story).
      const db = openDatabase(portal.databasePath);
      try {
        const kase = findCaseByReference(db, { reference })!;
        const requests = listProcedureRequestsForCase(db, { caseId: kase.id });
        const moveOut = requests.find((r) => r.procedureId === "move-out-notification")!;
        const moveIn = requests.find((r) => r.procedureId === "move-in-notification")!;
        applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "千代田-1" }, actor: "agency:municipality-13101" });
        await waitForStatuses(portal, reference, (s) => s.includes("move-in-notification:delivered"));
        applyCaseEvent(db, { procedureRequestId: moveIn.id, event: { type: "agency.accepted", reference: "新宿-1" }, actor: "agency:municipality-13104" });
      } finally {
        db.$client.close();
      }

      await page.goto(`${portal.url}/cases/${reference}`);
      const status = (await page.locator("main").textContent()) ?? "";
      expect(status).toContain("完了");
      expect(status).toContain("新宿-1");
      await checkPage(page);

      await page.goto(`${portal.url}/cases`);
      expect(await page.locator("main").textContent()).toContain(reference);
      await checkPage(page);

      // Once only: the record now shows the new address, with this case as its source.
      await page.goto(`${portal.url}/record`);
      const record = (await page.locator("main").textContent()) ?? "";
      expect(record).toContain("西新宿");
      expect(record).toContain(reference);

      // The start page now leads to the application sent, and still lets him start another.
      await page.goto(`${portal.url}/life-events/relocation`);
      expect(await page.getByRole("link", { name: "申請の状況を見る" }).getAttribute("href")).toBe(`/cases/${reference}`);
      await checkPage(page);

      // …and the next journey starts from the new address.
      await startJourney(page, portal);
      await page.goto(`${portal.url}/life-events/relocation/questions/moveDate`);
      await page.fill('input[name="answer"]', "2026-03-25");
      await page.locator('button[name="intent"][value="continue"]:visible').click();
      await page.waitForURL(/\/questions\/currentAddress$/);
      expect(await page.inputValue('input[name="answer.town"]')).toBe("西新宿");
      expect(await page.locator(".prefill-note").textContent()).toContain(reference);
      // Half done: the start page offers to continue it.
      await page.goto(`${portal.url}/life-events/relocation`);
      expect(await page.getByRole("button", { name: "続きから再開する" }).count()).toBe(1);
      await Promise.all([page.waitForURL(/\/questions\/currentAddress$/), page.getByRole("button", { name: "続きから再開する" }).click()]);
      await context.close();
    });
  });

  describe("Kenji Sato, with JavaScript, in English", () => {
    let portal: Portal;
    beforeAll(async () => {
      // Every organisation on the http channel asks a question first, then accepts the answer.
      portal = await startPortal({ AGENCY_SIMULATOR_ACCEPT_SHARE: "1", AGENCY_SIMULATOR_REJECT_SHARE: "0", AGENCY_SIMULATOR_ASK_SHARE: "1000000000" });
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it("moves the family, answers an organisation's question, and a double submit makes one case", async () => {
      const context = await newContext(browser, { javaScript: true, locale: "en-GB" });
      const page = await context.newPage();
      await signIn(page, portal.url, "sato.kenji");
      await startJourney(page, portal, { lng: "en" });
      const sato = sample("p-sato-kenji");

      // A missing answer is refused in English, with the error at the top and at the field.
      await page.locator('button[name="intent"][value="continue"]:visible').click();
      await page.locator(".error-summary").waitFor();
      expect(await page.locator(".error-summary").textContent()).toContain("Enter the date of your move");
      expect(await page.locator(".field__error").textContent()).toContain("Enter the date of your move");
      await checkPage(page);

      await answerJourney(page, relocation, sato.answers, checkPage);
      expect(await page.locator("h1").textContent()).toBe("Check your answers");
      await page.locator('a[href$="/consent"]').click();
      await page.waitForURL(/\/consent$/);
      await page.locator("#agree").waitFor();
      await page.check("#agree");
      // Two clicks in the same moment, one case. Both clicks are dispatched in one task, before the page can disable
      // the button, so the second submit really leaves; two separate Playwright clicks raced on a busy machine.
      const button = page.locator('main form button[type="submit"]');
      await Promise.all([
        page.waitForURL(/\/cases\/MDG-/),
        button.evaluate((element: HTMLButtonElement) => {
          element.click();
          element.click();
        }),
      ]);
      const reference = /\/cases\/(MDG-[^/?#]+)/.exec(page.url())![1];
      await page.goBack();
      await page.waitForLoadState("load");
      const db = openDatabase(portal.databasePath);
      const caseCount = db.$client.prepare("select count(*) from cases").pluck().get();
      db.$client.close();
      expect(caseCount).toBe(1);

      // An organisation asks for more information; Kenji answers it on the status page.
      await waitForStatuses(portal, reference, (s) => s.some((x) => x.endsWith(":informationRequested")));
      await page.goto(`${portal.url}/cases/${reference}`);
      await page.locator("form.info-answer").first().waitFor();
      await checkPage(page);
      const form = page.locator("form.info-answer").first();
      await form.locator("button[type=submit]").click();
      await page.locator(".error-summary").first().waitFor();
      expect(await page.locator(".error-summary").first().textContent()).toContain("Enter your answer");
      // The form of one procedure, named by its id: after the error, the page's data is read again, and another
      // organisation's question may have arrived meanwhile and now come first.
      const answered = await page.locator("form.info-answer").first().locator('input[name="procedureRequestId"]').inputValue();
      const answerForm = page.locator("form.info-answer", { has: page.locator(`input[name="procedureRequestId"][value="${answered}"]`) });
      await answerForm.locator("textarea").fill("The change applies from 28 March 2026.");
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/cases/${reference}`)),
        answerForm.locator("button[type=submit]").click(),
      ]);
      const statuses = await waitForStatuses(portal, reference, () => true);
      const dbAfter = openDatabase(portal.databasePath);
      const row = dbAfter.$client.prepare("select procedure_id, information_answer from procedure_requests where id = ?").get(answered) as { procedure_id: string; information_answer: string };
      dbAfter.$client.close();
      expect(row.information_answer).toBe("The change applies from 28 March 2026.");
      await waitForStatuses(portal, reference, (s) => s.includes(`${row.procedure_id}:accepted`));
      expect(statuses.length).toBeGreaterThan(5);
      await context.close();
    });
  });

  describe("高橋健 and Yuki Ito, on one portal", () => {
    let portal: Portal;
    beforeAll(async () => {
      portal = await startPortal({ AGENCY_SIMULATOR_ACCEPT_SHARE: "1", AGENCY_SIMULATOR_REJECT_SHARE: "0", AGENCY_SIMULATOR_ASK_SHARE: "0" });
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it("moves with a car and a dog, and the police, transport bureau and new city receive only what they need", async () => {
      const context = await newContext(browser, { javaScript: true });
      const page = await context.newPage();
      await signIn(page, portal.url, "takahashi");
      await startJourney(page, portal);
      const asked = await answerJourney(page, relocation, sample("p-takahashi-ken").answers);
      expect(asked).toEqual(expect.arrayContaining(["vehicles", "parkingAddress", "dogs"]));
      await checkPage(page);
      await page.locator('a[href$="/consent"]').click();
      await page.waitForURL(/\/consent$/);
      await page.locator("#agree").waitFor();
      const consent = (await page.locator("main").textContent()) ?? "";
      expect(consent).toContain("福岡県警察");
      expect(consent).toContain("狂犬病予防法");
      await checkPage(page);
      await page.check("#agree");
      await Promise.all([page.waitForURL(/\/cases\/MDG-/), page.locator('main form button[type="submit"]').click()]);
      await page.locator(".panel").waitFor();
      expect(await page.locator("h1").textContent()).toBe("申請を受け付けました");
      await context.close();
    });

    it("moves within Shibuya without JavaScript, in English: the ward gets a change of address, not a move-out and a move-in", async () => {
      const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
      const page = await context.newPage();
      await signIn(page, portal.url, "ito");
      await startJourney(page, portal, { lng: "en" });
      const asked = await answerJourney(page, relocation, sample("p-ito-yuki").answers, checkPage);
      expect(asked).not.toContain("vehicles");
      expect(await page.locator("h1").textContent()).toBe("Check your answers");

      await page.locator('a[href$="/consent"]').click();
      await page.waitForURL(/\/consent$/);
      const consent = (await page.locator("main").textContent()) ?? "";
      expect(consent).toContain("Change-of-address notification (within the municipality)");
      expect(consent).toContain("Basic Resident Registration Act, Article 23");
      expect(consent).toContain("Tokyo Metropolitan Government Bureau of Waterworks");
      expect(consent).not.toContain("Move-out");
      await checkPage(page);
      await page.check("#agree");
      await Promise.all([page.waitForURL(/\/cases\/MDG-/), page.locator('main form button[type="submit"]').click()]);
      const reference = /\/cases\/(MDG-[^/?#]+)/.exec(page.url())![1];
      expect(await page.locator("main").textContent()).toContain("made at the counter");
      await checkPage(page);

      // The water bureau and the companies decide on their own; the ward accepts the notification.
      await waitForStatuses(portal, reference, (s) => ["water-stop", "water-start", "gas-move"].every((id) => s.includes(`${id}:accepted`)));
      const db = openDatabase(portal.databasePath);
      try {
        const kase = findCaseByReference(db, { reference })!;
        const requests = listProcedureRequestsForCase(db, { caseId: kase.id });
        expect(requests.map((r) => r.procedureId)).not.toContain("move-in-notification");
        const change = requests.find((r) => r.procedureId === "change-of-address-notification")!;
        expect(change.agencyId).toBe("municipality-13113");
        applyCaseEvent(db, { procedureRequestId: change.id, event: { type: "agency.accepted", reference: "渋谷-1" }, actor: "agency:municipality-13113" });
      } finally {
        db.$client.close();
      }

      await page.goto(`${portal.url}/record?lng=en`);
      const record = (await page.locator("main").textContent()) ?? "";
      expect(record).toContain("渋谷ガーデン701");
      expect(record).toContain(reference);
      await checkPage(page);
      await context.close();
    });
  });
});
