// As a citizen whose move-out was rejected, I see at the top of my status page how my procedures stand and
// what I must do; I read the officer's own words (marked as theirs, in their language), correct only what was
// wrong and send it again to that municipality alone; once it accepts, my move-in goes ahead. In English without
// JavaScript and in Japanese with it.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { applyCaseEvent, submitCase } from "../../app/cases/cases.server";
import { getProcedureRequest, listProcedureRequestsForCase } from "../../db/queries/cases";
import { sampleSubmission } from "../factories";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signIn } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";
import { acceptingAgencies, useCaseDatabase } from "./support/cases";
import { signInAs } from "./support/staff";
import { demoAccounts } from "../../app/demo/demo-accounts.server";

describe.skipIf(!browserAvailable)("the status page says what to do", () => {
  // Organisations' systems accept at once; the municipalities with a demo officer are left to the test.
  // Organisations' systems accept at once; the municipalities with a demo officer are left to the story.
  const story = usePortalAndBrowser(acceptingAgencies);
  const cases = useCaseDatabase(story);
  const { requestOf, statusOf } = cases;

  /** A sample person's move, submitted as the consent page would, with its move-out rejected by the old municipality's officer. */
  async function moveWithRejectedMoveOut(personId: string, note: string, { askedFirst }: { askedFirst?: { question: string; answer: string } } = {}) {
    const submission = sampleSubmission("relocation", personId);
    const submitted = submitCase(cases.db, { ...submission, actorId: `u-${personId.slice(2)}` });
    const moveOut = requestOf(submitted.case.id, "move-out-notification");
    await expect.poll(() => statusOf(moveOut.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    if (askedFirst) {
      // The first attempt: the municipality asks, the person answers, it comes back to the officer, who then rejects.
      applyCaseEvent(cases.db, { procedureRequestId: moveOut.id, event: { type: "agency.informationRequested", question: askedFirst.question }, actor: `agency:${moveOut.agencyId}` });
      applyCaseEvent(cases.db, { procedureRequestId: moveOut.id, event: { type: "citizen.answered", answer: askedFirst.answer }, actor: `user:u-${personId.slice(2)}` });
      await expect.poll(() => statusOf(moveOut.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    }
    applyCaseEvent(cases.db, { procedureRequestId: moveOut.id, event: { type: "agency.rejected", reason: `identity-not-verified|${note}` }, actor: `agency:${moveOut.agencyId}` });
    return { submitted, moveOut };
  }

  /** The demo officer of the organisation a procedure request went to. */
  const officerOf = (agencyId: string) => {
    const officer = demoAccounts.find((account) => account.role === "officer" && account.agencyId === agencyId);
    expect(officer, `a demo officer for ${agencyId}`).toBeDefined();
    return officer!.loginId;
  };

  /** The summary's counts, by group (a group the page leaves out counts 0). */
  const summary = (page: Page) =>
    page.locator('[data-testid="status-summary"] [data-group]').evaluateAll((items) => Object.fromEntries(items.map((item) => [item.getAttribute("data-group"), Number(item.querySelector(".status-summary__count")?.textContent)])));
  const summaryCount = async (page: Page, group: string) => (await summary(page))[group] ?? 0;

  it("JavaScript off, English: the summary and the rejection with the officer's Japanese words; correct one item and send it again", async () => {
    const { portal, browser } = story;
    const { submitted, moveOut } = await moveWithRejectedMoveOut("p-tanaka-ichiro", "フリガナが住民票と一致しません。", {
      askedFirst: { question: "転出先の部屋番号を教えてください。", answer: "201号室です。" },
    });
    const reference = submitted.case.reference;
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/cases/${reference}?lng=en`);
    await signIn(page, portal.url, "tanaka");
    await page.goto(`${portal.url}/cases/${reference}`);

    // At the top: how the procedures stand, every one counted once.
    expect(await page.getByRole("heading", { level: 2, name: "Your procedures at a glance" }).count()).toBe(1);
    expect(await summaryCount(page, "rejected")).toBe(1);
    const total = listProcedureRequestsForCase(cases.db, { caseId: submitted.case.id }).length;
    const counted = Object.values(await summary(page)).reduce((a: number, b) => a + Number(b), 0);
    expect(counted).toBe(total);

    // What to do: the rejection first, with the officer's words marked as theirs, in Japanese.
    const toDo = page.locator("section.to-do");
    const card = toDo.locator(`#procedure-${moveOut.id}`);
    await expect(card.textContent()).resolves.toContain("Your identity could not be verified");
    const note = card.getByTestId("rejection-note");
    expect(await note.locator("blockquote").getAttribute("lang")).toBe("ja");
    await expect(note.textContent()).resolves.toContain("Written in Japanese; not translated.");
    await expect(card.textContent()).resolves.toContain(`bring your reference number ${reference}`);
    // The move-in was cancelled behind it, and the visit it needs is still listed with what to bring.
    await expect(page.locator("main").textContent()).resolves.toContain("Cancelled (an earlier procedure was rejected)");
    await checkPage(page);

    await Promise.all([page.waitForURL(/\/correct$/), card.getByRole("link", { name: /^Correct your details/ }).click()]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Move-out notification: correct and send again");
    await checkPage(page);

    // Sending without a change is refused, with the error at the top.
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: /^Send to / }).click()]);
    await page.waitForLoadState();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("No item was changed");
    await checkPage(page);

    await page.getByLabel("Full name in katakana").fill("タナカ イチロー");
    await Promise.all([page.waitForURL(/resent=/), page.getByRole("button", { name: /^Send to / }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("was corrected and sent");
    expect(JSON.parse(getProcedureRequest(cases.db, { procedureRequestId: moveOut.id })!.payload).nameKana).toBe("タナカ イチロー");
    expect(await summaryCount(page, "rejected")).toBe(0);
    await expect(page.locator(`#procedure-${moveOut.id}`).textContent()).resolves.toContain("Corrected and sent again");
    // The question and answer of the rejected attempt stay readable, marked as before the correction.
    await expect(page.locator(`#procedure-${moveOut.id}`).textContent()).resolves.toContain("Your answer (before you corrected and sent it again)");
    await checkPage(page);

    // It reaches the municipality again. Its officer (English, JavaScript off) opens the resent procedure: the
    // correction is said at the top, and the earlier question and answer are marked as the rejected attempt's.
    await expect.poll(() => statusOf(moveOut.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    const office = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const officerPage = await office.newPage();
    await officerPage.goto(`${portal.url}/office?lng=en`);
    await signInAs(officerPage, officerOf(moveOut.agencyId), { check: true });
    await officerPage.goto(`${portal.url}/office`);
    const inboxRow = officerPage.locator("main tr", { hasText: reference }).filter({ hasText: "Corrected and sent again" });
    await expect(inboxRow.count()).resolves.toBe(1);
    await expect(inboxRow.textContent()).resolves.not.toContain("Answer received");
    await checkPage(officerPage);
    await officerPage.goto(`${portal.url}/office/requests/${moveOut.id}`);
    await officerPage.getByRole("heading", { level: 1, name: "Move-out notification" }).waitFor();
    await expect(officerPage.getByTestId("correction-note").textContent()).resolves.toContain("corrected this procedure after it was rejected and sent it again");
    await expect(officerPage.getByTestId("correction-note").textContent()).resolves.toContain("Full name in katakana");
    const earlier = officerPage.getByTestId("earlier-information");
    await expect(earlier.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Earlier request for more information (before the rejection)");
    await expect(earlier.textContent()).resolves.toContain("201号室です。");
    await expect(officerPage.getByTestId("information").count()).resolves.toBe(0);
    await checkPage(officerPage);
    await office.close();

    // Once the municipality accepts, the move-in goes ahead.
    applyCaseEvent(cases.db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "千代田-0002" }, actor: `agency:${moveOut.agencyId}` });
    const moveIn = requestOf(submitted.case.id, "move-in-notification");
    await expect.poll(() => statusOf(moveIn.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    await page.goto(`${portal.url}/cases/${reference}`);
    await expect(page.locator(`#procedure-${moveOut.id}`).textContent()).resolves.toContain("千代田-0002");
    await checkPage(page);
    await context.close();
  });

  it("JavaScript on, Japanese: an officer's English note is marked as written in English; the corrected name goes to that municipality", async () => {
    const { portal, browser } = story;
    const { submitted, moveOut } = await moveWithRejectedMoveOut("p-nguyen-thi-lan", "The name does not match the residence card.");
    const reference = submitted.case.reference;
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/cases/${reference}?lng=ja`);
    await signIn(page, portal.url, "nguyen");
    await page.goto(`${portal.url}/cases/${reference}`);
    await page.getByRole("heading", { level: 2, name: "手続の状況のまとめ" }).waitFor();
    expect(await summaryCount(page, "rejected")).toBe(1);
    const card = page.locator(`section.to-do #procedure-${moveOut.id}`);
    const note = card.getByTestId("rejection-note");
    expect(await note.locator("blockquote").getAttribute("lang")).toBe("en");
    await expect(note.textContent()).resolves.toContain("英語で書かれています");
    await checkPage(page);

    await Promise.all([page.waitForURL(/\/correct$/), card.getByRole("link", { name: /もう一度送る$/ }).click()]);
    await page.getByRole("heading", { level: 1, name: "転出届：内容を修正して再送信する" }).waitFor();
    await checkPage(page);
    const kana = page.getByLabel("氏名（フリガナ）");
    await kana.fill("グエン・ティ・ラン");
    await Promise.all([page.waitForURL(/resent=/), page.getByRole("button", { name: /へ再送信する$/ }).click()]);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("再送信しました");
    expect(await summaryCount(page, "rejected")).toBe(0);
    await checkPage(page);
    await expect.poll(() => statusOf(moveOut.id), { timeout: 240_000, interval: 100 }).toBe("delivered");
    expect(getProcedureRequest(cases.db, { procedureRequestId: moveOut.id })!.agencyId).toBe(moveOut.agencyId);

    // The municipality's officer (Japanese, JavaScript on) opens the resent procedure and reads the correction note.
    const office = await newContext(browser, { javaScript: true });
    const officerPage = await office.newPage();
    await officerPage.goto(`${portal.url}/office/requests/${moveOut.id}?lng=ja`);
    await signInAs(officerPage, officerOf(moveOut.agencyId));
    await officerPage.goto(`${portal.url}/office/requests/${moveOut.id}`);
    await officerPage.getByRole("heading", { level: 1, name: "転出届" }).waitFor();
    await expect(officerPage.getByTestId("correction-note").textContent()).resolves.toContain("申請者がこの手続を訂正して");
    await expect(officerPage.getByTestId("correction-note").textContent()).resolves.toContain("氏名（フリガナ）");
    await checkPage(officerPage);
    await office.close();
    await context.close();
  });
});
