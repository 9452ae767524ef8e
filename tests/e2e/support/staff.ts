// Signing in through the real pages, as a story's person would: the demo password, then, for staff with an
// authenticator app, the current TOTP code from the README's secret. Shared by the staff stories (office,
// operations console) and their citizens.
import { generateTOTP } from "@epic-web/totp";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD, getDemoAccount } from "../../../app/demo/demo-accounts.server";
import { checkPage } from "./browser";

const timeStep = () => Math.floor(Date.now() / 30_000);

/** The TOTP time step each account last signed in with: a code is accepted once, so a second sign-in waits for the next. */
const lastStep = new Map<string, number>();

/**
 * Signs in on the sign-in page the browser was sent to (`/sign-in?redirectTo=…`) and follows the answer back.
 * With `check`, the sign-in and two-factor pages are checked (axe, reflow, screenshots) on the way.
 */
export async function signInAs(page: Page, loginId: string, { check = false }: { check?: boolean } = {}) {
  expect(page.url()).toMatch(/\/sign-in\?/);
  if (check) await checkPage(page);
  await page.locator('input[name="loginId"]').fill(loginId);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="password"]) button[type="submit"]').click()]);
  const secret = getDemoAccount(loginId)?.totpSecret;
  if (!secret) return;
  expect(new URL(page.url()).pathname).toBe("/sign-in/two-factor");
  if (check) await checkPage(page);
  const used = lastStep.get(loginId);
  if (used !== undefined) await expect.poll(timeStep, { timeout: 40_000, interval: 250 }).toBeGreaterThan(used);
  lastStep.set(loginId, timeStep());
  const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" });
  await page.locator('input[name="code"]').fill(otp);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in/two-factor"), page.locator('input[name="code"]').press("Enter")]);
}
