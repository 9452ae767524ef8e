import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { getLifeEvent, getQuestion } from "../../../flows";
import { fieldId, QuestionField, type FieldErrors } from "./question-field";

const relocation = getLifeEvent("relocation")!;

function renderQuestion(questionId: string, value: unknown, errors: FieldErrors = {}) {
  const question = getQuestion(relocation, questionId)!;
  const Stub = createRemixStub([{ path: "/", Component: () => <QuestionField question={question} name="answer" value={value} errors={errors} asPageHeading /> }]);
  return render(<Stub />);
}

describe("QuestionField", () => {
  it("labels a single input with the question as the page heading, and shows its error at the field", async () => {
    renderQuestion("phone", "<b>x</b>", { answer: ["relocation:phone.errors.pattern"] });
    const input = await screen.findByRole("textbox", { name: "事業者からの連絡先の電話番号を確認してください" });
    expect(input).toHaveValue("<b>x</b>");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(expect.stringContaining("電話番号は0から始まる"));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("事業者からの連絡先の電話番号を確認してください");
  });

  it("asks yes or no as a group of radios with the answer checked", async () => {
    renderQuestion("hasMyNumberCard", true);
    const group = await screen.findByRole("group");
    expect(group).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "はい" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "いいえ" })).not.toBeChecked();
  });

  it("shows an address with the look-up button and read-only parts the look-up fills", async () => {
    renderQuestion("newAddress", { postalCode: "1600023", prefecture: "東京都", municipality: "新宿区", municipalityCode: "13104", town: "西新宿", street: "" });
    expect(await screen.findByRole("button", { name: "郵便番号から住所を検索" })).toBeInTheDocument();
    expect(screen.getByDisplayValue("新宿区")).toHaveAttribute("readonly");
    expect(screen.getByDisplayValue("西新宿")).not.toHaveAttribute("readonly");
  });

  it("lists each household member with its own fields and a remove button, and an add button", async () => {
    renderQuestion("movingMembers", [{ name: "佐藤 由美", nameKana: "サトウ ユミ", birthDate: "1987-02-14", relationship: "spouse" }]);
    expect(await screen.findByDisplayValue("佐藤 由美")).toHaveAttribute("name", "answer[0].name");
    expect(screen.getByRole("radio", { name: "配偶者" })).toBeChecked();
    expect(screen.getByRole("button", { name: /削除|Remove/ })).toHaveAttribute("value", "remove-0");
    expect(screen.getByRole("button", { name: /追加|Add/ })).toHaveAttribute("value", "add");
  });

  it("makes ids from Conform's field names", () => {
    expect(fieldId("answer[0].name")).toBe("answer-0-name");
    expect(fieldId("answer.postalCode")).toBe("answer-postalCode");
  });
});
