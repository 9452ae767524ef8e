// A problem with an answer, carried as one string, reads as a sentence in each language: dates in the
// page's language and the window of the procedure that bounds them, in words (GOV.UK error style).
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import enRelocation from "../../public/locales/en/relocation.json";
import jaRelocation from "../../public/locales/ja/relocation.json";
import enIncorporation from "../../public/locales/en/incorporation.json";
import jaIncorporation from "../../public/locales/ja/incorporation.json";
import { issueText } from "./issue-message";
import { encodeIssue } from "./issue-message.server";

async function translator(lng: "ja" | "en") {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { ja: { relocation: jaRelocation, incorporation: jaIncorporation }, en: { relocation: enRelocation, incorporation: enIncorporation } },
  });
  return instance.t;
}

const window = encodeIssue({
  message: "relocation:errors.dateWindow.between",
  params: { procedure: "move-out-notification", earliest: "2026-02-19", latest: "2026-03-31" },
});

describe("issue messages", () => {
  it("say the move date window with its dates and its rule, in English", async () => {
    expect(issueText(await translator("en"), "en", window)).toBe(
      "The date of the move must be between 19 February 2026 and 31 March 2026. A move-out notification can be made online from 30 days before the move until 10 days after it.",
    );
  });

  it("say it in Japanese", async () => {
    expect(issueText(await translator("ja"), "ja", window)).toBe(
      "引越しの日は2026年2月19日から2026年3月31日までの日付を入力してください。転出届はオンラインでは引越しの30日前から引越し後10日以内まで届け出られます。",
    );
  });

  it("fill other values as they are, and leave a plain key a plain key", async () => {
    const t = await translator("en");
    expect(issueText(t, "en", encodeIssue({ message: "incorporation:companyName.errors.companyType", params: { word: "合同会社" } }))).toContain("must include “合同会社”");
    expect(issueText(t, "en", "relocation:errors.required")).toBe("Enter an answer");
  });
});
