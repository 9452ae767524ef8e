// Signing in as the demo service designer (password and an authenticator code), for the designers' stories.
import { generateTOTP } from "@epic-web/totp";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { getDemoAccount, DEMO_PASSWORD } from "../../../app/demo/demo-accounts.server";
import { checkPage } from "./browser";

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

/** Answers that turn NGUYEN さん's sample into a foreign resident moving with a child and a car. */
export const childAndCar = {
  movingMembers: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
  ownsVehicle: true,
  vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
  parkingAddress: { postalCode: "1510053", prefecture: "東京都", municipalityCode: "13113", municipality: "渋谷区", town: "代々木", street: "二丁目11番5号" },
  parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
};

const simulationWords = {
  ja: {
    simulate: "人物を想定して試す",
    sample: "見本の人物",
    choose: "この人物から始める",
    advanced: "詳細：変える内容をJSONで入力する",
    changes: "変える回答（任意）",
    run: "試行する",
    fromRecord: "台帳から入力したまま",
    summary: "入力内容に問題があります",
    dateError: "実在する日付を年-月-日で入力してください（例：2021-04-10）",
    name: "想定の名前",
    save: "想定を保存する",
    scenario: "子どもと車を持って引っ越す外国籍の住民",
  },
  en: {
    simulate: "Simulate a person",
    sample: "Sample person",
    choose: "Start from this person",
    advanced: "Advanced: changes as JSON",
    changes: "Answers to change (optional)",
    run: "Run the simulation",
    fromRecord: "As the registers prefill it",
    summary: "There is a problem",
    dateError: "Enter a real date as year-month-day, for example 2021-04-10",
    name: "Name of the scenario",
    save: "Save the scenario",
    scenario: "Foreign resident moving with a child and a car",
  },
} as const;

/**
 * From a life event's page: compose a foreign resident moving with a child and a car with the form (NGUYEN さん from
 * the simulated registers, a child added to her household and a car to what the transport bureau holds, the answers
 * taken from what the registers prefill, the parking space as JSON), first with a date that is not one (an error at
 * the field), then run it; see why the child allowance is selected and what the organisations receive (the child,
 * the car), and save the person as a scenario, which the simulation lists to run again. Returns the scenario's name.
 */
export async function whenISimulateAForeignResidentWithAChildAndACar(page: Page, lng: "ja" | "en"): Promise<string> {
  const words = simulationWords[lng];
  await Promise.all([page.waitForURL(/\/simulate$/), page.getByRole("link", { name: words.simulate }).click()]);
  await checkPage(page);
  await page.getByLabel(words.sample).selectOption({ label: "NGUYEN THI LAN" });
  await Promise.all([page.waitForURL(/sample=p-nguyen-thi-lan/), page.getByRole("button", { name: words.choose }).click()]);
  await expect.poll(() => page.locator("#persona-nationality").inputValue()).toBe("VN");

  const member = childAndCar.movingMembers[0];
  await page.locator("#persona-household-0-name").fill(member.name);
  await page.locator("#persona-household-0-nameKana").fill(member.nameKana);
  await page.locator("#persona-household-0-birthDate").fill("2021-02-30");
  await page.locator("#persona-household-0-relationship").selectOption(member.relationship);
  await page.locator("#persona-vehicles-0-registrationNumber").fill(childAndCar.vehicles[0].registrationNumber);
  await page.locator("#persona-vehicles-0-kind").selectOption(childAndCar.vehicles[0].kind);
  for (const question of ["movingMembers", "ownsVehicle", "vehicles"]) await page.locator(`#persona-answer-${question}`).selectOption({ label: words.fromRecord });
  await page.getByText(words.advanced).click();
  await page.getByLabel(words.changes).fill(JSON.stringify({ parkingAddress: childAndCar.parkingAddress, parkingSpace: childAndCar.parkingSpace }));
  await Promise.all([page.waitForURL(/compose=1/), page.getByRole("button", { name: words.run }).click()]);

  // A date that is not one: the summary links to the field, which says how to fix it and keeps what was typed.
  await page.getByRole("heading", { level: 2, name: words.summary }).waitFor();
  await expect(page.locator("#persona-household-0-birthDate").getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#persona-household-0-birthDate-error").textContent()).resolves.toBe(words.dateError);
  await expect(page.locator("#persona-household-0-name").inputValue()).resolves.toBe(member.name);
  await checkPage(page);
  await page.locator("#persona-household-0-birthDate").fill(member.birthDate);
  await Promise.all([page.waitForURL(/record=/), page.getByRole("button", { name: words.run }).click()]);

  const allowance = page.getByTestId("simulated-procedure").filter({ has: page.getByRole("heading", { level: 3, name: /児童手当|Child allowance/i }) });
  await allowance.first().waitFor();
  // Why: the rule read the household moving with the person; what: the child, sent to the municipality; the car.
  await expect(allowance.first().getByText("NGUYEN VAN AN").count()).resolves.toBeGreaterThan(0);
  await expect(page.getByTestId("simulated-procedure").filter({ hasText: "品川 300 あ 12-34" }).count()).resolves.toBeGreaterThan(0);
  // The form shows the person as composed: the child is the first household member.
  await expect(page.locator("#persona-household-0-name").inputValue()).resolves.toBe(member.name);
  await checkPage(page);

  // Saved, the person is listed with a link that runs it again.
  await page.getByLabel(words.name).fill(words.scenario);
  await Promise.all([page.waitForURL(/saved=/), page.getByRole("button", { name: words.save }).click()]);
  const saved = page.getByTestId("saved-scenario").filter({ hasText: words.scenario });
  await saved.first().waitFor();
  await checkPage(page);
  return words.scenario;
}
