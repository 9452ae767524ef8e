// The IDEA BOX's forms and small pieces: each form posts natively (works without JavaScript) and shows the
// server's translated errors beside its fields and in an error summary.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";

export type LastResult = SubmissionResult<string[]> | undefined;

const errorsOf = (result: LastResult, name: string): string[] => (result?.error?.[name] as string[] | undefined) ?? [];

function FieldError({ id, errors }: { id: string; errors: string[] }) {
  const { t } = useTranslation("ideas");
  if (!errors.length) return null;
  return (
    <span className="field__error" id={id}>
      {errors.map((e) => t(e)).join(" ")}
    </span>
  );
}

function Summary({ result, fields }: { result: LastResult; fields: [name: string, id: string][] }) {
  const { t } = useTranslation("ideas");
  return <ErrorSummary errors={fields.flatMap(([name, id]) => errorsOf(result, name).map((message) => ({ message: t(message), fieldId: id })))} />;
}

function TextArea({ id, name, label, hint, result, defaultValue, rows = 5 }: { id: string; name: string; label: string; hint?: string; result: LastResult; defaultValue?: string; rows?: number }) {
  const errors = errorsOf(result, name);
  const described = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
      <textarea id={id} name={name} className={`textarea${errors.length ? " input--error" : ""}`} rows={rows} defaultValue={defaultValue} aria-describedby={described} aria-invalid={errors.length ? true : undefined} />
    </div>
  );
}

/** The status of an idea as a tag. */
export function IdeaStatusTag({ status }: { status: string }) {
  const { t } = useTranslation("ideas");
  const tone = status === "done" ? " status--accepted" : status === "declined" ? " status--rejected" : status === "planned" ? " status--informationRequested" : "";
  return <span className={`status${tone}`}>{t(`statuses.${status}`)}</span>;
}

/** "Suggest an improvement" with the page's context: put it on every journey and status page. */
/** What happened to an idea, in words: the same line on the idea's page and on its author's account. */
export function IdeaEventTitle({ event }: { event: { kind: string; fromStatus?: string | null; toStatus?: string | null; relatedIdeaId?: number | null } }) {
  const { t } = useTranslation("ideas");
  return (
    <strong>
      {event.kind === "answered"
        ? event.fromStatus === event.toStatus
          ? t("idea.events.answeredSame")
          : t("idea.events.answered", { from: t(`statuses.${event.fromStatus}`), to: t(`statuses.${event.toStatus}`) })
        : event.kind === "mergedInto" || event.kind === "mergedFrom"
          ? t(`idea.events.${event.kind}`, { id: event.relatedIdeaId })
          : t(`idea.events.${event.kind}`)}
    </strong>
  );
}

export type IdeaFormValues = { kind?: string; title?: string; body?: string; showName?: string };

