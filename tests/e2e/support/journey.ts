// User-story steps for browser tests: sign in as a demo person, answer a life event's questions as a person
// would (by label-less field names the pages use), and read where the journey is.
import type { Page } from "playwright-core";
import { generateTOTP } from "@epic-web/totp";
import { getQuestion, type Answers, type LifeEvent } from "../../../flows";
import { getDemoAccount } from "../../../app/demo/demo-accounts.server";

export const DEMO_PASSWORD = "madoguchi-demo-2026";

export async function signIn(page: Page, baseUrl: string, loginId: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name="loginId"]').fill(loginId);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/sign-in")), page.locator('form:has(input[name="password"]) button[type="submit"]').click()]);
}

/**
 * Signs in a member of staff from the sign-in page a protected page sent them to: password, then the current
 * TOTP code from the README secret of their demo account.
 */
export async function signInWithSecondFactor(page: Page, loginId: string) {
  await page.locator('input[name="loginId"]').fill(loginId);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="password"]) button[type="submit"]').click()]);
  const { otp } = await generateTOTP({ secret: getDemoAccount(loginId)!.totpSecret!, period: 30, digits: 6, algorithm: "SHA-1" });
  await page.locator('input[name="code"]').fill(otp);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in/two-factor"), page.locator('input[name="code"]').press("Enter")]);
}

export function currentQuestionId(page: Page): string | null {
  return /\/questions\/([^/?#]+)/.exec(new URL(page.url()).pathname)?.[1] ?? null;
}

/** Clicks a submit button and waits until the page answered: a new address, or an error summary shown. */
async function submitPage(page: Page) {
  const path = new URL(page.url()).pathname;
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(path)),
    page.locator('button[name="intent"][value="continue"]:visible').click(),
  ]);
  // A refused answer comes back with 400 and the page shows its errors; an accepted one moves on.
  if (response.status() >= 400) await page.locator(".error-summary").waitFor();
  else await page.waitForURL((url) => url.pathname !== path);
  await page.waitForLoadState("load");
}

/** Clicks a button that redisplays the same page (add or remove an item) and waits for the new count. */
async function changeItems(page: Page, button: string, expected: number) {
  await page.locator(button).click();
  await page.waitForFunction((count) => document.querySelectorAll("fieldset.group-item").length === count, expected);
}

async function fillValue(page: Page, name: string, value: unknown) {
  const field = page.locator(`[name="${name}"]`);
  if ((await field.count()) === 0) return;
  await field.first().fill(value === undefined || value === null ? "" : String(value));
}

/** Answers the question on the page with `value`, the way a person would, and continues. */
export async function answerQuestion(page: Page, lifeEvent: LifeEvent, questionId: string, value: unknown) {
  const question = getQuestion(lifeEvent, questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  switch (question.type) {
    case "yesNo":
      await page.check(`input[name="answer"][value="${value ? "yes" : "no"}"]`);
      break;
    case "choice":
      if (question.multiple) {
        for (const option of question.options ?? []) {
          const box = page.locator(`input[name="answer"][value="${option.value}"]`);
          if ((value as string[]).includes(option.value)) await box.check();
          else await box.uncheck();
        }
      } else {
        await page.check(`input[name="answer"][value="${String(value)}"]`);
      }
      break;
    case "address": {
      const address = value as Record<string, string>;
      await fillValue(page, "answer.postalCode", address.postalCode);
      for (const part of ["town", "street", "building"]) await fillValue(page, `answer.${part}`, address[part]);
      break;
    }
    case "group": {
      const items = value as Record<string, unknown>[];
      const countItems = () => page.locator('fieldset.group-item').count();
      for (let count = await countItems(); count < items.length; count++) {
        await changeItems(page, 'button[name="intent"][value="add"]', count + 1);
      }
      for (let count = await countItems(); count > items.length; count--) {
        await changeItems(page, `button[name="intent"][value="remove-${count - 1}"]`, count - 1);
      }
      for (const [index, item] of items.entries()) {
        for (const field of question.fields ?? []) {
          const name = `answer[${index}].${field.id}`;
          if (field.type === "choice") await page.check(`input[name="${name}"][value="${String(item[field.id])}"]`);
          else await fillValue(page, name, item[field.id]);
        }
      }
      break;
    }
    default:
      await fillValue(page, "answer", value);
  }
  await submitPage(page);
}

/**
 * Answers every question the journey asks, in its order, until check answers; `onPage` runs on each page
 * first (for an accessibility check). Returns the questions asked.
 */
export async function answerJourney(page: Page, lifeEvent: LifeEvent, answers: Answers, onPage?: (page: Page) => Promise<void>) {
  const asked: string[] = [];
  for (let step = 0; step < lifeEvent.questions.length + 2; step++) {
    if (new URL(page.url()).pathname.endsWith("/check-answers")) {
      await page.locator("dl.summary-list").waitFor();
      return asked;
    }
    const questionId = currentQuestionId(page);
    if (!questionId) throw new Error(`not on a question page: ${page.url()}`);
    if (asked.at(-1) === questionId) {
      const errors = await page.locator(".error-summary").textContent().catch(() => null);
      throw new Error(`stuck on ${questionId}: ${errors}`);
    }
    // With JavaScript the address changes a moment before the new question is on the page.
    await page.locator(`form[data-question="${questionId}"]`).waitFor();
    await onPage?.(page);
    asked.push(questionId);
    await answerQuestion(page, lifeEvent, questionId, answers[questionId]);
  }
  throw new Error("the journey did not reach check answers");
}
