// The satisfaction question: once per case and moment, a rating 1–5, the comment masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { findSatisfaction } from "../../db/queries/satisfaction";
import { submitSampleCase } from "../../tests/factories";
import { createTestDatabase } from "../../tests/setup/test-db";
import { MASK } from "./personal-data";
import { answerSatisfaction, momentOf, satisfactionView } from "./satisfaction.server";

let db: Db;
let close: () => void;
beforeAll(() => ({ db, close } = createTestDatabase()));
afterAll(() => close());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("satisfaction", () => {
  it("asks after submitting, and again once the case has ended", () => {
    expect(momentOf({ status: "submitted" })).toBe("submitted");
    expect(momentOf({ status: "inProgress" })).toBe("submitted");
    expect(momentOf({ status: "completed" })).toBe("ended");
  });

  it("takes one answer per case and moment, with a rating from 1 to 5 and the comment masked", () => {
    const kase = submitSampleCase(db).case;
    expect(satisfactionView(db, kase)).toEqual({ moment: "submitted", answered: false });
    expect(answerSatisfaction(db, kase, form({})).kind).toBe("invalid");
    expect(answerSatisfaction(db, kase, form({ rating: "6" })).kind).toBe("invalid");
    expect(answerSatisfaction(db, kase, form({ rating: "0" })).kind).toBe("invalid");
    expect(answerSatisfaction(db, kase, form({ rating: "4", comment: "電話 03-1234-5678 が必要でした" })).kind).toBe("saved");
    expect(answerSatisfaction(db, kase, form({ rating: "1" })).kind).toBe("alreadyAnswered");
    expect(findSatisfaction(db, { caseId: kase.id, moment: "submitted" })).toMatchObject({ rating: 4, comment: `電話 ${MASK} が必要でした` });
    expect(satisfactionView(db, kase).answered).toBe(true);
    // The same case, once ended, is asked again.
    expect(answerSatisfaction(db, { ...kase, status: "completed" }, form({ rating: "5" })).kind).toBe("saved");
  });
});
