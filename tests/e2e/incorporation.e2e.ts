// As the representative of a company being founded (山田太郎 for 株式会社山田商店), in English without
// JavaScript: start the incorporation, answer only what is new, see who receives what, submit once.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../../flows";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { answerJourney, signIn } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";

const incorporation = getLifeEvent("incorporation")!;

describe.skipIf(!browserAvailable)("starting a company", () => {
  const story = usePortalAndBrowser();

  it("the representative tells the government once, and the procedures that wait for registration wait", async () => {
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
    await context.close();
  });
});
