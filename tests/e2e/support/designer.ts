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
    purposesError: "1行に1件ずつ、各行を200文字以内で、マークアップや制御文字を使わずに入力してください",
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
    purposesError: "Enter one entry on each line, each up to 200 characters, without markup or control characters",
  },
} as const;

/**
 * From a life event's page: compose a foreign resident moving with a child and a car with the form (NGUYEN さん from
 * the simulated registers, a child added to her household and a car to what the transport bureau holds, the answers
 * taken from what the registers prefill, the parking place's address in the parts the journey's address page asks,
 * the parking space a row of fields), first with a date that is not one and the parking space's width left out (an
 * error at each field), then run it; see why the child allowance is selected and what the organisations receive (the child,
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
  // The parking place's address: an address answer, part by part (the postal code as people write it, with a hyphen).
  for (const [part, value] of Object.entries({ ...childAndCar.parkingAddress, postalCode: "151-0053", building: "代々木パーキング" }))
    await page.locator(`#persona-answer-parkingAddress-${part}`).fill(value);
  // A multiple choice: the water bureau too, a box ticked (the first of the services).
  await page.locator("#persona-answer-services-chosen").check();
  // The parking space: an answer of several fields, one row (its width forgotten at first: a row is whole or empty).
  const space = childAndCar.parkingSpace[0];
  await page.locator("#persona-answer-parkingSpace-0-right").selectOption(space.right);
  await page.locator("#persona-answer-parkingSpace-0-lengthCm").fill(String(space.lengthCm));
  await Promise.all([page.waitForURL(/compose=1/), page.getByRole("button", { name: words.run }).click()]);

  // A date that is not one: the summary links to the field, which says how to fix it and keeps what was typed.
  await page.getByRole("heading", { level: 2, name: words.summary }).waitFor();
  await expect(page.locator("#persona-household-0-birthDate").getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#persona-household-0-birthDate-error").textContent()).resolves.toBe(words.dateError);
  await expect(page.locator("#persona-household-0-name").inputValue()).resolves.toBe(member.name);
  await expect(page.locator("#persona-answer-parkingAddress-building").inputValue()).resolves.toBe("代々木パーキング");
  // The width left out: the question's own message at the field, linked from the summary; the rest of the row kept.
  await expect(page.locator("#persona-answer-parkingSpace-0-widthCm").getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#persona-answer-parkingSpace-0-widthCm-error").textContent()).resolves.toMatch(/\S/);
  await expect(page.locator('a[href="#persona-answer-parkingSpace-0-widthCm"]').count()).resolves.toBe(1);
  await expect(page.locator("#persona-answer-parkingSpace-0-lengthCm").inputValue()).resolves.toBe(String(space.lengthCm));
  await checkPage(page);
  await page.locator("#persona-household-0-birthDate").fill(member.birthDate);
  await page.locator("#persona-answer-parkingSpace-0-widthCm").fill(String(space.widthCm));
  await Promise.all([page.waitForURL((url) => !url.searchParams.has("compose")), page.getByRole("button", { name: words.run }).click()]);

  const allowance = page.getByTestId("simulated-procedure").filter({ has: page.getByRole("heading", { level: 3, name: /児童手当|Child allowance/i }) });
  await allowance.first().waitFor();
  // Why: the rule read the household moving with the person; what: the child, sent to the municipality; the car.
  await expect(allowance.first().getByText("NGUYEN VAN AN").count()).resolves.toBeGreaterThan(0);
  await expect(page.getByTestId("simulated-procedure").filter({ hasText: "品川 300 あ 12-34" }).count()).resolves.toBeGreaterThan(0);
  // The parking certificate goes to the police with the parking place's address as composed, the postal code as the journey keeps it.
  const certificate = page.getByTestId("simulated-procedure").filter({ hasText: "代々木パーキング" });
  await expect(certificate.count()).resolves.toBeGreaterThan(0);
  await expect(certificate.first().textContent()).resolves.toMatch(/151-?0053/);
  // …and the parking space as its row gave it.
  await expect(certificate.first().textContent()).resolves.toMatch(/250/);
  await expect(page.locator("#persona-answer-parkingAddress-postalCode").inputValue()).resolves.toBe("1510053");
  await expect(page.locator("#persona-answer-services-chosen").isChecked()).resolves.toBe(true);
  await expect(page.locator("#persona-answer-parkingSpace-0-widthCm").inputValue()).resolves.toBe(String(space.widthCm));
  await expect(page.locator("#persona-answer-parkingSpace-0-right").inputValue()).resolves.toBe(space.right);
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

/**
 * On the incorporation's simulation: compose 山田さん's company with its business purposes one a line (a list
 * answer), first with a line too long for the articles (an error at the field that keeps what was typed), then run
 * it with a capital written as people write it, and see the purposes and the capital in what the Legal Affairs Bureau
 * would receive.
 */
export async function whenIComposeACompanyWithItsPurposes(page: Page, baseUrl: string, lng: "ja" | "en") {
  const words = simulationWords[lng];
  await page.goto(`${baseUrl}/design/life-events/incorporation/simulate`);
  await page.getByLabel(words.sample).selectOption("c-yamada-shoten");
  await Promise.all([page.waitForURL(/sample=c-yamada-shoten/), page.getByRole("button", { name: words.choose }).click()]);
  const purposes = page.locator("#persona-answer-businessPurposes-items");
  await expect.poll(() => purposes.inputValue()).toBe("食料品及び日用品の販売\n前号に附帯する一切の業務");
  const added = "飲食店の経営";
  await purposes.fill(`食料品及び日用品の販売\n${"あ".repeat(201)}\n前号に附帯する一切の業務`);
  await Promise.all([page.waitForURL(/compose=1/), page.getByRole("button", { name: words.run }).click()]);
  await page.getByRole("heading", { level: 2, name: words.summary }).waitFor();
  await expect(purposes.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#persona-answer-businessPurposes-items-error").textContent()).resolves.toBe(words.purposesError);
  await expect(purposes.inputValue()).resolves.toContain("あ".repeat(201));
  await checkPage(page);

  await purposes.fill(`食料品及び日用品の販売\n${added}\n前各号に附帯する一切の業務`);
  // A written answer, as a citizen writes it: the capital with its commas.
  await page.locator("#persona-answer-capital-value").fill("5,000,000");
  await Promise.all([page.waitForURL((url) => !url.searchParams.has("compose")), page.getByRole("button", { name: words.run }).click()]);
  // The Legal Affairs Bureau, the tax office and the others that need the purposes receive the three, as written.
  const registration = page.getByTestId("simulated-procedure").filter({ hasText: added });
  await registration.first().waitFor();
  await expect(registration.first().getByText("前各号に附帯する一切の業務").count()).resolves.toBeGreaterThan(0);
  await expect(purposes.inputValue()).resolves.toBe(`食料品及び日用品の販売\n${added}\n前各号に附帯する一切の業務`);
  await expect(registration.first().getByText("5,000,000").count()).resolves.toBeGreaterThan(0);
  await expect(page.locator("#persona-answer-capital-value").inputValue()).resolves.toBe("5000000");
  await checkPage(page);
}
