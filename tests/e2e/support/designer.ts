// Signing in as the demo service designer (password and an authenticator code), for the designers' stories.
import { generateTOTP } from "@epic-web/totp";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { getDemoAccount, DEMO_PASSWORD } from "../../../app/demo/demo-accounts.server";

/** The TOTP time step the designer last signed in with: a code is accepted once, so a second sign-in waits for the next. */
let lastStep = -1;

export async function signInAsDesigner(page: Page, baseUrl: string, path = "/design") {
  await page.goto(`${baseUrl}${path}`);
  expect(page.url()).toMatch(/\/sign-in\?/);
  await page.locator('input[name="loginId"]').fill("designer");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form:has(input[name="intent"][value="password"]) button[type="submit"]').click()]);
  expect(new URL(page.url()).pathname).toBe("/sign-in/two-factor");
  if (lastStep === Math.floor(Date.now() / 30_000)) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  lastStep = Math.floor(Date.now() / 30_000);
  const { otp } = await generateTOTP({ secret: getDemoAccount("designer")!.totpSecret!, period: 30, digits: 6, algorithm: "SHA-1" });
  await page.locator('input[name="code"]').fill(otp);
  await Promise.all([page.waitForURL((url) => url.pathname === path), page.locator('input[name="code"]').press("Enter")]);
}
