// flows:check refuses a form item that is neither filled nor explained, and a data item no form item asks.
import { describe, expect, it } from "vitest";
import { checkLifeEvents, getLifeEvent, listProcedures } from "../index";
import { locales } from "./test-helpers";
import { fill, fillForm, formProblems, formView, notNeeded } from "./official-form";
import { selectProcedures } from "./selection";
import { isDataItemKey } from "./data-dictionary";

describe("official forms", () => {
  it("every procedure of the catalogue carries its form, and the published flows pass", () => {
    for (const procedure of listProcedures()) expect(procedure.form, procedure.id).toBeDefined();
    expect(checkLifeEvents({ locales }).filter((problem) => /form/.test(problem.message))).toEqual([]);
  });

  it("explains every item it does not fill in Japanese as well as English", () => {
    for (const procedure of listProcedures()) {
      for (const item of procedure.form!.items.filter((candidate) => candidate.dataItem === null)) {
        expect(item.because?.ja, `${procedure.id}: ${item.item}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(item.because?.en, `${procedure.id}: ${item.item}`).toBe(item.notNeededBecause);
      }
    }
  });

  it("the English view of every form says why each item is not needed in English: no Japanese-only reason (#17)", () => {
    const latin = /[A-Za-z]{3,}/;
    for (const procedure of listProcedures()) {
      const english = formView(procedure.form!, {}, "en").items.filter((item) => item.status === "notNeeded");
      const japanese = formView(procedure.form!, {}, "ja").items.filter((item) => item.status === "notNeeded");
      for (const [index, item] of english.entries()) {
        const label = `${procedure.id}: ${item.item}`;
        expect(item.reason, label).toMatch(latin);
        // Japanese words may gloss a term (特例転入), but the sentence is English: most of it is not kana or kanji.
        expect((item.reason!.match(/[\u3040-\u30ff\u4e00-\u9fff]/g) ?? []).length, label).toBeLessThan(item.reason!.length / 3);
        expect(item.reason, label).not.toBe(japanese[index].reason);
        expect(japanese[index].reason, label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });

  it("fails on an item with neither a data item nor a reason, and on a sent item the form does not ask", () => {
    const form = { name: "転出届", date: "2026", source: "law", items: [fill("氏名", "name"), { item: "印", dataItem: null, notNeededBecause: null, because: null }] };
    expect(formProblems("p", form, ["name", "phone"], isDataItemKey)).toEqual([
      'procedure p: form item "印" has neither a data item nor a reason it is not needed',
      "procedure p sends phone, which no item of its form asks for",
    ]);
    expect(formProblems("p", { ...form, items: [fill("氏名", "birthDate"), notNeeded("印", { ja: " ", en: " " })] }, ["name"], isDataItemKey)).toEqual([
      'procedure p: form item "氏名" is filled by birthDate, which the procedure does not send',
      'procedure p: form item "印" has neither a data item nor a reason it is not needed',
      "procedure p sends name, which no item of its form asks for",
    ]);
    // A reason in English only would leave a Japanese page with an English sentence.
    expect(formProblems("p", { ...form, items: [fill("氏名", "name"), notNeeded("印", { ja: "", en: "Signed online." })] }, ["name"], isDataItemKey)).toEqual([
      'procedure p: form item "印": the reason it is not needed has no Japanese text',
    ]);
    expect(formProblems("p", undefined, [], isDataItemKey)).toEqual(["procedure p has no official form (name, date, source and items)"]);
  });

  it("a life event whose procedure's form leaves an item unexplained does not pass flows:check", () => {
    const relocation = getLifeEvent("relocation")!;
    const [first, ...rest] = relocation.rules;
    const broken = {
      ...first.procedure,
      form: { ...first.procedure.form!, items: [...first.procedure.form!.items, { item: "謎の欄", dataItem: null, notNeededBecause: null, because: null }] },
    };
    const lifeEvent = { ...relocation, rules: [{ ...first, procedure: broken }, ...rest] };
    const problems = checkLifeEvents({ locales, lifeEvents: [lifeEvent], maxPaths: 1 }).map((problem) => problem.message);
    expect(problems).toContain(`procedure ${first.procedure.id}: form item "謎の欄" has neither a data item nor a reason it is not needed`);
  });

  it("fills a procedure's form from its payload, in the form's order, and explains the items it does not fill", () => {
    const relocation = getLifeEvent("relocation")!;
    const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;
    const moveIn = selectProcedures({ lifeEvent: relocation, answers: nguyen.answers, record: nguyen.record }).find((selected) => selected.procedureId === "move-in-notification")!;
    const form = listProcedures().find((procedure) => procedure.id === "move-in-notification")!.form!;
    const filled = fillForm(form, moveIn.payload as Record<string, unknown>);
    expect(filled.items.map((entry) => entry.item)).toEqual(form.items.map((entry) => entry.item));
    expect(filled.items.find((entry) => entry.dataItem === "residenceCardNumber")).toMatchObject({ status: "filled", value: "AB12345678CD" });
    expect(filled.items.find((entry) => entry.dataItem === "moveDate")).toMatchObject({ status: "filled", value: nguyen.answers.moveDate });
    for (const entry of filled.items.filter((candidate) => candidate.dataItem === null)) {
      expect(entry).toMatchObject({ status: "notNeeded", value: null, notNeededBecause: expect.any(String), because: { ja: expect.any(String), en: entry.notNeededBecause } });
    }
    // What the reader may not see (not consented, or known only at submission) is absent, not filled.
    const { residenceCardNumber: _hidden, ...rest } = moveIn.payload as Record<string, unknown>;
    expect(fillForm(form, rest).items.find((entry) => entry.dataItem === "residenceCardNumber")).toMatchObject({ status: "absent", value: null });
  });
});
