// As a citizen, I add a passkey on my account page and sign in with it next time (Chromium's virtual
// authenticator stands in for the phone); when I signed in a while ago, I confirm it's me before changing
// how I sign in; and when my session is about to end, a dialog lets me extend it.
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/demo/demo-accounts.server";
import { browserAvailable, checkPage, launchBrowser, newContext } from "./support/browser";
import { startPortal, type Portal } from "./support/portal";

/** Signs in on the way to the account page, and arrives there (the page the person came for). */
async function whenISignInAsADemoPerson(page: Page, url: string, loginId: string) {
  await page.goto(`${url}/sign-in?redirectTo=%2Faccount`);
  await page.getByLabel("デモ利用者").selectOption(loginId);
  await page.getByRole("button", { name: "このデモ利用者としてサインイン" }).click();
  await page.getByRole("heading", { level: 1, name: "アカウント" }).waitFor();
}

describe.skipIf(!browserAvailable)("passkeys, confirming it's you, and the session dialog", () => {
  let portal: Portal;
  let browser: Browser;
  /** WebAuthn needs a domain as its relying party id: localhost, not 127.0.0.1. */
  let url: string;

  beforeAll(async () => {
    portal = await startPortal();
    url = portal.url.replace("127.0.0.1", "localhost");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it("adds a passkey from the account page, then signs in with it", async () => {
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await whenISignInAsADemoPerson(page, url, "takahashi");
    await page.getByRole("button", { name: "パスキーを追加" }).click();
    await page.getByText("パスキーを登録しました。").waitFor();
    expect(await page.getByRole("button", { name: /に登録したパスキーを削除/ }).count()).toBe(1);
    await checkPage(page);

    await page.getByRole("button", { name: "サインアウト", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "サインアウトしました" }).waitFor();
    await page.goto(`${url}/sign-in`);
    await page.getByRole("button", { name: "パスキーでサインイン" }).click();
    await page.getByRole("heading", { level: 1, name: "申請一覧" }).waitFor();
    expect(await page.getByText("高橋 健 さんがサインイン中").count()).toBe(1);
    await context.close();
  });

  it.each([
    { javaScript: false, loginId: "suzuki", userId: "u-suzuki-haruko" },
    { javaScript: true, loginId: "nguyen", userId: "u-nguyen-thi-lan" },
  ])("asks someone who signed in 11 minutes ago to confirm it's them before adding a passkey (JavaScript $javaScript)", async ({ javaScript, loginId, userId }) => {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    await whenISignInAsADemoPerson(page, url, loginId);
    const db = new Database(portal.databasePath);
    db.prepare("UPDATE sessions SET verified_at = ? WHERE user_id = ?").run(new Date(Date.now() - 11 * 60_000).toISOString(), userId);
    db.close();

    await page.goto(`${url}/account`);
    expect(await page.getByRole("button", { name: "パスキーを追加" }).count()).toBe(0);
    await checkPage(page);
    await page.getByRole("link", { name: "ご本人の確認をする" }).click();
    await page.getByRole("heading", { level: 1, name: "ご本人の確認" }).waitFor();
    await checkPage(page);

    await page.getByLabel("パスワード").fill("not-the-password");
    await page.getByRole("button", { name: "確認する" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("パスワードまたはセキュリティコードが正しくありません");
    await checkPage(page);

    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "確認する" }).click();
    await page.getByRole("heading", { level: 1, name: "アカウント" }).waitFor();
    expect(await page.getByRole("link", { name: "ご本人の確認をする" }).count()).toBe(0);
    if (javaScript) expect(await page.getByRole("button", { name: "パスキーを追加" }).count()).toBe(1);
    await context.close();
  });

  it("warns before the idle timeout in a dialog, and the button extends the session", async () => {
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await page.clock.install();
    await whenISignInAsADemoPerson(page, url, "ito");

    // The page sets its timer once it has hydrated, which a busy machine may finish only after the clock has moved.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    // 28.5 minutes pass without a request: on the server, and on the page's clock.
    const db = new Database(portal.databasePath);
    const longAgo = new Date(Date.now() - 28.5 * 60_000).toISOString();
    db.prepare("UPDATE sessions SET last_seen_at = ? WHERE user_id = 'u-ito-yuki'").run(longAgo);
    await page.clock.fastForward("28:30");

    const dialog = page.getByRole("dialog", { name: "まもなくサインアウトします" });
    await dialog.waitFor();
    await checkPage(page);
    await dialog.getByRole("button", { name: "有効期限を延長する" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = db.prepare("SELECT last_seen_at AS lastSeenAt FROM sessions WHERE user_id = 'u-ito-yuki'").get() as { lastSeenAt: string };
    expect(Date.now() - new Date(row.lastSeenAt).getTime()).toBeLessThan(60_000);
    db.close();
    await context.close();
  });
});
