// The IDEA BOX's form schemas, shared by the server and the browser. Messages are keys in `ideas`.
import { z } from "zod";
import { isHostileText } from "../platform/hostile-text";
import { ideaStatuses } from "../../db/schema";

export const MAX_TITLE = 120;
export const MAX_BODY = 4000;
export const MAX_ANSWER = 2000;
export const MAX_REASON = 500;

const safeText = (required: string, max: number, tooLong: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .pipe(z.string().max(max, tooLong).pipe(z.string().refine((value) => !isHostileText(value), "errors.unsafeText")));

const optionalId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,60}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

export const postIdeaSchema = z.object({
  kind: z.enum(["idea", "complaint"], { required_error: "errors.kindRequired", invalid_type_error: "errors.kindRequired" }),
  title: safeText("errors.titleRequired", MAX_TITLE, "errors.titleTooLong"),
  body: safeText("errors.bodyRequired", MAX_BODY, "errors.bodyTooLong"),
  lifeEventId: optionalId,
  procedureId: optionalId,
  questionId: optionalId,
  showName: z.literal("yes").optional(),
  /** Set by the review step: the person saw what will be masked and publishes it so. */
  confirmMasked: z.literal("yes").optional(),
});

/** Statuses someone answering may move an idea to (merged has its own form). */
export const answerStatuses = ideaStatuses.filter((status) => status !== "merged");

export const answerIdeaSchema = z
  .object({
    intent: z.literal("answer"),
    status: z.enum(answerStatuses as unknown as [string, ...string[]], {
      required_error: "errors.statusRequired",
      invalid_type_error: "errors.statusRequired",
    }),
    message: z
      .string()
      .trim()
      .max(MAX_ANSWER, "errors.answerTooLong")
      .refine((value) => !isHostileText(value), "errors.unsafeText")
      .optional(),
    /** For done: "<life event id>@<version>". */
    version: z
      .string()
      .regex(/^[a-z0-9-]+@[0-9]+$/, "errors.versionRequired")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === "declined" && !value.message) ctx.addIssue({ code: "custom", path: ["message"], message: "errors.reasonRequired" });
    if (value.status === "done" && !value.version) ctx.addIssue({ code: "custom", path: ["version"], message: "errors.versionRequired" });
  });

export const mergeIdeaSchema = z.object({
  intent: z.literal("merge"),
  targetId: z.coerce.number({ invalid_type_error: "errors.targetRequired" }).int("errors.targetRequired").positive("errors.targetRequired"),
});

export const hideIdeaSchema = z.object({
  intent: z.literal("hide"),
  reason: safeText("errors.hideReasonRequired", MAX_REASON, "errors.answerTooLong"),
});
