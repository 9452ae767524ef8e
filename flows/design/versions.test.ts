// The difference between two versions of a life event, as the designers' versions page shows it.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../catalogue";
import { defineLifeEvent } from "../lib/life-event";
import { questionsFor } from "../lib/questions";
import * as catalogue from "../procedures";
import { diffVersions } from "./versions";

describe("diffVersions", () => {
  it("finds the three procedures moving house version 2 added, with their payload items, and nothing else", () => {
    const diff = diffVersions(getLifeEvent("relocation", 1)!, getLifeEvent("relocation", 2)!, 20);
    expect(diff.procedures).toEqual({ added: ["child-allowance-end", "number-plate-change", "automobile-tax-address-change"], removed: [] });
    expect(diff.questions).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.rules).toEqual([]);
    expect(diff.payloads.map((payload) => payload.procedureId)).toEqual(diff.procedures.added);
    expect(diff.payloads[0].added).toEqual([...catalogue.childAllowanceEnd.dataItems]);
  });

  it("finds what starting a company version 2 added for #17: the employees question, their enrolment and the premium declaration", () => {
    const diff = diffVersions(getLifeEvent("incorporation", 1)!, getLifeEvent("incorporation", 2)!, 20);
    expect(diff.questions).toEqual({ added: ["employees"], removed: [], changed: [] });
    expect(diff.procedures).toEqual({ added: ["labour-insurance-premium-declaration", "employment-insurance-enrolment"], removed: [] });
    expect(diff.rules).toEqual([]);
    expect(diff.payloads.map((payload) => payload.procedureId)).toEqual(diff.procedures.added);
  });

  it("finds what car ownership version 2 changed for #17: the kei car's inspection split in two, its parking notification only where the law applies", () => {
    const diff = diffVersions(getLifeEvent("car-ownership", 1)!, getLifeEvent("car-ownership", 2)!, 20);
    expect(diff.questions).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.procedures).toEqual({ added: ["kei-vehicle-new-inspection", "kei-vehicle-owner-change"], removed: ["kei-vehicle-inspection"] });
    expect(diff.payloads.map((payload) => payload.procedureId)).toEqual(expect.arrayContaining(diff.procedures.added));
  });

  it("finds a question added and removed, a changed kind, and rules that decide differently", () => {
    const q = questionsFor("example");
    const before = defineLifeEvent({
      id: "example",
      version: 1,
      title: { ja: "例", en: "Example" },
      description: { ja: "例", en: "Example" },
      questions: [q.yesNo("hasDog"), q.text("dogName"), q.text("old")] as const,
      askWhen: { dogName: ({ answers }) => answers.hasDog === true },
      provides: {},
      procedures: [{ procedure: catalogue.dogRegistrationChange, when: ({ answers }) => answers.hasDog === true }],
    });
    const after = defineLifeEvent({
      id: "example",
      version: 2,
      title: { ja: "例", en: "Example" },
      description: { ja: "例", en: "Example" },
      questions: [q.yesNo("hasDog"), q.date("dogName"), q.text("new")] as const,
      askWhen: {},
      provides: {},
      procedures: [{ procedure: catalogue.dogRegistrationChange, when: () => false }],
    });
    const diff = diffVersions(before, after);
    expect(diff.questions.added).toEqual(["new"]);
    expect(diff.questions.removed).toEqual(["old"]);
    expect(diff.questions.changed).toEqual([{ id: "dogName", changes: ["type", "askWhen"] }]);
    expect(diff.rules.map(({ kind, id }) => [kind, id])).toEqual([
      ["question", "dogName"],
      ["procedure", "dog-registration-change"],
    ]);
    expect(diff.rules.every((rule) => rule.situations > 0)).toBe(true);
  });
});