export function PostIdeaForm({ result, values, context }: { result: LastResult; values: IdeaFormValues; context: { lifeEventId: string | null; procedureId: string | null; questionId: string | null } }) {
  const { t } = useTranslation("ideas");
  const kindErrors = errorsOf(result, "kind");
  const titleErrors = errorsOf(result, "title");
  return (
    <Form method="post" noValidate>
      <Summary
        result={result}
        fields={[
          ["kind", "idea-kind-idea"],
          ["title", "idea-title"],
          ["body", "idea-body"],
        ]}
      />
      <CsrfField />
      {context.lifeEventId ? <input type="hidden" name="lifeEventId" value={context.lifeEventId} /> : null}
      {context.procedureId ? <input type="hidden" name="procedureId" value={context.procedureId} /> : null}
      {context.questionId ? <input type="hidden" name="questionId" value={context.questionId} /> : null}
      <fieldset className={`field${kindErrors.length ? " field--error" : ""}`} aria-describedby={kindErrors.length ? "idea-kind-error" : undefined}>
        <legend className="field__label">{t("new.kind")}</legend>
        <FieldError id="idea-kind-error" errors={kindErrors} />
        {(["idea", "complaint"] as const).map((kind) => (
          <div className="choice" key={kind}>
            <input type="radio" id={`idea-kind-${kind}`} name="kind" value={kind} defaultChecked={(values.kind ?? "idea") === kind} />
            <label htmlFor={`idea-kind-${kind}`}>{t(`kinds.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className={`field${titleErrors.length ? " field--error" : ""}`}>
        <label className="field__label" htmlFor="idea-title">
          {t("new.titleField")}
        </label>
        <span className="field__hint" id="idea-title-hint">
          {t("new.titleHint")}
        </span>
        <FieldError id="idea-title-error" errors={titleErrors} />
        <input
          id="idea-title"
          name="title"
          type="text"
          className={`input${titleErrors.length ? " input--error" : ""}`}
          defaultValue={values.title}
          aria-describedby={titleErrors.length ? "idea-title-hint idea-title-error" : "idea-title-hint"}
          aria-invalid={titleErrors.length ? true : undefined}
        />
      </div>
      <TextArea id="idea-body" name="body" label={t("new.body")} hint={t("new.bodyHint")} result={result} defaultValue={values.body} rows={8} />
      <div className="field">
        <div className="choice">
          <input type="checkbox" id="idea-show-name" name="showName" value="yes" defaultChecked={values.showName === "yes"} aria-describedby="idea-show-name-hint" />
          <label htmlFor="idea-show-name">{t("new.showName")}</label>
        </div>
        <span className="field__hint" id="idea-show-name-hint">
          {t("new.showNameHint")}
        </span>
      </div>
      <button type="submit" className="button">
        {t("new.submit")}
      </button>
    </Form>
  );
}

/** The review step's button: publishes exactly what was typed, masked. */
export function ConfirmMaskedForm({ values, context }: { values: Record<string, string>; context: Record<string, string | null> }) {
  const { t } = useTranslation("ideas");
  return (
    <Form method="post">
      <CsrfField />
      {Object.entries({ ...values, ...context }).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <input type="hidden" name="confirmMasked" value="yes" />
      <button type="submit" className="button">
        {t("review.publish")}
      </button>
    </Form>
  );
}

export function SupportForm() {
  const { t } = useTranslation("ideas");
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="support" />
      <button type="submit" className="button button--secondary">
        {t("idea.support")}
      </button>
    </Form>
  );
}

export function AnswerForm({ result, moves, versions }: { result: LastResult; moves: string[]; versions: { value: string; title: string; version: number }[] }) {
  const { t } = useTranslation("ideas");
  const statusErrors = errorsOf(result, "status");
  const versionErrors = errorsOf(result, "version");
  return (
    <section className="card" aria-labelledby="answer-heading">
      <h3 id="answer-heading">{t("answer.heading")}</h3>
      <Summary
        result={result}
        fields={[
          ["status", `answer-status-${moves[0]}`],
          ["message", "answer-message"],
          ["version", "answer-version"],
        ]}
      />
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="answer" />
        <fieldset className={`field${statusErrors.length ? " field--error" : ""}`} aria-describedby={statusErrors.length ? "answer-status-error" : undefined}>
          <legend className="field__label">{t("answer.status")}</legend>
          <FieldError id="answer-status-error" errors={statusErrors} />
          {moves.map((status) => (
            <div className="choice" key={status}>
              <input type="radio" id={`answer-status-${status}`} name="status" value={status} />
              <label htmlFor={`answer-status-${status}`}>{t(`statuses.${status}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextArea id="answer-message" name="message" label={t("answer.message")} hint={t("answer.messageHint")} result={result} />
        <div className={`field${versionErrors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="answer-version">
            {t("answer.version")}
          </label>
          <span className="field__hint" id="answer-version-hint">
            {t("answer.versionHint")}
          </span>
          <FieldError id="answer-version-error" errors={versionErrors} />
          <select id="answer-version" name="version" className="input" aria-describedby={versionErrors.length ? "answer-version-hint answer-version-error" : "answer-version-hint"}>
            <option value="">—</option>
            {versions.map((version) => (
              <option key={version.value} value={version.value}>
                {t("answer.versionOption", { lifeEvent: version.title, version: version.version })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("answer.submit")}
        </button>
      </Form>
    </section>
  );
}

export function MergeForm({ result }: { result: LastResult }) {
  const { t } = useTranslation("ideas");
  const errors = errorsOf(result, "targetId");
  return (
    <section className="card" aria-labelledby="merge-heading">
      <h3 id="merge-heading">{t("merge.heading")}</h3>
      <Summary result={result} fields={[["targetId", "merge-target"]]} />
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="merge" />
        <div className={`field${errors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="merge-target">
            {t("merge.target")}
          </label>
          <FieldError id="merge-target-error" errors={errors} />
          <input id="merge-target" name="targetId" type="text" inputMode="numeric" className="input" aria-describedby={errors.length ? "merge-target-error" : undefined} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("merge.submit")}
        </button>
      </Form>
    </section>
  );
}

export function HideForm({ result }: { result: LastResult }) {
  const { t } = useTranslation("ideas");
  return (
    <section className="card" aria-labelledby="hide-heading">
      <h3 id="hide-heading">{t("hide.heading")}</h3>
      <Summary result={result} fields={[["reason", "hide-reason"]]} />
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="hide" />
        <TextArea id="hide-reason" name="reason" label={t("hide.reason")} result={result} rows={3} />
        <button type="submit" className="button button--secondary">
          {t("hide.submit")}
        </button>
      </Form>
    </section>
  );
}
