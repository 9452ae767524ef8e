import { describe, expect, it } from "vitest";
import { checkLifeEvent, type Locales } from "../lib/checks";
import { listLifeEvents } from "../catalogue";
import { relocation } from "../relocation/definition";
import { deadlineParts, lifeEventsByProcedure, matchesQuery, placeProblems, problemCount, problemPlace } from "./catalogue";

describe("the designers' catalogue", () => {
  it("knows which life events use each procedure", () => {
    const using = lifeEventsByProcedure(listLifeEvents());
    expect(using.get("move-in-notification")).toEqual(["relocation"]);
    expect(using.get("company-registration")).toEqual(["incorporation"]);
  });

  it("matches every word of a query in any of the texts, full-width and case alike", () => {
    expect(matchesQuery(["国民年金", "National Pension"], "年金")).toBe(true);
    expect(matchesQuery(["国民年金", "National Pension"], "ｐｅｎｓｉｏｎ　national")).toBe(true);
    expect(matchesQuery(["国民年金", "National Pension"], "pension water")).toBe(false);
    expect(matchesQuery(["anything"], "  ")).toBe(true);
  });

  it("puts a deadline rule into parts", () => {
    expect(deadlineParts({ days: 14, from: "moveDate" })).toEqual({ kind: "after", amount: 14, unit: "days", from: "moveDate" });
    expect(deadlineParts({ months: 2, from: "foundingDate" })).toEqual({ kind: "after", amount: 2, unit: "months", from: "foundingDate" });
    expect(deadlineParts({ before: "moveDate" })).toEqual({ kind: "before", days: 0, from: "moveDate" });
    expect(deadlineParts(null)).toBeNull();
    expect(deadlineParts({ dayOfNextMonth: 10, from: "firstEmploymentDate" })).toEqual({ kind: "dayOfNextMonth", day: 10, from: "firstEmploymentDate" });
    expect(deadlineParts({ earliestOf: [{ months: 3, from: "foundingDate", firstDayCounts: true }, { before: "firstBusinessYearEnd" }] })).toEqual({
      kind: "earliestOf",
      rules: [
        { kind: "after", amount: 3, unit: "months", from: "foundingDate" },
        { kind: "before", days: 0, from: "firstBusinessYearEnd" },
      ],
    });
  });
});

describe("check problems, where they arise", () => {
  it("places a problem at the question or procedure it names, else at the life event", () => {
    expect(problemPlace("question moveDate: no en translation for relocation:moveDate.hint", relocation)).toEqual({ question: "moveDate" });
    expect(problemPlace("procedure nhi-enrolment offers no rejection reasons", relocation)).toEqual({ procedure: "nhi-enrolment" });
    expect(problemPlace("askWhen names an unknown question nothing", relocation)).toEqual({});
    expect(problemPlace("prerequisites form a cycle: a -> b -> a", relocation)).toEqual({});
  });

  it("places the real check's problems for missing English texts beside their questions", () => {
    const empty: Locales = { ja: {}, en: {} };
    const messages = checkLifeEvent(relocation, { locales: empty, maxPaths: 20 }).map((problem) => problem.message);
    const placed = placeProblems(messages, relocation);
    expect(placed.questions.moveDate).toContain("question moveDate: no en translation for relocation:moveDate.title");
    expect(Object.keys(placed.questions).sort()).toEqual(relocation.questions.map((question) => question.id).sort());
    expect(problemCount(placed)).toBe(messages.length);
  });
});
