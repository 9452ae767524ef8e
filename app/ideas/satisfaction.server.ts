// The one optional satisfaction question: after submitting, and again when the case has ended. A rating of
// 1–5 and a comment, once per case and moment; personal data in the comment is masked before it is stored.
// Evaluators only ever see figures made from it, never a person's answer.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import type { CaseRow } from "../../db/queries/cases";
import { findSatisfaction, insertSatisfaction, type SatisfactionMoment } from "../../db/queries/satisfaction";
import { isHostileText } from "../platform/hostile-text";
import { maskPersonalData } from "./personal-data";

export const MAX_COMMENT = 2000;

export const satisfactionSchema = z.object({
  rating: z.coerce
    .number({ required_error: "satisfaction.errors.ratingRequired", invalid_type_error: "satisfaction.errors.ratingRequired" })
    .int("satisfaction.errors.ratingRequired")
    .min(1, "satisfaction.errors.ratingRequired")
    .max(5, "satisfaction.errors.ratingRequired"),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT, "satisfaction.errors.commentTooLong")
    .refine((value) => !isHostileText(value), "errors.unsafeText")
    .optional(),
});

/** Which moment a case is at: once every procedure is final the case has ended. */
export function momentOf(kase: Pick<CaseRow, "status">): SatisfactionMoment {
  return kase.status === "completed" ? "ended" : "submitted";
}

export function satisfactionView(db: Db, kase: CaseRow) {
  const moment = momentOf(kase);
  return { moment, answered: !!findSatisfaction(db, { caseId: kase.id, moment }) };
}

export type SatisfactionOutcome = { kind: "saved" | "alreadyAnswered" } | { kind: "invalid"; result: SubmissionResult<string[]> };

export function answerSatisfaction(db: Db, kase: CaseRow, form: FormData, now = new Date()): SatisfactionOutcome {
  const submission = parseWithZod(form, { schema: satisfactionSchema });
  if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
  const { rating, comment } = submission.value;
  const saved = insertSatisfaction(db, {
    caseId: kase.id,
    moment: momentOf(kase),
    rating,
    comment: comment ? maskPersonalData(comment) : null,
    createdAt: now.toISOString(),
  });
  return { kind: saved ? "saved" : "alreadyAnswered" };
}
