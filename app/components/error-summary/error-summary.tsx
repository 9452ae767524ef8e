// The error summary at the top of a form (GOV.UK pattern): a focusable alert that links to each field.
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "~/platform/i18n/texts";

export type SummaryError = { message: string; fieldId?: string };

/** The summary's entries for a conform form: the form's own errors, then each field's, linked to the field. */
export function summaryErrorsOf(
  translate: (key: string) => string,
  form: { errors?: string[] },
  fields: { id: string; errors?: string[] }[],
): SummaryError[] {
  return [
    ...(form.errors ?? []).map((message) => ({ message: translate(message) })),
    ...fields.flatMap((field) => (field.errors ?? []).map((message) => ({ message: translate(message), fieldId: field.id }))),
  ];
}

/** With JavaScript, a link of the summary puts the cursor in its field (without, the browser follows the anchor). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: "center" });
}

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  // Focus the summary when new errors come, not on every render (which would take the focus back from a field).
  const shown = errors.map((error) => `${error.fieldId ?? ""}:${error.message}`).join("\n");
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("errorSummary.title")}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.fieldId ?? "form"}-${error.message}`}>
            {error.fieldId ? (
              <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId!)}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
