// The workspace's proof (#15): as a service designer, I simulate a foreign resident moving with a child and a car
// and see why each procedure is selected and what each organisation receives; then I change a question's hint in
// Japanese and English without a deploy: the draft is refused while the English is missing, I preview the question page as a citizen will see it in both languages,
// and I publish it. 田中さん, who started moving before, then reads the new hint on his next page and his journey
// carries on to check answers; someone starting afterwards reads it in English. axe, reflow and screenshots on every page.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../../flows";
import { browserAvailable, checkPage, newContext } from "./support/browser";
import { signInAsDesigner, whenISimulateAForeignResidentWithAChildAndACar } from "./support/designer";
import { answerJourney, answerQuestion, currentQuestionId, signIn } from "./support/journey";
import { usePortalAndBrowser } from "./support/portal";
import ja from "../../public/locales/ja/relocation.json";

const relocation = getLifeEvent("relocation")!;
const tanaka = relocation.samples.find((sample) => sample.id === "p-tanaka-ichiro")!;
const newHint = {
  ja: "住民票の住所が変わる日です。まだ決まっていなければ、予定の日を入れてください。",
  en: "The day your registered address changes. If it is not settled yet, enter the planned day.",
};

describe.skipIf(!browserAvailable)("the designers' wording", () => {
  const story = usePortalAndBrowser();

  it("whenISimulateAPersonThenChangeAHintAndPublishIt: citizens read it on their next page, and a journey started before carries on", async () => {
    const url = story.portal.url;

    // 田中さん starts moving before anything changes and gives his move date.
    const citizen = await (await newContext(story.browser, { javaScript: false })).newPage();
    await signIn(citizen, url, "tanaka");
    await citizen.goto(`${url}/life-events/relocation`);
    await Promise.all([citizen.waitForURL(/\/questions\//), citizen.locator("main form button[type=submit]").click()]);
    expect(currentQuestionId(citizen)).toBe("moveDate");
    expect(await citizen.locator("#answer-hint").textContent()).toBe(ja.moveDate.hint);
    await answerQuestion(citizen, relocation, "moveDate", tanaka.answers.moveDate);
    expect(currentQuestionId(citizen)).toBe("currentAddress");

    // The designer simulates a foreign resident moving with a child and a car (why, and who receives what).
    const designer = await (await newContext(story.browser, { javaScript: true, locale: "en-GB" })).newPage();
    await signInAsDesigner(designer, url);
    await designer.goto(`${url}/design/life-events/relocation`);
    await whenISimulateAForeignResidentWithAChildAndACar(designer, "en");

    // Then opens the life event's wording and the move date's texts.
    await designer.goto(`${url}/design/life-events/relocation`);
    await Promise.all([designer.waitForURL(/\/texts$/), designer.getByRole("link", { name: "Edit the wording" }).click()]);
    await designer.getByRole("heading", { level: 1, name: "Wording of Moving house" }).waitFor();
    await checkPage(designer);
    await Promise.all([designer.waitForURL(/\/texts\/moveDate$/), designer.locator('a[href$="/texts/moveDate"]').first().click()]);
    await designer.locator('textarea[name="relocation:moveDate.hint|ja"]').waitFor();
    await checkPage(designer);

    // Only the Japanese is written: the draft is saved, but publishing is refused until the English is there.
    await designer.locator('textarea[name="relocation:moveDate.hint|ja"]').fill(newHint.ja);
    await designer.locator('textarea[name="relocation:moveDate.hint|en"]').fill("");
    await Promise.all([designer.waitForURL(/\/texts\?done=saved/), designer.getByRole("button", { name: "Save to the draft" }).click()]);
    await designer.getByText("Hint: the English text is missing").first().waitFor();
    await checkPage(designer);
    await designer.getByRole("button", { name: "Publish the draft as version 1" }).click();
    await designer.locator(".error-summary").getByText("Hint: the English text is missing").waitFor();
    await checkPage(designer);

    await designer.goto(`${url}/design/life-events/relocation/texts/moveDate`);
    await designer.locator('textarea[name="relocation:moveDate.hint|en"]').fill(newHint.en);
    await Promise.all([designer.waitForURL(/\/texts\?done=saved/), designer.getByRole("button", { name: "Save to the draft" }).click()]);
    await expect(designer.getByText("Hint: the English text is missing").count()).resolves.toBe(0);

    // The preview is the citizen's question page with the draft's texts, in either language, with its error message too.
    await Promise.all([designer.waitForURL(/\/texts\/moveDate\/preview/), designer.locator('a[href$="/texts/moveDate/preview?lng=ja"]').first().click()]);
    await expect.poll(() => designer.locator("#answer-hint").textContent()).toBe(newHint.ja);
    await designer.getByRole("heading", { level: 1, name: ja.moveDate.title }).waitFor();
    await checkPage(designer);
    await designer.getByRole("link", { name: "英語でプレビュー" }).click();
    await expect.poll(() => designer.locator("#answer-hint").textContent()).toBe(newHint.en);
    await designer.getByRole("button", { name: "Continue" }).click();
    await designer.locator(".error-summary").waitFor();
    await checkPage(designer);
    // Citizens still read the built-in hint: nothing is published yet.
    await citizen.goto(`${url}/life-events/relocation/questions/moveDate`);
    expect(await citizen.locator("#answer-hint").textContent()).toBe(ja.moveDate.hint);

    // Publish: a new content version, with who published it and what changed.
    await designer.goto(`${url}/design/life-events/relocation/texts?lng=en`);
    await Promise.all([designer.waitForURL(/done=published/), designer.getByRole("button", { name: "Publish the draft as version 1" }).click()]);
    await designer.getByRole("heading", { level: 3, name: "Version 1" }).waitFor();
    const history = (await designer.locator("#texts-history").locator("..").textContent()) ?? "";
    expect(history).toContain("中村 彩");
    expect(history).toContain(newHint.en);
    expect(history).toContain(ja.moveDate.hint);
    await checkPage(designer);
    await designer.goto(`${url}/design/life-events/relocation/texts?lng=ja`);
    await designer.getByRole("heading", { level: 3, name: "第1版" }).waitFor();
    await checkPage(designer);

    // Versions: the journeys and cases on each structure version, what version 2 added, and the wording's change.
    await designer.goto(`${url}/design/life-events/relocation/versions?lng=en`);
    await designer.getByRole("heading", { level: 1, name: "Versions of Moving house" }).waitFor();
    expect(await designer.locator("#versions-structure").locator("..").textContent()).toContain("Procedures added");
    await Promise.all([designer.waitForURL(/textsTo=1/), designer.goto(`${url}/design/life-events/relocation/versions?from=1&to=2&textsFrom=0&textsTo=1`)]);
    expect(await designer.locator("#versions-content").locator("..").textContent()).toContain(newHint.en);
    await checkPage(designer);
    await designer.goto(`${url}/design/life-events/relocation/versions?lng=ja`);
    await designer.getByRole("heading", { level: 1, name: "引越し（転居・転入・転出）の版" }).waitFor();
    await checkPage(designer);

    // 田中さん's next page shows the new hint, without a restart, and his journey carries on to check answers.
    await citizen.goto(`${url}/life-events/relocation/questions/moveDate`);
    expect(await citizen.locator("#answer-hint").textContent()).toBe(newHint.ja);
    await checkPage(citizen);
    await answerJourney(citizen, relocation, tanaka.answers);
    expect(new URL(citizen.url()).pathname).toBe("/life-events/relocation/check-answers");
    await checkPage(citizen);

    // Someone who starts afterwards reads it in English.
    const another = await (await newContext(story.browser, { javaScript: true, locale: "en-GB" })).newPage();
    await signIn(another, url, "ito");
    await another.goto(`${url}/life-events/relocation?lng=en`);
    await Promise.all([another.waitForURL(/\/questions\//), another.locator("main form button[type=submit]").click()]);
    await expect.poll(() => another.locator("#answer-hint").textContent()).toBe(newHint.en);
    await checkPage(another);
  });
});
