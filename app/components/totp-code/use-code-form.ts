// The six-digit code form that signing in and enrolling an authenticator app share: one schema for the
// server and the browser, and the errors it shows at the top of the page.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { z } from "zod";

/** A six-digit code; spaces (as apps show "123 456") are dropped. */
export const codeField = z
  .string({ required_error: "twoFactor.errors.required" })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "twoFactor.errors.format"));

export const codeSchema = z.object({
  code: codeField,
  enrolmentId: z.string().optional(),
  redirectTo: z.string().optional(),
});

export function useCodeForm(id: string, lastResult: SubmissionResult<string[]> | undefined, translate: (key: string) => string) {
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: getZodConstraint(codeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  const errors = (fields.code.errors ?? []).map((message) => ({ message: translate(message), fieldId: fields.code.id }));
  return { form, fields, errors };
}
