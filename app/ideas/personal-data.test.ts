// What the IDEA BOX points out and masks before publishing, and what it leaves alone.
import { describe, expect, it } from "vitest";
import { findPersonalData, MASK, maskPersonalData } from "./personal-data";

const kinds = (text: string) => findPersonalData(text).map((f) => [f.kind, f.text]);

describe("personal data in ideas", () => {
  it("finds a 12-digit number like a My Number, with or without spaces, in full-width digits too", () => {
    expect(kinds("番号は123456789012です")).toEqual([["myNumber", "123456789012"]]);
    expect(kinds("1234 5678 9012")).toEqual([["myNumber", "1234 5678 9012"]]);
    expect(kinds("１２３４５６７８９０１２")).toEqual([["myNumber", "１２３４５６７８９０１２"]]);
  });

  it("finds phone numbers", () => {
    expect(kinds("電話 090-1234-5678 まで")).toEqual([["phone", "090-1234-5678"]]);
    expect(kinds("03-1234-5678")).toEqual([["phone", "03-1234-5678"]]);
    expect(kinds("call 09012345678")).toEqual([["phone", "09012345678"]]);
    expect(kinds("+81 90 1234 5678")).toEqual([["phone", "+81 90 1234 5678"]]);
  });

  it("finds e-mail addresses", () => {
    expect(kinds("mail: taro.yamada@example.co.jp please")).toEqual([["email", "taro.yamada@example.co.jp"]]);
  });

  it("finds postal codes and street addresses", () => {
    expect(kinds("〒160-0023 新宿区西新宿2丁目8番1号")).toEqual([
      ["postalAddress", "〒160-0023"],
      ["postalAddress", "2丁目8番1号"],
    ]);
    expect(kinds("神田神保町1-2-3に住んでいます")).toEqual([["postalAddress", "1-2-3"]]);
    expect(kinds("I live at 12 Kanda Street.")).toEqual([["postalAddress", "12 Kanda Street."]]);
  });

  it("leaves ordinary numbers and dates alone", () => {
    expect(kinds("転出届の画面で3回も戻りました。2026-04-01に14日以内と言われた")).toEqual([]);
    expect(kinds("version 2 took 5 minutes, 100 people")).toEqual([]);
  });

  it("masks every finding with a mask of fixed length", () => {
    expect(maskPersonalData("090-1234-5678 と a@b.jp に連絡を")).toBe(`${MASK} と ${MASK} に連絡を`);
    expect(maskPersonalData("何もない文")).toBe("何もない文");
  });
});
