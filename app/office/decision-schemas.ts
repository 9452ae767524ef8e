// The three decision forms' schemas, shared by the server (parseWithZod) and the browser (conform), so an
// officer sees the same translated errors with or without JavaScript. Messages are keys in `office`; checks
// are piped so each field gets one error, the first that applies.
import { z } from "zod";
import { isHostileText } from "../platform/hostile-text";

export const MAX_REFERENCE = 60;
export const MAX_NOTE = 1000;
export const MAX_QUESTION = 2000;

export const decisionIntents = ["accept", "reject", "requestInformation"] as const;
export type DecisionIntent = (typeof decisionIntents)[number];

/** Text an officer types is shown to the citizen and stored in the case: the platform's one rule refuses hostile text. */
export { isHostileText };

/** An organisation's own reference: letters and digits (any script) with - / . _ # ( ) and spaces. */
const referencePattern = /^[\p{L}\p{N}][\p{L}\p{N} \u3000\-\u2010\uFF0D/._#()\uFF08\uFF09]*$/u;

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  reference: z
    .string({ required_error: "decision.errors.referenceRequired" })
    .trim()
    .min(1, "decision.errors.referenceRequired")
    .pipe(z.string().max(MAX_REFERENCE, "decision.errors.referenceTooLong").pipe(z.string().regex(referencePattern, "decision.errors.referenceFormat"))),
});

/** The reject form for one procedure: its reason must be one of that procedure's listed reasons. */
export function rejectSchemaFor(reasonCodes: readonly string[]) {
  return z.object({
    intent: z.literal("reject"),
    reasonCode: z
      .string({ required_error: "decision.errors.reasonRequired" })
      .refine((code) => reasonCodes.includes(code), "decision.errors.reasonUnknown"),
    note: z
      .string()
      .trim()
      .max(MAX_NOTE, "decision.errors.noteTooLong")
      .refine((value) => !isHostileText(value), "decision.errors.unsafeText")
      .optional(),
  });
}

export const requestInformationSchema = z.object({
  intent: z.literal("requestInformation"),
  question: z
    .string({ required_error: "decision.errors.questionRequired" })
    .trim()
    .min(1, "decision.errors.questionRequired")
    .pipe(z.string().max(MAX_QUESTION, "decision.errors.questionTooLong").pipe(z.string().refine((value) => !isHostileText(value), "decision.errors.unsafeText"))),
});

export function isDecisionIntent(value: unknown): value is DecisionIntent {
  return typeof value === "string" && (decisionIntents as readonly string[]).includes(value);
}
