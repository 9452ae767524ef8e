// Every procedure's deadline against a worked example counted by hand from the law that sets it: the date the
// period runs from, the first day not counted unless the law says "以後" or the period starts at midnight
// (民法第140条), a period of months ending the day before the corresponding day (民法第143条). A procedure added
// to the catalogue without a worked example here fails the last test.
import { describe, expect, it } from "vitest";
import { deadlineFor } from "../lib/procedure";
import { firstBusinessYearEnd } from "../lib/dates";
import { listProcedures } from "./index";

type Example = { data: Record<string, string>; due: string | null; because: string };

const moved = { moveDate: "2026-04-01" };
const founded = { foundingDate: "2026-04-01" };
const hired = { firstEmploymentDate: "2026-04-01" };
const acquired = { acquisitionDate: "2026-04-01" };
const company = (foundingDate: string, fiscalYearEndMonth: number) => ({ foundingDate, firstBusinessYearEnd: firstBusinessYearEnd(foundingDate, fiscalYearEndMonth) });

/** By procedure: one or more worked examples. */
const workedExamples: Record<string, Example[]> = {
  // Moving house
  "move-out-notification": [{ data: moved, due: "2026-04-01", because: "before moving out (あらかじめ); the online route then closes 10 days after" }],
  "move-in-notification": [
    { data: moved, due: "2026-04-15", because: "within 14 days of moving in, 1 April not counted" },
    { data: { moveDate: "2026-12-25" }, due: "2027-01-08", because: "across the new year" },
  ],
  "change-of-address-notification": [{ data: { moveDate: "2026-02-20" }, due: "2026-03-06", because: "14 days, across the end of February" }],
  "my-number-card-address-update": [{ data: moved, due: "2026-04-15", because: "with the move-in notification, 14 days" }],
  "nhi-withdrawal": [{ data: moved, due: "2026-04-15", because: "14 days" }],
  "nhi-enrolment": [{ data: moved, due: "2026-04-15", because: "14 days" }],
  "national-pension-address-change": [{ data: moved, due: "2026-04-15", because: "14 days" }],
  "pension-recipient-address-change": [{ data: moved, due: "2026-04-11", because: "10 days" }],
  "long-term-care-insurance": [{ data: moved, due: "2026-04-15", because: "14 days" }],
  "child-allowance-claim": [{ data: moved, due: "2026-04-16", because: "within 15 days of the move (the 15-day rule)" }],
  "child-allowance-end": [{ data: moved, due: null, because: "the entitlement ends with the move-out; the notice names no number of days" }],
  "school-transfer": [{ data: moved, due: "2026-04-15", because: "14 days" }],
  "dog-registration-change": [{ data: moved, due: "2026-05-01", because: "30 days" }],
  "drivers-licence-address-change": [{ data: moved, due: null, because: "'promptly' (速やかに), no number of days" }],
  "parking-certificate": [{ data: moved, due: "2026-04-16", because: "15 days" }],
  "vehicle-registration-change": [{ data: moved, due: "2026-04-16", because: "15 days" }],
  "number-plate-change": [{ data: moved, due: "2026-04-16", because: "with the registration change, 15 days" }],
  "automobile-tax-address-change": [{ data: moved, due: null, because: "with the registration change, no period of its own" }],
  "water-stop": [{ data: moved, due: "2026-03-29", because: "the waterworks ask 3 days ahead (no statute)" }],
  "water-start": [{ data: moved, due: "2026-03-29", because: "the waterworks ask 3 days ahead (no statute)" }],
  "electricity-move": [{ data: moved, due: "2026-03-29", because: "the company asks 3 days ahead (no statute)" }],
  "gas-move": [{ data: moved, due: "2026-03-29", because: "the company asks 3 days ahead (no statute)" }],
  "internet-move": [{ data: moved, due: "2026-03-18", because: "the company asks 14 days ahead for the line's work (no statute)" }],
  "mail-forwarding": [{ data: moved, due: null, because: "Japan Post's service, no legal deadline" }],
  "bank-address-change": [{ data: moved, due: null, because: "the bank's terms: 'promptly', no number of days" }],
  // Starting a company
  "articles-certification": [{ data: founded, due: "2026-03-25", because: "before the registration; 7 days ahead for the notary's appointment" }],
  "company-registration": [{ data: founded, due: "2026-04-01", because: "the company exists from the day of registration, the founding date" }],
  "corporation-establishment-notification": [
    { data: founded, due: "2026-05-31", because: "within two months on or after (以後) the founding date, so 1 April counts" },
    { data: { foundingDate: "2026-12-31" }, due: "2027-02-28", because: "no 30 February: the last day of February" },
  ],
  "blue-return-approval": [
    { data: company("2026-04-01", 3), due: "2026-06-30", because: "the day before three months have passed (以後), 1 April counted" },
    { data: company("2026-02-10", 3), due: "2026-03-30", because: "a short first business year ending 31 March: the day before its end comes first" },
    { data: company("2026-12-01", 2), due: "2027-02-27", because: "a business year ending in February (common year)" },
    { data: company("2027-12-01", 2), due: "2028-02-28", because: "a business year ending in February (leap year)" },
  ],
  "salary-payment-office": [
    { data: founded, due: "2026-05-01", because: "within one month of opening, 1 April not counted" },
    { data: { foundingDate: "2026-01-31" }, due: "2026-02-28", because: "counted from 1 February, the month ends on 28 February" },
  ],
  "prefectural-establishment-notification": [{ data: founded, due: "2026-04-16", because: "within 15 days of founding" }],
  "municipal-establishment-notification": [{ data: founded, due: "2026-05-01", because: "within 30 days" }],
  "social-insurance-enrolment": [{ data: founded, due: "2026-04-06", because: "within 5 days" }],
  "labour-insurance-establishment": [{ data: hired, due: "2026-04-11", because: "within 10 days, counted from the next day" }],
  "labour-insurance-premium-declaration": [
    { data: hired, due: "2026-05-21", because: "within 50 days, counted from the next day" },
    { data: { firstEmploymentDate: "2026-12-15" }, due: "2027-02-03", because: "across the new year" },
  ],
  "employment-insurance-office": [{ data: hired, due: "2026-04-11", because: "within 10 days, counted from the next day" }],
  "employment-insurance-enrolment": [
    { data: hired, due: "2026-05-10", because: "by the 10th of the next month" },
    { data: { firstEmploymentDate: "2026-12-31" }, due: "2027-01-10", because: "hired on 31 December: 10 January" },
  ],
  "corporate-bank-account": [{ data: founded, due: null, because: "a bank's service, no legal deadline" }],
  // Owning a car
  "parking-certificate-purchase": [{ data: acquired, due: null, because: "needed before the registration (its prerequisite), no period of its own" }],
  "vehicle-new-registration": [{ data: acquired, due: null, because: "a new car may not run until registered; no period" }],
  "vehicle-transfer-registration": [{ data: acquired, due: "2026-04-16", because: "within 15 days of the change of owner" }],
  "automobile-tax-acquisition": [{ data: acquired, due: null, because: "declared at the registration, no period of its own" }],
  // Version 1's single kei procedure, kept for its cases: it gave a new kei car the change of owner's 15 days.
  "kei-vehicle-inspection": [{ data: acquired, due: "2026-04-16", because: "version 1: within 15 days, as a change of owner" }],
  "kei-vehicle-new-inspection": [
    { data: acquired, due: null, because: "a new kei car may not run until inspected (第58条); 第59条 sets no period, like a new standard car" },
  ],
  "kei-vehicle-owner-change": [
    { data: acquired, due: "2026-04-16", because: "within 15 days of the change of owner (第67条第1項), 1 April not counted" },
    { data: { acquisitionDate: "2026-02-14" }, due: "2026-03-01", because: "across the end of February" },
  ],
  "kei-parking-notification": [
    { data: acquired, due: null, because: "保管場所法第5条: when it starts being used, no number of days (the police's 15 days are practice)" },
  ],
  "kei-vehicle-tax": [{ data: acquired, due: null, because: "declared with the inspection, no period of its own" }],
};

describe("every procedure's deadline, worked by hand from its law", () => {
  for (const procedure of listProcedures()) {
    const examples = workedExamples[procedure.id] ?? [];
    for (const example of examples) {
      it(`${procedure.id} (${procedure.legalBasis.ja}): ${example.due ?? "no deadline"}, ${example.because}`, () => {
        expect(deadlineFor(procedure.deadline, example.data)).toBe(example.due);
      });
    }
  }

  it("has a worked example for every procedure of the catalogue, and none for a procedure it lacks", () => {
    const ids = listProcedures().map((procedure) => procedure.id);
    expect(ids.filter((id) => !workedExamples[id]?.length)).toEqual([]);
    expect(Object.keys(workedExamples).filter((id) => !ids.includes(id))).toEqual([]);
  });
});
