// Debian's Chromium driven by playwright-core, and checkPage(): the check every story runs on every page it
// visits (axe for WCAG 2.2 A and AA, reflow at 320 and 1280 CSS px, full-page screenshots to look at later).
// Under CI=true a missing browser fails the run; on a developer's machine the suite skips and says how to install it.
import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

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
/** Uncaught errors in each page's scripts, such as React's hydration errors (#418, #423). */
const pageErrors = new WeakMap<Page, string[]>();

export async function newContext(browser: Browser, { javaScript = true, locale = "ja-JP" } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale });
  // Every wait is on a condition; on a loaded machine a page may take long to come, so wait generously.
  context.setDefaultTimeout(120_000);
  if (!javaScript) contextsWithoutJavaScript.add(context);
  context.on("page", (page) => {
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  });
  return context;
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * The check every browser story runs on every page it visits, in the page's language and with JavaScript as the
 * story has it:
 * 0. no script on the page has thrown so far (a hydration error makes React render the page again in the browser,
 *    which throws away what the person typed: a story would then wait for a navigation that never comes);
 * 1. axe finds no WCAG 2.2 A/AA violation (see expectNoAxeViolations);
 * 2. the page reflows (WCAG 1.4.10): at 320 and at 1280 CSS px wide it never scrolls sideways
 *    (`document.documentElement.scrollWidth <= innerWidth`); a failure names the elements that stick out;
 * 3. a full-page screenshot at 390 and 1280 px is saved under `tests/.artifacts/screenshots/<story>/` (git-ignored),
 *    so a person can look at every page after a run.
 * The viewport is put back as it was, so the story goes on where it was.
 */
export async function checkPage(page: Page) {
  expect(pageErrors.get(page) ?? [], "errors thrown in the page").toEqual([]);
  // A broken character ("�") is what a NUL in the page's bytes becomes (app/platform/html-stream.server.ts).
  expect((await page.content()).match(/.{0,40}\uFFFD.{0,20}/u)?.[0], "a broken character in the page").toBeUndefined();
  await expectNoAxeViolations(page);
  const shot = await screenshotPath(page);
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  try {
    // The picture first, so a page that fails has one to look at.
    for (const width of [1280, 390, 320]) {
      await page.setViewportSize({ width, height: viewport.height });
      if (width !== 320) await page.screenshot({ path: shot(width), fullPage: true, animations: "disabled" });
      if (width !== 390) await expectReflow(page);
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** WCAG 1.4.10 at the viewport's width: nothing makes the page scroll sideways. */
async function expectReflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const innerWidth = window.innerWidth;
    if (root.scrollWidth <= innerWidth) return null;
    // The outermost elements that reach past the right edge: where to look first.
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      if (culprits.length >= 5) break;
      const box = element.getBoundingClientRect();
      const parentBox = element.parentElement?.getBoundingClientRect();
      if (box.right <= innerWidth + 0.5 || (parentBox && parentBox.right > innerWidth + 0.5)) continue;
      const classes = typeof element.className === "string" && element.className.trim() ? `.${element.className.trim().split(/\s+/).join(".")}` : "";
      culprits.push(`${element.tagName.toLowerCase()}${classes} (${Math.round(box.width)} px wide, right edge at ${Math.round(box.right)} px): "${(element.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return { scrollWidth: root.scrollWidth, innerWidth, culprits };
  });
  if (overflow) {
    throw new Error(
      `${page.url()} scrolls sideways at ${overflow.innerWidth} CSS px (WCAG 1.4.10): it is ${overflow.scrollWidth} px wide.\n${overflow.culprits.join("\n")}`,
    );
  }
}

export const screenshotRoot = path.join(process.cwd(), "tests", ".artifacts", "screenshots");
const storiesCleared = new Set<string>();
const pagesPerTest = new Map<string, number>();

const slug = (text: string, max: number) =>
  text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .toLowerCase() || "index";

/** The folder of the running test's screenshots: `<story>/<test>`, the test's name cut short and made unique. */
export function screenshotFolder() {
  const { testPath, currentTestName = "test" } = expect.getState();
  const story = slug(path.basename(testPath ?? "story").replace(/\.e2e\.ts$/, ""), 60);
  const test = `${slug(currentTestName, 70)}-${createHash("sha256").update(currentTestName).digest("hex").slice(0, 6)}`;
  return { story, folder: path.join(screenshotRoot, story, test) };
}

/**
 * Where this page's screenshots go: `<nn>-<path>-<lang>-<js|nojs>-<width>.png` in screenshotFolder(), numbered in
 * the order the test visits pages. A story's folder is emptied the first time it saves one in a run, so the
 * folder always shows the last run.
 */
async function screenshotPath(page: Page) {
  const { story, folder } = screenshotFolder();
  if (!storiesCleared.has(story)) {
    rmSync(path.join(screenshotRoot, story), { recursive: true, force: true });
    storiesCleared.add(story);
  }
  const number = (pagesPerTest.get(folder) ?? 0) + 1;
  pagesPerTest.set(folder, number);
  mkdirSync(folder, { recursive: true });
  const lang = (await page.getAttribute("html", "lang").catch(() => null)) ?? "none";
  const javaScript = contextsWithoutJavaScript.has(page.context()) ? "nojs" : "js";
  const stem = `${String(number).padStart(2, "0")}-${slug(new URL(page.url()).pathname, 50)}-${lang}-${javaScript}`;
  return (width: number) => path.join(folder, `${stem}-${width}.png`);
}

/**
 * Fails with the list of violations when axe finds any WCAG 2.2 A/AA problem on the page.
 * axe runs as a script, so a page opened with JavaScript off is checked as a copy: its current HTML,
 * scripts removed, served at the same address in a JavaScript-enabled page of its own (axe hangs where
 * scripts are disabled). Contexts must come from newContext() so we know which ones have JavaScript off.
 */
async function expectNoAxeViolations(page: Page) {
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
