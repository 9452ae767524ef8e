// The answer to a plain form that failed its schema: the errors by field (translation keys) and what was typed,
// with 400, so the page shows them beside each field and keeps the values (see components/form-field).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

export function formErrorsReply(result: SubmissionResult<string[]>) {
  return data(
    { errors: (result.error ?? {}) as Record<string, string[] | null | undefined>, initial: (result.initialValue ?? null) as Record<string, string> | null, problems: null },
    { status: 400 },
  );
}
