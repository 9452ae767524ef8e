// As 田中さん buying a new car, in Japanese with JavaScript: find car ownership on the start page, answer only
// what is new (the parking place starts from his address), see who receives what and under which law, submit
// once; nothing is registered before the parking space is certified, and with nobody at any desk every procedure
// is decided (the simulator plays the transport bureau and the tax office, its inbox desk the police). Then he
// opens the filled official form of his registration on its printable page. And as 伊藤さん buying a new kei car, in
// English without JavaScript: the Light Motor Vehicle Inspection Organization first, then the police's parking
// notification and the municipality's kei car tax, each decided.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { findCaseByReference, listProcedureRequestsForCase } from "../../db/queries/cases";
import { getLifeEvent, getProcedure } from "../../flows";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { answerJourney, answerQuestion, currentQuestionId, signIn } from "./support/journey";
import { usePortalAndBrowser, type Portal } from "./support/portal";
import { acceptingAgencies } from "./support/cases";

const carOwnership = getLifeEvent("car-ownership")!;

/** Agrees on the consent page and submits once; the case's reference, from the status page it leads to. */
async function agreeAndSubmit(page: Page): Promise<string> {
  await page.check("#agree");
  await Promise.all([page.waitForURL(/\/cases\/MDG-/), page.locator('main form button[type="submit"]').click()]);
  await checkPage(page);
  return /\/cases\/(MDG-[^?#]+)/.exec(page.url())![1];
}

/** The case's procedure requests in the portal's database, once the simulated organisations have accepted every one. */
async function requestsOnceEveryOneIsAccepted(portal: Portal, reference: string) {
  const db = openDatabase(portal.databasePath);
  try {
    const requests = () => listProcedureRequestsForCase(db, { caseId: findCaseByReference(db, { reference })!.id });
    await expect.poll(() => requests().every((request) => request.status === "accepted"), { timeout: 120_000, interval: 200 }).toBe(true);
    return requests();
  } finally {
    db.$client.close();
  }
}

describe.skipIf(!browserAvailable)("buying a car", () => {
  const story = usePortalAndBrowser({ ...acceptingAgencies, AGENCY_SIMULATOR_OFFICER_GRACE_MS: "0" });

  it("whenIBuyANewCar: the parking certificate comes first, then the registration and the tax, each decided; the registration's form prints", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: true, locale: "ja-JP" });
    const page = await context.newPage();
    await signIn(page, portal.url, "tanaka");
    await page.goto(`${portal.url}/?lng=ja`);
    await page.getByRole("link", { name: "自動車の保有（購入・登録）" }).click();
    await page.waitForURL(/\/life-events\/car-ownership$/);
    await checkPage(page);
    const start = (await page.locator("main").textContent()) ?? "";
    expect(start).toContain("自動車保管場所証明");
    expect(start).toContain("軽自動車");
    await Promise.all([page.waitForURL(/\/questions\//), page.locator("main form button[type=submit]").click()]);
    const sample = carOwnership.samples.find((s) => s.id === "p-tanaka-ichiro")!;
    const asked = await answerJourney(page, carOwnership, sample.answers, checkPage);
    // A new car: no registration number is asked.
    expect(asked).toEqual(["vehicleKind", "condition", "acquisitionDate", "vehicle", "parkingAddress", "parkingSpace"]);
    await checkPage(page);
    await page.locator('a[href$="/consent"]').click();
    await page.waitForURL(/\/consent$/);
    // With JavaScript the address changes a moment before the consent page is drawn.
    await page.locator("#agree").waitFor();
    const consent = (await page.locator("main").textContent()) ?? "";
    expect(consent).toContain("道路運送車両法");
    expect(consent).toContain("自動車の保管場所の確保等に関する法律");
    // Received by 警視庁, decided by the station of the parking place (神田神保町).
    expect(consent).toContain("管轄の窓口神田警察署");
    await checkPage(page);
    const reference = await agreeAndSubmit(page);
    const requests = await requestsOnceEveryOneIsAccepted(portal, reference);
    expect(requests.map((request) => request.procedureId).sort()).toEqual(["automobile-tax-acquisition", "parking-certificate-purchase", "vehicle-new-registration"]);
    const acceptedAt = (id: string) => requests.find((request) => request.procedureId === id)!.updatedAt;
    // No registration without the parking certificate.
    expect(acceptedAt("parking-certificate-purchase") <= acceptedAt("vehicle-new-registration")).toBe(true);
    await page.goto(`${portal.url}/cases/${reference}`);
    expect(await page.locator("main .status").allTextContents()).toHaveLength(3);
    await checkPage(page);
    // The filled registration form, linked from its procedure, on its own page for printing.
    const registration = page.locator("main li.card").filter({ hasText: "自動車の新規登録（新車）" }).first();
    await Promise.all([page.waitForURL(/\/forms\//), registration.getByRole("link", { name: "送信した様式を見る（印刷用）" }).click()]);
    // With JavaScript the address changes a moment before the page is drawn.
    await page.locator("h1", { hasText: "申請書" }).waitFor();
    expect(await page.locator("h1").textContent()).toBe("申請書（第1号様式）新規登録・新規検査");
    const form = (await page.locator("main").textContent()) ?? "";
    expect(form).toContain("MXPK11-1234567");
    // Items Madoguchi does not fill say why, in Japanese.
    expect(form).toContain("マイナンバーカードの電子署名で本人確認するため不要です。");
    await checkPage(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await context.close();
  });

  it("whenIBuyAKeiCar (English, no JavaScript): the inspection first, then the parking notification and the kei car tax, each decided; the inspection's form prints", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await signIn(page, portal.url, "ito");
    await page.goto(`${portal.url}/life-events/car-ownership?lng=en`);
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/questions\//), page.locator("main form button[type=submit]").click()]);
    const sample = carOwnership.samples.find((s) => s.id === "p-ito-yuki")!;
    // The portal files on 1 March 2026: a kei car acquired more than 15 days ago, or more than 30 days ahead, is
    // refused, and the page says the window and the law (道路運送車両法第67条) in English.
    await answerQuestion(page, carOwnership, "vehicleKind", sample.answers.vehicleKind);
    await answerQuestion(page, carOwnership, "condition", sample.answers.condition);
    for (const acquisitionDate of ["2027-04-01", "2026-02-13"]) {
      expect(currentQuestionId(page)).toBe("acquisitionDate");
      await answerQuestion(page, carOwnership, "acquisitionDate", acquisitionDate);
      const summary = (await page.locator(".error-summary").textContent()) ?? "";
      expect(summary).toContain("The date you acquire the car must be between 14 February 2026 and 31 March 2026.");
      expect(summary).toContain("Road Transport Vehicle Act, Article 67(1)");
      expect(await page.locator(".field__error").textContent()).toContain("14 February 2026");
      await checkPage(page);
    }
    const asked = await answerJourney(page, carOwnership, sample.answers, checkPage);
    expect(asked).toEqual(["acquisitionDate", "vehicle", "parkingAddress", "parkingSpace"]);
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/consent$/), page.locator('a[href$="/consent"]').click()]);
    const consent = (await page.locator("main").textContent()) ?? "";
    expect(consent).toContain("Light Motor Vehicle Inspection Organization");
    expect(consent).toContain("Road Transport Vehicle Act");
    // 神南 is not in the table of stations: the place is named, for the Metropolitan Police to assign the station.
    expect(consent).toContain("Office with jurisdictionThe police station with jurisdiction over 渋谷区神南");
    await checkPage(page);
    const reference = await agreeAndSubmit(page);
    const requests = await requestsOnceEveryOneIsAccepted(portal, reference);
    expect(requests.map((request) => request.procedureId).sort()).toEqual(["kei-parking-notification", "kei-vehicle-inspection", "kei-vehicle-tax"]);
    const request = (id: string) => requests.find((candidate) => candidate.procedureId === id)!;
    expect(request("kei-vehicle-inspection").agencyId).toBe("light-vehicle-13");
    // Nothing is notified or taxed before the car is inspected and recorded.
    for (const dependent of ["kei-parking-notification", "kei-vehicle-tax"]) expect(request("kei-vehicle-inspection").updatedAt <= request(dependent).updatedAt).toBe(true);
    await page.goto(`${portal.url}/cases/${reference}?lng=en`);
    expect(new Set(await page.locator("main .status").allTextContents())).toEqual(new Set(["Done"]));
    await checkPage(page);
    const inspection = page.locator("main li.card").filter({ hasText: "Kei car: inspection and record" }).first();
    await Promise.all([page.waitForURL(/\/forms\//), inspection.getByRole("link", { name: "View the form as sent (printable)" }).click()]);
    expect(await page.locator("h1").textContent()).toBe("申請書（軽第1号様式）新規検査・自動車検査証記入申請");
    const form = (await page.locator("main").textContent()) ?? "";
    expect(form).toContain("JF5-1012345");
    expect(form).toContain("Not needed when filed through Madoguchi");
    // Every item not needed says why in English, and no reason is shown in Japanese only (#17).
    const items = getProcedure("kei-vehicle-inspection")!.form!.items.filter((item) => item.because);
    expect(await page.locator(".official-form__reason").allTextContents()).toEqual(items.map((item) => item.because!.en));
    for (const item of items) expect(form).not.toContain(item.because!.ja);
    await checkPage(page);
    await context.close();
  });
});
