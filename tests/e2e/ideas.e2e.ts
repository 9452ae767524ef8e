// IDEA BOX: as a citizen on a question page of my move, I suggest an improvement; what looks like my phone
// number is pointed out and masked before it is published. A service designer answers "planned", then marks
// it done with the new life event version; I see each change on my account. Anyone reads it, and the Atom feed
// carries it. JavaScript off for the citizen, on for the designer; Japanese and English; axe on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../../flows";
import { submitCase } from "../../app/cases/cases.server";
import { openDatabase } from "../../db/client.server";
import { findCaseByReference } from "../../db/queries/cases";
import { findSatisfaction } from "../../db/queries/satisfaction";
import { sampleSubmission } from "../factories";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { usePortalAndBrowser } from "./support/portal";

const relocation = getLifeEvent("relocation")!;

/** Signs in through the demo box of the sign-in page (demo mode), as the README describes. */
async function demoSignIn(page: Page, loginId: string) {
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await page.locator("#demo-login-id").selectOption(loginId);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="demo"]) button[type="submit"]').click()]);
}

describe.skipIf(!browserAvailable)("the IDEA BOX", () => {
  const story = usePortalAndBrowser();

  it("a citizen suggests an improvement from a question page; a designer plans it and marks it done; the author sees each change", async () => {
    const { portal, browser } = story;
    // 田中さん, JavaScript off, Japanese: the first question page of his move.
    const citizen = await newContext(browser, { javaScript: false });
    const page = await citizen.newPage();
    await page.goto(`${portal.url}/sign-in?lng=ja`);
    await demoSignIn(page, "tanaka");
    await page.goto(`${portal.url}/life-events/relocation`);
    await Promise.all([page.waitForURL(/\/questions\//), page.locator("main form button[type=submit]").click()]);
    const questionId = /\/questions\/([^/?#]+)/.exec(page.url())![1];
    await Promise.all([page.waitForURL(/\/ideas\/new\?/), page.getByRole("link", { name: "このページの改善を提案する" }).click()]);
    const newUrl = new URL(page.url());
    expect(newUrl.searchParams.get("lifeEvent")).toBe("relocation");
    expect(newUrl.searchParams.get("question")).toBe(questionId);
    await expect(page.getByTestId("idea-about").textContent()).resolves.toContain(relocation.title.ja);
    await checkPage(page);

    // Nothing typed: errors in the summary and beside the fields.
    await page.getByRole("button", { name: "確認して公開する" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("件名を入力してください");
    await checkPage(page);

    await page.getByLabel("件名").fill("引っ越し日の入力で、カレンダーから選べるようにしてほしい");
    await page.getByLabel("アイデアまたは苦情の内容").fill("日付を和暦で入れてしまいました。確認の連絡は090-1234-5678へどうぞ。");
    await page.getByRole("button", { name: "確認して公開する" }).click();
    await page.getByRole("heading", { name: "個人情報らしきものが見つかりました" }).waitFor();
    await expect(page.getByTestId("masked-body").textContent()).resolves.toBe("日付を和暦で入れてしまいました。確認の連絡は＊＊＊へどうぞ。");
    await checkPage(page);
    await Promise.all([page.waitForURL(/\/ideas\/\d+\?notice=posted/), page.getByRole("button", { name: "伏せ字にして公開する" }).click()]);
    const ideaPath = new URL(page.url()).pathname;
    const main = await page.locator("main").textContent();
    expect(main).toContain("アイデアを公開しました");
    expect(main).not.toContain("090-1234-5678");
    expect(main).toContain("名前は表示していません");
    await expect(page.getByTestId("idea-status").textContent()).resolves.toContain("受付");
    await checkPage(page);

    // A service designer, JavaScript on, English: answers "planned", then marks it done with the version.
    const designerContext = await newContext(browser, { javaScript: true, locale: "en-GB" });
    const designer = await designerContext.newPage();
    await designer.goto(`${portal.url}/sign-in?lng=en&redirectTo=${encodeURIComponent(ideaPath)}`);
    await demoSignIn(designer, "designer");
    expect(new URL(designer.url()).pathname).toBe(ideaPath);
    await designer.getByRole("heading", { name: "Answer publicly" }).waitFor();
    await expect(designer.locator("main").textContent()).resolves.toContain("Question page");
    await checkPage(designer);
    await designer.getByLabel("Planned").check();
    await designer.getByLabel("Public answer").fill("We will add a date picker in the next version.");
    await Promise.all([designer.waitForURL(/notice=answered/), designer.getByRole("button", { name: "Publish the answer" }).click()]);
    await designer.getByText("The answer has been published.").waitFor();
    await expect(designer.getByTestId("idea-status").textContent()).resolves.toContain("Planned");
    await checkPage(designer);
    // Done without a version is refused beside the field.
    await designer.getByLabel("Done").check();
    await designer.getByRole("button", { name: "Publish the answer" }).click();
    await expect(designer.getByRole("alert").first().textContent()).resolves.toContain("Choose the life event version");
    await checkPage(designer);
    await designer.getByLabel("Done").check();
    await designer.getByLabel("Life event version that made the change").selectOption(`relocation@${relocation.version}`);
    await Promise.all([designer.waitForURL(/notice=answered/), designer.getByRole("button", { name: "Publish the answer" }).click()]);
    await designer.getByText(`Changed in ${relocation.title.en}`).first().waitFor();
    await expect(designer.getByTestId("idea-status").textContent()).resolves.toContain(`Changed in ${relocation.title.en} version ${relocation.version}`);
    await checkPage(designer);
    await designerContext.close();

    // The author sees each change on his account, in Japanese and in English.
    await page.goto(`${portal.url}/account/ideas`);
    const mine = page.getByTestId("my-idea").first();
    const history = await mine.textContent();
    expect(history).toContain("受付 → 対応予定");
    expect(history).toContain("対応予定 → 対応済み");
    expect(history).toContain(`${relocation.title.ja} 第${relocation.version}版で対応しました`);
    expect(history).toContain("We will add a date picker");
    await checkPage(page);
    await page.goto(`${portal.url}/account/ideas?lng=en`);
    await expect(page.getByTestId("my-idea").first().textContent()).resolves.toContain("Planned → Done");
    await checkPage(page);
    await citizen.close();

    // Anyone reads it, filtered to the question it is about; the Atom feed carries the answer.
    const anonymous = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const reader = await anonymous.newPage();
    await reader.goto(`${portal.url}/ideas?lifeEvent=relocation&question=${questionId}&lng=en`);
    await expect(reader.getByTestId("idea-row").first().textContent()).resolves.toContain("Done");
    await checkPage(reader);
    const feed = await reader.request.get(`${portal.url}/ideas/feed.xml`);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain(`${portal.url}${ideaPath}#event-`);
    expect(xml).toContain("引っ越し日の入力で");
    await anonymous.close();
  });

  it("after submitting, the citizen answers the one optional satisfaction question from the status page", async () => {
    const { portal, browser } = story;
    const db = openDatabase(portal.databasePath);
    const submission = sampleSubmission("relocation", "p-suzuki-haruko");
    const { case: kase } = submitCase(db, { ...submission, actorId: "u-suzuki-haruko", consent: { ...submission.consent, lang: "en" } });
    const context = await newContext(browser, { javaScript: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal.url}/sign-in?lng=en&redirectTo=${encodeURIComponent(`/cases/${kase.reference}`)}`);
    await demoSignIn(page, "suzuki");
    await Promise.all([page.waitForURL(/\/satisfaction$/), page.getByRole("link", { name: "How was it? Answer one optional question" }).click()]);
    await checkPage(page);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("Choose how satisfied you are");
    await checkPage(page);
    await page.getByLabel("Satisfied", { exact: true }).check();
    await page.getByLabel("How could we improve it? (optional)").fill("Fine, but mail me at haruko@example.jp next time");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Thank you");
    await checkPage(page);
    const stored = findSatisfaction(db, { caseId: findCaseByReference(db, { reference: kase.reference })!.id, moment: "submitted" });
    expect(stored).toMatchObject({ rating: 4, comment: "Fine, but mail me at ＊＊＊ next time" });
    db.$client.close();
    await context.close();
  });
});
