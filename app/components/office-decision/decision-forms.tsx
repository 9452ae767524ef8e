// The officer's three decisions as three plain forms (accept with a reference, reject with a listed reason,
// ask the applicant a question): each posts natively, so it works without JavaScript; with JavaScript the
// same schemas show the same translated errors before posting. No maxlength or pattern attributes: a
// browser that cuts text off silently is worse than a clear error that keeps what was typed.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { acceptSchema, rejectSchemaFor, requestInformationSchema } from "../../office/decision-schemas";

type LastResult = SubmissionResult<string[]> | undefined;

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation("office");
  if (!errors?.length) return null;
  return (
    <span className="field__error" id={id}>
      {errors.map((e) => t(e)).join(" ")}
    </span>
  );
}

export function AcceptForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("office");
  const [form, fields] = useForm({
    id: "decision-accept",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptSchema }),
  });
  const errors = fields.reference.errors ?? [];
  const hintId = `${fields.reference.id}-hint`;
  return (
    <section aria-labelledby="decision-accept-heading" className="card">
      <h3 id="decision-accept-heading">{t("decision.accept.heading")}</h3>
      <ErrorSummary errors={errors.map((message) => ({ message: t(message), fieldId: fields.reference.id }))} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value="accept" />
        <div className={`field${errors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={fields.reference.id}>
            {t("decision.accept.reference")}
          </label>
          <span className="field__hint" id={hintId}>
            {t("decision.accept.referenceHint")}
          </span>
          <FieldError id={fields.reference.errorId} errors={errors} />
          <input
            {...getInputProps(fields.reference, { type: "text", ariaDescribedBy: hintId })}
            key={fields.reference.key}
            className={`input${errors.length ? " input--error" : ""}`}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" className="button">
          {t("decision.accept.submit")}
        </button>
      </Form>
    </section>
  );
}

export function RejectForm({ lastResult, reasons }: { lastResult: LastResult; reasons: { code: string; text: string }[] }) {
  const { t } = useTranslation("office");
  const schema = rejectSchemaFor(reasons.map((reason) => reason.code));
  const [form, fields] = useForm({
    id: "decision-reject",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const reasonErrors = fields.reasonCode.errors ?? [];
  const noteErrors = fields.note.errors ?? [];
  const firstReasonId = `${fields.reasonCode.id}-${reasons[0]?.code ?? "none"}`;
  const noteHintId = `${fields.note.id}-hint`;
  return (
    <section aria-labelledby="decision-reject-heading" className="card">
      <h3 id="decision-reject-heading">{t("decision.reject.heading")}</h3>
      <ErrorSummary
        errors={[
          ...reasonErrors.map((message) => ({ message: t(message), fieldId: firstReasonId })),
          ...noteErrors.map((message) => ({ message: t(message), fieldId: fields.note.id })),
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value="reject" />
        <fieldset className={`field${reasonErrors.length ? " field--error" : ""}`} aria-describedby={reasonErrors.length ? fields.reasonCode.errorId : undefined}>
          <legend className="field__label">{t("decision.reject.reason")}</legend>
          <FieldError id={fields.reasonCode.errorId} errors={reasonErrors} />
          {reasons.map((reason) => {
            const id = `${fields.reasonCode.id}-${reason.code}`;
            return (
              <div className="choice" key={reason.code}>
                <input type="radio" id={id} name={fields.reasonCode.name} value={reason.code} defaultChecked={fields.reasonCode.initialValue === reason.code} />
                <label htmlFor={id}>{reason.text}</label>
              </div>
            );
          })}
        </fieldset>
        <div className={`field${noteErrors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={fields.note.id}>
            {t("decision.reject.note")}
          </label>
          <span className="field__hint" id={noteHintId}>
            {t("decision.reject.noteHint")}
          </span>
          <FieldError id={fields.note.errorId} errors={noteErrors} />
          <textarea
            {...getTextareaProps(fields.note, { ariaDescribedBy: noteHintId })}
            key={fields.note.key}
            className={`input textarea${noteErrors.length ? " input--error" : ""}`}
            rows={3}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("decision.reject.submit")}
        </button>
      </Form>
    </section>
  );
}

export function RequestInformationForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("office");
  const [form, fields] = useForm({
    id: "decision-request-information",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestInformationSchema }),
  });
  const errors = fields.question.errors ?? [];
  const hintId = `${fields.question.id}-hint`;
  return (
    <section aria-labelledby="decision-information-heading" className="card">
      <h3 id="decision-information-heading">{t("decision.requestInformation.heading")}</h3>
      <ErrorSummary errors={errors.map((message) => ({ message: t(message), fieldId: fields.question.id }))} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value="requestInformation" />
        <div className={`field${errors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={fields.question.id}>
            {t("decision.requestInformation.question")}
          </label>
          <span className="field__hint" id={hintId}>
            {t("decision.requestInformation.questionHint")}
          </span>
          <FieldError id={fields.question.errorId} errors={errors} />
          <textarea
            {...getTextareaProps(fields.question, { ariaDescribedBy: hintId })}
            key={fields.question.key}
            className={`input textarea${errors.length ? " input--error" : ""}`}
            rows={4}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("decision.requestInformation.submit")}
        </button>
      </Form>
    </section>
  );
}
