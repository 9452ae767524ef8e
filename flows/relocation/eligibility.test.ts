// School years, the child allowance age and calendar arithmetic, on the boundary days that matter.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn } from "../lib/dates";
import { isCareInsuranceAge, isChildAllowanceAge, isCompulsorySchoolAge, schoolGrade } from "./eligibility";

describe("eligibility", () => {
  it.each([
    ["2019-04-01", "2025-04-01", 1], // born 1 April: the older school year
    ["2019-04-02", "2025-04-01", 0],
    ["2015-06-20", "2026-03-28", 4],
    ["2012-09-01", "2026-03-31", 7], // first year of junior high
  ])("a child born %s is, on %s, in grade %i", (birthDate, on, grade) => {
    expect(schoolGrade(birthDate, on)).toBe(grade);
  });

  it("compulsory school age is grades 1 to 9", () => {
    expect(isCompulsorySchoolAge("2019-04-02", "2026-04-01")).toBe(true);
    expect(isCompulsorySchoolAge("2010-04-02", "2026-04-01")).toBe(false);
  });

  it("child allowance runs until the first 31 March after the 18th birthday", () => {
    expect(isChildAllowanceAge("2007-06-01", "2026-03-31")).toBe(true);
    expect(isChildAllowanceAge("2007-06-01", "2026-04-01")).toBe(false);
    expect(isChildAllowanceAge("2026-05-01", "2026-04-01")).toBe(false); // not yet born
  });

  it("care insurance from the 65th birthday", () => {
    expect(isCareInsuranceAge("1961-03-20", "2026-03-20")).toBe(true);
    expect(isCareInsuranceAge("1961-03-20", "2026-03-19")).toBe(false);
    expect(ageOn("1953-07-07", "2026-04-10")).toBe(72);
  });

  it("adds days and months on the calendar", () => {
    expect(addDays("2026-03-20", 14)).toBe("2026-04-03");
    expect(addDays("2026-03-01", -3)).toBe("2026-02-26");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-04-01", 2)).toBe("2026-06-01");
  });
});
