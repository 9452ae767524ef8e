// The closing reason's rules, shared by the console's page (the field's limit) and the server (the check).
import { z } from "zod";
import { isHostileText } from "../platform/hostile-text";

export const MAX_CLOSING_REASON = 500;

export const closeSchema = z.object({
  reason: z
    .string({ required_error: "deadLetters.errors.reasonRequired" })
    .trim()
    .min(1, "deadLetters.errors.reasonRequired")
    .pipe(
      z
        .string()
        .max(MAX_CLOSING_REASON, "deadLetters.errors.reasonTooLong")
        .pipe(z.string().refine((value) => !isHostileText(value), "deadLetters.errors.unsafeText")),
    ),
});
