// Ages that decide eligibility when moving: Japanese school years run April to March, and the child
// allowance runs until the first 31 March after the 18th birthday.
import { ageOn } from "../lib/dates";

/** A child born 2 April–1 April belongs to the same school year (4月2日〜翌年4月1日生まれ). */
function cohortYear(birthDate: string): number {
  const year = Number(birthDate.slice(0, 4));
  return birthDate.slice(5) >= "04-02" ? year : year - 1;
}

function academicYear(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** 1–6 elementary school, 7–9 junior high; 0 or less before school, 10 or more after compulsory education. */
export function schoolGrade(birthDate: string, on: string): number {
  return academicYear(on) - cohortYear(birthDate) - 6;
}

export function isCompulsorySchoolAge(birthDate: string, on: string): boolean {
  const grade = schoolGrade(birthDate, on);
  return grade >= 1 && grade <= 9;
}

/** Child allowance: until the first 31 March after turning 18 (高校生年代まで). */
export function isChildAllowanceAge(birthDate: string, on: string): boolean {
  return on >= birthDate && schoolGrade(birthDate, on) <= 12;
}

export function isCareInsuranceAge(birthDate: string, on: string): boolean {
  return ageOn(birthDate, on) >= 65;
}
