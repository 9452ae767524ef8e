// Debian's Chromium driven by playwright-core, with axe for WCAG 2.2 A and AA.
// Under CI=true a missing browser fails the run; on a developer's machine the suite skips and says how to install it.
import AxeBuilder from "@axe-core/playwright";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(chromiumPath);

if (!browserAvailable) {
  if (process.env.CI === "true") {
    throw new Error(`Chromium is required under CI but was not found at ${chromiumPath}. Install it: apt-get install -y chromium fonts-noto-cjk`);
  }
  console.warn(`Browser stories skipped: no Chromium at ${chromiumPath}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const contextsWithoutJavaScript = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, { javaScript = true, locale = "ja-JP" } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale });
  if (!javaScript) contextsWithoutJavaScript.add(context);
  return context;
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Fails with the list of violations when axe finds any WCAG 2.2 A/AA problem on the page.
 * axe runs as a script, so a page opened with JavaScript off is checked as a copy: its current HTML,
 * scripts removed, served at the same address in a JavaScript-enabled page of its own (axe hangs where
 * scripts are disabled). Contexts must come from newContext() so we know which ones have JavaScript off.
 */
export async function expectNoAxeViolations(page: Page) {
  const browser = page.context().browser();
  const javaScriptOn = !contextsWithoutJavaScript.has(page.context());
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!javaScriptOn && browser) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    scratch = await browser.newContext();
    target = await scratch.newPage();
    const url = page.url();
    await target.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
    await target.goto(url);
  }
  const results = await new AxeBuilder({ page: target }).withTags(wcagTags).analyze();
  await scratch?.close();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  if (summary.length > 0) throw new Error(`axe violations on ${page.url()}:\n${summary.join("\n")}`);
}
