// A problem with an answer, carried as one string, reads as a sentence in each language: dates in the
// page's language and the window of the procedure that bounds them, in words (GOV.UK error style).
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import enRelocation from "../../public/locales/en/relocation.json";
import jaRelocation from "../../public/locales/ja/relocation.json";
import enIncorporation from "../../public/locales/en/incorporation.json";
import jaIncorporation from "../../public/locales/ja/incorporation.json";
import enCarOwnership from "../../public/locales/en/car-ownership.json";
import jaCarOwnership from "../../public/locales/ja/car-ownership.json";
import { issueText } from "./issue-message";
import { encodeIssue } from "./issue-message.server";
import { getLifeEvent, getQuestion } from "../../flows";

async function translator(lng: "ja" | "en") {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: {
      ja: { relocation: jaRelocation, incorporation: jaIncorporation, "car-ownership": jaCarOwnership },
      en: { relocation: enRelocation, incorporation: enIncorporation, "car-ownership": enCarOwnership },
    },
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

  it("say the car's acquisition date window, with the law that sets it, in both languages (#17)", async () => {
    const car = encodeIssue({
      message: "car-ownership:errors.dateWindow.between",
      params: { procedure: "vehicle-transfer-registration", earliest: "2026-02-14", latest: "2026-03-31" },
    });
    expect(issueText(await translator("en"), "en", car)).toBe(
      "The date you acquire the car must be between 14 February 2026 and 31 March 2026. A change of owner must be registered within 15 days of acquiring the car (Road Transport Vehicle Act, Article 13(1)). Your data can be sent ahead from 30 days before you acquire it.",
    );
    expect(issueText(await translator("ja"), "ja", car)).toBe(
      "自動車の取得日は2026年2月14日から2026年3月31日までの日付を入力してください。移転登録（名義変更）は、自動車を取得した日から15日以内に申請する必要があります（道路運送車両法第13条第1項）。データの事前送付は取得日の30日前からできます。",
    );
  });

  it("fill other values as they are, and leave a plain key a plain key", async () => {
    const t = await translator("en");
    expect(issueText(t, "en", encodeIssue({ message: "incorporation:companyName.errors.companyType", params: { word: "合同会社" } }))).toContain("must include “合同会社”");
    expect(issueText(t, "en", "relocation:errors.dateWindow.between")).toContain("must be between");
  });

  it("name what each question asks and how to fix it (GOV.UK pattern), in both languages", async () => {
    const en = await translator("en");
    const ja = await translator("ja");
    const said = (t: typeof en, lng: "ja" | "en", question: string, value: unknown, id = question) => {
      const [lifeEvent, questionId] = question.split(":");
      const parsed = getQuestion(getLifeEvent(lifeEvent)!, questionId)!.schema.safeParse(value);
      expect(parsed.success, id).toBe(false);
      return issueText(t, lng, parsed.error!.issues[0].message);
    };
    expect(said(en, "en", "relocation:moveDate", "")).toBe("Enter the date of your move");
    expect(said(ja, "ja", "relocation:moveDate", "")).toBe("引越しの日を入力してください");
    expect(said(en, "en", "relocation:moveDate", "2026-02-30")).toBe("Enter the date of your move as a real date, for example 20 March 2026");
    expect(said(en, "en", "relocation:hasMyNumberCard", undefined)).toBe("Select whether you have a My Number Card");
    expect(said(ja, "ja", "relocation:hasMyNumberCard", undefined)).toBe("マイナンバーカードを持っているかどうかを選んでください");
    expect(said(en, "en", "relocation:healthInsurance", "x")).toBe("Select your health insurance");
    expect(said(en, "en", "relocation:currentSchool", "x".repeat(101))).toBe("Enter the name of your children's current school in 100 characters or fewer");
    expect(said(en, "en", "incorporation:fiscalYearEndMonth", "13")).toBe("Enter a number from 1 to 12 for the month the financial year ends");
    expect(said(ja, "ja", "incorporation:fiscalYearEndMonth", "0")).toBe("事業年度の終わりの月は1から12までの数で入力してください");
    expect(said(en, "en", "incorporation:capital", "0")).toBe("Enter at least 1 yen for the share capital");
    expect(said(en, "en", "incorporation:employeeCount", "two")).toBe("Enter the number of employees as a whole number in digits");
    expect(said(en, "en", "relocation:vehicles", [])).toBe("Add your vehicles (at least 1)");
    expect(said(en, "en", "relocation:newAddress", { postalCode: "1600023", street: "" })).toMatch(/^Enter the /);
  });
});
