// flows:check refuses a form item that is neither filled nor explained, and a data item no form item asks.
import { describe, expect, it } from "vitest";
import { checkLifeEvents, getLifeEvent, listProcedures } from "../index";
import { locales } from "./test-helpers";
import { fill, formProblems, notNeeded } from "./official-form";
import { isDataItemKey } from "./data-dictionary";

describe("official forms", () => {
  it("every procedure of the catalogue carries its form, and the published flows pass", () => {
    for (const procedure of listProcedures()) expect(procedure.form, procedure.id).toBeDefined();
    expect(checkLifeEvents({ locales }).filter((problem) => /form/.test(problem.message))).toEqual([]);
  });

  it("fails on an item with neither a data item nor a reason, and on a sent item the form does not ask", () => {
    const form = { name: "転出届", date: "2026", source: "law", items: [fill("氏名", "name"), { item: "印", dataItem: null, notNeededBecause: null }] };
    expect(formProblems("p", form, ["name", "phone"], isDataItemKey)).toEqual([
      'procedure p: form item "印" has neither a data item nor a reason it is not needed',
      "procedure p sends phone, which no item of its form asks for",
    ]);
    expect(formProblems("p", { ...form, items: [fill("氏名", "birthDate"), notNeeded("印", " ")] }, ["name"], isDataItemKey)).toEqual([
      'procedure p: form item "氏名" is filled by birthDate, which the procedure does not send',
      'procedure p: form item "印" has neither a data item nor a reason it is not needed',
      "procedure p sends name, which no item of its form asks for",
    ]);
    expect(formProblems("p", undefined, [], isDataItemKey)).toEqual(["procedure p has no official form (name, date, source and items)"]);
  });

  it("a life event whose procedure's form leaves an item unexplained does not pass flows:check", () => {
    const relocation = getLifeEvent("relocation")!;
    const [first, ...rest] = relocation.rules;
    const broken = {
      ...first.procedure,
      form: { ...first.procedure.form!, items: [...first.procedure.form!.items, { item: "謎の欄", dataItem: null, notNeededBecause: null }] },
    };
    const lifeEvent = { ...relocation, rules: [{ ...first, procedure: broken }, ...rest] };
    const problems = checkLifeEvents({ locales, lifeEvents: [lifeEvent], maxPaths: 1 }).map((problem) => problem.message);
    expect(problems).toContain(`procedure ${first.procedure.id}: form item "謎の欄" has neither a data item nor a reason it is not needed`);
  });
});
