// As a citizen whose move-in the law still makes me file at the counter, I book a time the new municipality
// offers, change it and cancel it; "bring it at the booked time" shows only once something is booked. As that
// municipality's officer, I see the day's visits, each with the application already received, and open it.
// Citizen in Japanese without JavaScript and in English with it; officers the other way round.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { applyCaseEvent, submitCase } from "../../app/cases/cases.server";
import { sampleSubmission } from "../factories";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signIn, signInWithSecondFactor } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";
import { acceptingAgencies, useCaseDatabase } from "./support/cases";
import { eq } from "drizzle-orm";
import { auditEntries } from "../../db/schema";

describe.skipIf(!browserAvailable)("booking a counter visit", () => {
  // Organisations' systems accept at once; the municipalities with a demo officer are left to the story.
  const story = usePortalAndBrowser(acceptingAgencies);
  const cases = useCaseDatabase(story);
  const { requestOf, statusOf } = cases;

  /** A sample person's move, its move-out accepted by the old municipality, so the move-in reaches the new one. */
  async function moveReachingNewMunicipality(personId: string) {
    const submission = sampleSubmission("relocation", personId);
    const submitted = submitCase(cases.db, { ...submission, actorId: `u-${personId.slice(2)}` });
    const moveOut = requestOf(submitted.case.id, "move-out-notification");
    await expect.poll(() => statusOf(moveOut.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    applyCaseEvent(cases.db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "OUT-1" }, actor: `agency:${moveOut.agencyId}` });
    const moveIn = requestOf(submitted.case.id, "move-in-notification");
    await expect.poll(() => statusOf(moveIn.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    return { reference: submitted.case.reference, moveIn };
  }

  /** Posts a form with its button and waits for the answer and the page it leads to. */
  async function post(page: Page, button: ReturnType<Page["getByRole"]>) {
    await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), button.click()]);
    await page.waitForLoadState();
  }

  it("JavaScript off, Japanese: 田中さん books a time at 新宿区's branch office, changes it; the officer (English, JavaScript on) sees it with the data received", async () => {
    const { portal, browser } = story;
    const { reference, moveIn } = await moveReachingNewMunicipality("p-tanaka-ichiro");
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/cases/${reference}?lng=ja`);
    await signIn(page, portal.url, "tanaka");
    await page.goto(`${portal.url}/cases/${reference}`);
    const visit = page.locator('[data-testid="visit"]#visit-municipality-13104');
    await expect(visit.textContent()).resolves.toContain("新宿区役所の窓口へ行く");
    // Nothing booked yet: no word of a booked time.
    expect(await page.locator("main").textContent()).not.toContain("予約した日時");
    await checkPage(page);

    await Promise.all([page.waitForURL(/\/visits\/municipality-13104$/), visit.getByRole("link", { name: "新宿区役所に来庁する日時を予約する" }).click()]);
    await checkPage(page);
    // Without a time chosen, the error says what to do.
    await post(page, page.getByRole("button", { name: "この日時で予約する" }));
    await expect(page.getByRole("alert").textContent()).resolves.toContain("予約する時間を選んでください");
    await checkPage(page);

    const branch = page.locator('input[name="slotId"][value^="13104-yotsuya-"]:not([disabled])').first();
    const slotId = (await branch.getAttribute("value"))!;
    await branch.check();
    await Promise.all([page.waitForURL(/booked=municipality-13104/), page.getByRole("button", { name: "この日時で予約する" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("来庁の予約を受け付けました");
    const booking = await visit.getByTestId("visit-booking").textContent();
    expect(booking).toContain("四谷特別出張所");
    expect(booking).toContain(slotId.slice(-4, -2) + ":" + slotId.slice(-2));
    await expect(visit.textContent()).resolves.toContain("予約した日時に");
    await checkPage(page);

    // Change it: another day, the main building.
    await Promise.all([page.waitForURL(/\/visits\//), visit.getByRole("link", { name: "新宿区役所の予約を変更・取り消す" }).click()]);
    await checkPage(page);
    await Promise.all([page.waitForURL(/\?day=/), page.locator("nav .day-list a").nth(1).click()]);
    const chosenDay = new URL(page.url()).searchParams.get("day")!;
    await page.locator('input[name="slotId"][value^="13104-main-"]:not([disabled])').first().check();
    await Promise.all([page.waitForURL(/booked=/), page.getByRole("button", { name: "この日時に変更する" }).click()]);
    await expect(visit.getByTestId("visit-booking").textContent()).resolves.toContain("本庁舎");
    await checkPage(page);
    await context.close();

    // The officer opens the day's visits and, from the booking, the application already received.
    const officer = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const officerPage = await officer.newPage();
    await officerPage.goto(`${portal.url}/office?lng=en`);
    await signInWithSecondFactor(officerPage, "officer.shinjuku");
    await officerPage.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await officerPage.getByLabel("Day").fill(chosenDay);
    await Promise.all([officerPage.waitForURL(new RegExp(`visitDay=${chosenDay}`)), officerPage.getByRole("button", { name: "Show this day's visits" }).click()]);
    const row = officerPage.getByTestId("visit-booking").filter({ hasText: reference });
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
    await expect(row.textContent()).resolves.toContain("(application received)");
    await expect(row.textContent()).resolves.toContain("Shinjuku City Office, main building");
    await checkPage(officerPage);
    await Promise.all([officerPage.waitForURL(new RegExp(`/office/requests/${moveIn.id}`)), row.getByRole("link", { name: "Move-in notification" }).click()]);
    await officerPage.getByRole("heading", { level: 1, name: "Move-in notification" }).waitFor();
    await expect(officerPage.locator("main").textContent()).resolves.toContain(reference);
    await expect(officerPage.getByTestId("booked-visit").textContent()).resolves.toContain("Visit booked:");
    await checkPage(officerPage);

    // The officer manages the day's slots: a booked slot cannot be closed; a new one is added.
    await officerPage.goto(`${portal.url}/office?visitDay=${chosenDay}`);
    await Promise.all([officerPage.waitForURL(/\/office\/counter-slots\?day=/), officerPage.getByRole("link", { name: "Manage your counter's visit slots" }).click()]);
    await officerPage.getByRole("heading", { level: 1, name: "Counter visit slots" }).waitFor();
    await checkPage(officerPage);
    // One short table per office: a row per slot (time, places, booked), and no form until one is asked for.
    expect(await officerPage.locator("main form[method=post] input[name=slotId]").count()).toBe(0);
    const bookedSlot = officerPage.getByTestId("counter-slot").filter({ has: officerPage.locator("td.figure-number:nth-child(3)", { hasText: /^1$/ }) });
    await expect(bookedSlot.count()).resolves.toBe(1);
    await Promise.all([officerPage.waitForURL(/slot=/), bookedSlot.getByRole("link", { name: /^Change the slot / }).click()]);
    const change = officerPage.locator("#change-slot");
    await expect(change.textContent()).resolves.toContain("1 person has booked this slot.");
    await checkPage(officerPage);
    await change.getByRole("button", { name: "Close the slot" }).click();
    await expect.poll(() => officerPage.getByRole("alert").first().textContent()).toContain("More people have booked this slot than the places you entered. Nothing was changed.");
    await checkPage(officerPage);
    await officerPage.getByLabel("Starts at", { exact: true }).fill("17:00");
    await officerPage.getByLabel("Ends at", { exact: true }).fill("17:30");
    await Promise.all([officerPage.waitForURL(/done=added/), officerPage.getByRole("button", { name: "Add the slot" }).click()]);
    await expect(officerPage.getByRole("status").first().textContent()).resolves.toContain("The slot was added");
    await expect(officerPage.getByTestId("counter-slot").filter({ hasText: "17:00–17:30" }).count()).resolves.toBe(1);
    await checkPage(officerPage);
    await officer.close();
  });

  it("JavaScript on, English: Nguyen さん books a time at 渋谷区 and cancels it; the officer (Japanese, JavaScript off) sees it come and go", async () => {
    const { portal, browser } = story;
    const { reference } = await moveReachingNewMunicipality("p-nguyen-thi-lan");
    const context = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/cases/${reference}?lng=en`);
    await signIn(page, portal.url, "nguyen");
    await page.goto(`${portal.url}/cases/${reference}`);
    const visit = page.locator("#visit-municipality-13113");
    await visit.getByRole("link", { name: /^Book a time to visit/ }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain("At the booked time");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/visits\/municipality-13113$/), visit.getByRole("link", { name: /^Book a time to visit/ }).click()]);
    await page.getByRole("heading", { level: 1, name: /^Book a time to visit the counter of / }).waitFor();
    await checkPage(page);
    const slot = page.locator('input[name="slotId"]:not([disabled])').first();
    const slotId = (await slot.getAttribute("value"))!;
    const day = /-(\d{4}-\d{2}-\d{2})-\d{4}$/.exec(slotId)![1];
    await slot.check();
    await Promise.all([page.waitForURL(/booked=municipality-13113/), page.getByRole("button", { name: "Book this time" }).click()]);
    await visit.getByTestId("visit-booking").waitFor();
    await expect(visit.textContent()).resolves.toContain("At the booked time");
    await checkPage(page);

    const officer = await newContext(browser, { javaScript: false });
    const officerPage = await officer.newPage();
    await officerPage.goto(`${portal.url}/office?lng=ja&visitDay=${day}`);
    await signInWithSecondFactor(officerPage, "officer.shibuya");
    await officerPage.goto(`${portal.url}/office?visitDay=${day}`);
    await expect(officerPage.getByTestId("visit-booking").filter({ hasText: reference }).textContent()).resolves.toContain("申請内容を受信済み");
    await checkPage(officerPage);

    await Promise.all([page.waitForURL(/\/visits\//), visit.getByRole("link", { name: /^Change or cancel/ }).click()]);
    await page.getByRole("heading", { level: 1, name: /^Change or cancel/ }).waitFor();
    await checkPage(page);
    await Promise.all([page.waitForURL(/visitCancelled=1/), page.getByRole("button", { name: "Cancel the booking" }).click()]);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Your booking was cancelled.");
    expect(await page.locator("main").textContent()).not.toContain("At the booked time");
    await checkPage(page);

    await officerPage.reload();
    expect(await officerPage.getByTestId("visit-booking").filter({ hasText: reference }).count()).toBe(0);

    // Without JavaScript, in Japanese: the officer closes the slot, now free; it is no longer offered.
    await officerPage.goto(`${portal.url}/office/counter-slots?day=${day}`);
    await officerPage.getByRole("heading", { level: 1, name: "来庁予約の枠" }).waitFor();
    await checkPage(officerPage);
    const start = `${slotId.slice(-4, -2)}:${slotId.slice(-2)}`;
    await Promise.all([officerPage.waitForURL(/slot=/), officerPage.getByRole("link", { name: new RegExp(`^変更.*${start}〜`) }).click()]);
    await checkPage(officerPage);
    await Promise.all([officerPage.waitForURL(/done=closed/), officerPage.locator("#change-slot").getByRole("button", { name: "枠の受付を停止" }).click()]);
    await expect(officerPage.getByRole("status").first().textContent()).resolves.toContain("枠の受付を停止しました");
    await checkPage(officerPage);

    // A Saturday has no slots; the officer opens it with one form: from 10:00 until 12:00, an hour each.
    const saturday = new Date(`${day}T00:00:00Z`);
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7 || 7));
    const weekend = saturday.toISOString().slice(0, 10);
    await officerPage.goto(`${portal.url}/office/counter-slots?day=${weekend}`);
    await expect(officerPage.locator("main").textContent()).resolves.toContain("この日の枠はありません。");
    await officerPage.getByLabel("最初の枠の開始時刻").fill("10:00");
    await officerPage.getByLabel("最後の枠の終了時刻").fill("12:00");
    await officerPage.getByLabel("1枠の長さ").selectOption("60");
    await Promise.all([officerPage.waitForURL(/done=dayAdded/), officerPage.getByRole("button", { name: "1日分の枠を追加" }).click()]);
    await expect(officerPage.getByRole("status").first().textContent()).resolves.toContain("1日分の枠を追加しました");
    await expect(officerPage.getByTestId("counter-slot").allTextContents()).resolves.toEqual([expect.stringContaining("10:00〜11:00"), expect.stringContaining("11:00〜12:00")]);
    await checkPage(officerPage);
    await page.goto(`${portal.url}/cases/${reference}/visits/municipality-13113?day=${day}`);
    await expect(page.locator(`input[name="slotId"][value="${slotId}"]`).count()).resolves.toBe(0);
    await officer.close();
    await context.close();
  });

  it("JavaScript on, Japanese then English: an administrator chooses 横浜市 and changes a slot's places, audited as theirs", async () => {
    const { portal, browser } = story;
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin?lng=ja`);
    await signInWithSecondFactor(page, "admin");
    await page.goto(`${portal.url}/admin`);
    await Promise.all([page.waitForURL(/\/office\/counter-slots/), page.getByRole("link", { name: "来庁予約の枠" }).click()]);
    await page.getByRole("heading", { level: 1, name: "来庁予約の枠" }).waitFor();
    await checkPage(page);

    // Next Saturday at Yokohama City Hall, chosen among the organisations that offer counter visits: no slots yet.
    const next = new Date();
    do next.setUTCDate(next.getUTCDate() + 1);
    while (next.getUTCDay() !== 6);
    const day = next.toISOString().slice(0, 10);
    await page.getByLabel("組織").selectOption("municipality-14100");
    await page.getByLabel("日付").fill(day);
    await Promise.all([page.waitForURL(/agency=municipality-14100/), page.getByRole("button", { name: "この日を表示" }).click()]);
    await expect.poll(() => page.locator(".caption").first().textContent()).toContain("横浜市");
    await expect(page.locator("main").textContent()).resolves.toContain("この日の枠はありません。");
    await checkPage(page);
    // The administrator opens the morning, then changes one slot's places.
    await page.getByLabel("最初の枠の開始時刻").fill("09:00");
    await page.getByLabel("最後の枠の終了時刻").fill("11:00");
    await Promise.all([page.waitForURL(/done=dayAdded/), page.getByRole("button", { name: "1日分の枠を追加" }).click()]);
    await expect.poll(() => page.getByTestId("counter-slot").count()).toBe(4);
    expect(page.url()).toContain("agency=municipality-14100");
    await checkPage(page);
    await Promise.all([page.waitForURL(/slot=/), page.getByRole("link", { name: /^変更.*09:00〜09:30/ }).click()]);
    await page.locator("#change-slot").getByLabel("定員").fill("5");
    await Promise.all([page.waitForURL(/done=changed/), page.locator("#change-slot").getByRole("button", { name: "定員を変更" }).click()]);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("定員を変更しました");
    expect(page.url()).toContain("agency=municipality-14100");
    await expect.poll(() => page.getByTestId("counter-slot").first().locator("td").nth(1).textContent()).toBe("5");
    await checkPage(page);
    for (const action of ["counter.slots.dayAdded", "counter.slot.capacityChanged"]) {
      const entry = cases.db.select().from(auditEntries).where(eq(auditEntries.action, action)).all().at(-1)!;
      expect(entry).toMatchObject({ actor: "u-admin", agencyId: "municipality-14100" });
    }

    // The same page in English.
    await page.goto(`${page.url().replace(/&?done=changed/, "")}&lng=en`);
    await page.getByRole("heading", { level: 1, name: "Counter visit slots" }).waitFor();
    await expect(page.getByLabel("Organisation").inputValue()).resolves.toBe("municipality-14100");
    await checkPage(page);
    await context.close();
  });
});
