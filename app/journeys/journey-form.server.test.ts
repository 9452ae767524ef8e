import { describe, expect, it } from "vitest";
import { getLifeEvent, getQuestion } from "../../flows";
import { readQuestionForm } from "./journey-form.server";

const relocation = getLifeEvent("relocation")!;
const question = (id: string) => getQuestion(relocation, id)!;
const form = (entries: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) fd.append(k, one);
  return fd;
};

describe("reading a question page", () => {
  it("fills the address from the postal code and ignores tampered municipality fields", () => {
    const result = readQuestionForm(
      question("newAddress"),
      form({ "answer.postalCode": "160-0023", "answer.municipalityCode": "01101", "answer.prefecture": "北海道", "answer.street": "三丁目7番1号" }),
    );
    expect(result).toEqual({
      kind: "answer",
      value: { postalCode: "1600023", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿", street: "三丁目7番1号" },
    });
  });

  it("looks up a postal code without saving, keeping what was typed", () => {
    const result = readQuestionForm(question("newAddress"), form({ intent: "lookup", "answer.postalCode": "2310023", "answer.building": "801" }));
    expect(result).toMatchObject({ kind: "redisplay", errors: {}, value: { municipality: "横浜市中区", town: "山下町", building: "801" } });
  });

  it("says when a postal code of 7 digits does not exist, naming it, and keeps the rest", () => {
    const result = readQuestionForm(question("newAddress"), form({ "answer.postalCode": "０００-0000", "answer.street": "1-2-3" }));
    expect(result).toMatchObject({ kind: "redisplay", errors: { "answer.postalCode": ["journey:form.postalCodeNotFound?code=0000000"] }, value: { street: "1-2-3" } });
  });

  it("keeps nothing from an earlier postal code: a new code brings its own town, an unknown or short one empties the address it owned", () => {
    // The page showed 横浜市中区 山下町 for 2310023; the person enters 1600023.
    const shown = { postalCodeShown: "2310023", "answer.prefecture": "神奈川県", "answer.municipality": "横浜市中区", "answer.municipalityCode": "14104", "answer.town": "山下町", "answer.street": "1-2-3" };
    expect(readQuestionForm(question("newAddress"), form({ ...shown, intent: "lookup", "answer.postalCode": "1600023" }))).toMatchObject({
      kind: "redisplay",
      value: { postalCode: "1600023", prefecture: "東京都", municipality: "新宿区", municipalityCode: "13104", town: "西新宿", street: "1-2-3" },
    });
    for (const postalCode of ["0000000", "16000"]) {
      expect(readQuestionForm(question("newAddress"), form({ ...shown, intent: "lookup", "answer.postalCode": postalCode }))).toMatchObject({
        kind: "redisplay",
        value: { postalCode, prefecture: "", municipality: "", municipalityCode: "", town: "", street: "1-2-3" },
      });
    }
    // The same code again keeps the town the person typed or chose for it.
    expect(readQuestionForm(question("newAddress"), form({ ...shown, "answer.town": "山下町（中華街）", intent: "lookup", "answer.postalCode": "231-0023" }))).toMatchObject({
      value: { postalCode: "2310023", town: "山下町（中華街）" },
    });
  });

  it("asks for 7 digits only when the postal code does not have them, and for one when it is missing", () => {
    expect(readQuestionForm(question("newAddress"), form({ "answer.postalCode": "16000", "answer.street": "1-2-3" }))).toMatchObject({
      kind: "redisplay",
      errors: { "answer.postalCode": ["relocation:errors.postalCode"] },
      value: { postalCode: "16000", street: "1-2-3" },
    });
    expect(readQuestionForm(question("newAddress"), form({ intent: "lookup", "answer.postalCode": "" }))).toMatchObject({
      errors: { "answer.postalCode": ["relocation:errors.required?what=relocation%3Aaddress.what.postalCode"] },
    });
  });

  it("returns one error per field, naming the question, for a bad date, and keeps the value", () => {
    for (const typed of ["2026-02-30", "31/02/2026"]) {
      const result = readQuestionForm(question("moveDate"), form({ answer: typed }));
      expect(result).toEqual({ kind: "redisplay", value: typed, errors: { answer: ["relocation:errors.invalidDate?what=relocation%3AmoveDate.what"] } });
    }
  });

  it("adds and removes household members without saving", () => {
    const fields = { "answer[0].name": "佐藤 由美", "answer[0].birthDate": "1987-02-14", "answer[0].relationship": "spouse" };
    expect(readQuestionForm(question("movingMembers"), form({ ...fields, intent: "add" }))).toMatchObject({
      kind: "redisplay",
      value: [{ name: "佐藤 由美" }, {}],
    });
    expect(readQuestionForm(question("movingMembers"), form({ ...fields, intent: "remove-0" }))).toMatchObject({ kind: "redisplay", value: [] });
  });

  it("accepts an empty household as nobody moving with you", () => {
    expect(readQuestionForm(question("movingMembers"), form({}))).toEqual({ kind: "answer", value: [] });
  });

  it("treats hostile text as text", () => {
    const result = readQuestionForm(question("phone"), form({ answer: "<script>alert(1)</script>" }));
    expect(result.kind).toBe("redisplay");
    expect(result).toMatchObject({ value: "<script>alert(1)</script>" });
  });
});
