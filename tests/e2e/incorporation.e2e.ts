// As the representative of a company being founded (山田太郎 for 株式会社山田商店), in English without
// JavaScript: start the incorporation, answer only what is new, see who receives what, submit once; then,
// with nobody at any organisation's desk, every procedure reaches a decision (the demo's simulator plays
// the agency systems, its inbox desk the organisations without a demo officer).
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { findCaseByReference, listProcedureRequestsForCase } from "../../db/queries/cases";
import { getLifeEvent, selectProcedures } from "../../flows";
import { openDecisionReference, openIdentityNumbers } from "../../app/identity/security/identity-numbers.server";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { answerJourney, signIn } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";
import { acceptingAgencies } from "./support/cases";

const incorporation = getLifeEvent("incorporation")!;

describe.skipIf(!browserAvailable)("starting a company", () => {
  // Every organisation accepts at once; the pension office's demo officer is given no time of their own.
  const story = usePortalAndBrowser({ ...acceptingAgencies, AGENCY_SIMULATOR_OFFICER_GRACE_MS: "0" });

  it("the representative tells the government once; the procedures that wait for registration wait, then every one is decided", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await signIn(page, portal.url, "yamada");
    await page.goto(`${portal.url}/life-events/incorporation?lng=en`);
    await checkPage(page);
    expect(await page.locator("main").textContent()).toContain("Legal Affairs Bureau");
    await Promise.all([page.waitForURL(/\/questions\//), page.locator("main form button[type=submit]").click()]);
    const sample = incorporation.samples.find((s) => s.id === "c-yamada-shoten")!;
    await answerJourney(page, incorporation, sample.answers, checkPage);
    expect(await page.locator("h1").textContent()).toBe("Check your answers");
    await checkPage(page);
    await page.locator('a[href$="/consent"]').click();
    await page.waitForURL(/\/consent$/);
    const consent = (await page.locator("main").textContent()) ?? "";
    expect(consent).toContain("Companies Act");
    await checkPage(page);
    await page.check("#agree");
    await Promise.all([page.waitForURL(/\/cases\/MDG-/), page.locator('main form button[type="submit"]').click()]);
    expect(await page.locator("h1").textContent()).toBe("Application submitted");
    // Tax and insurance notifications wait for the company registration.
    expect(await page.locator("main").textContent()).toContain("Waiting for an earlier procedure");
    await checkPage(page);

    // Nobody decides anything: the case ends on its own, each procedure after the one it waits for.
    const reference = /\/cases\/(MDG-[^?#]+)/.exec(page.url())![1];
    const db = openDatabase(portal.databasePath);
    try {
      const requests = () => listProcedureRequestsForCase(db, { caseId: findCaseByReference(db, { reference })!.id });
      const allAccepted = () => requests().every((request) => request.status === "accepted");
      for (let waited = 0; waited < 600 && !allAccepted(); waited++) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requests().map((request) => [request.procedureId, request.status])).toEqual(requests().map((request) => [request.procedureId, "accepted"]));
      // All twelve of this sample's procedures (a head office in Tokyo's wards has no municipal notification).
      expect(requests()).toHaveLength(selectProcedures({ lifeEvent: incorporation, answers: sample.answers, record: sample.record }).length);
      expect(requests()).toHaveLength(12);
      // The corporate number the registration produced reached the procedures that needed it.
      const registration = requests().find((request) => request.procedureId === "company-registration")!;
      const taxNotification = requests().find((request) => request.procedureId === "corporation-establishment-notification")!;
      expect(JSON.parse(taxNotification.payload).corporateNumber).toBe(registration.decisionReference);
      // So did the labour insurance number and Hello Work's workplace number (identity numbers, read in clear
      // under the portal's keys: its data folder's key file).
      process.env.MADOGUCHI_DATA_DIR = portal.env.MADOGUCHI_DATA_DIR;
      const request = (id: string) => requests().find((candidate) => candidate.procedureId === id)!;
      const numberOf = (id: string) => openDecisionReference(request(id).id, request(id).decisionReference);
      const payloadOf = (id: string) => openIdentityNumbers(JSON.parse(request(id).payload) as Record<string, unknown>, `procedureRequest:${request(id).id}`);
      expect(numberOf("labour-insurance-establishment")).toMatch(/^\d{14}$/);
      expect(payloadOf("employment-insurance-office").labourInsuranceNumber).toBe(numberOf("labour-insurance-establishment"));
      expect(payloadOf("labour-insurance-premium-declaration").labourInsuranceNumber).toBe(numberOf("labour-insurance-establishment"));
      expect(payloadOf("employment-insurance-enrolment").employmentInsuranceOfficeNumber).toBe(numberOf("employment-insurance-office"));
    } finally {
      db.$client.close();
    }
    await page.goto(`${portal.url}/cases/${reference}`);
    const statuses = await page.locator("main .status").allTextContents();
    expect(statuses).toHaveLength(12);
    expect(new Set(statuses)).toEqual(new Set(["Done"]));
    await checkPage(page);
    await context.close();
  });
});
