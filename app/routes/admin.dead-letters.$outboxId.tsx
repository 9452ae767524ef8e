// One dead letter: its organisation, procedure, case reference and every attempt with the agency's answer
// (redacted, 2 KB); retry it, or close it as handled outside Madoguchi with a reason the citizen reads.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { BackLink } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DeliveryError } from "~/components/delivery-error/delivery-error";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { closeOne, closeSchema, deadLetterDetail, DeadLetterRefusedError, retryOne } from "~/admin/dead-letters.server";
import { MAX_CLOSING_REASON } from "~/admin/dead-letter-schemas";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const detail = deadLetterDetail(getDb(), { outboxId: params.outboxId ?? "", lang: await adminLanguage(request) });
  if (!detail) throw new Response("Not Found", { status: 404 });
  return { title: await pageTitle(request, "deadLetter.title", "admin"), detail };
}

type ActionData = { refusal?: string; reasonError?: string; reason?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  const outboxId = params.outboxId ?? "";
  const intent = form.get("intent");
  try {
    if (intent === "retry") {
      retryOne(getDb(), { outboxId, actor: auth.user.id });
      return redirect(`/admin/dead-letters?retriedOne=1`);
    }
    if (intent === "close") {
      const parsed = closeSchema.safeParse({ reason: form.get("reason") ?? undefined });
      if (!parsed.success) {
        return data<ActionData>({ reasonError: parsed.error.issues[0].message, reason: String(form.get("reason") ?? "") }, { status: 400 });
      }
      closeOne(getDb(), { outboxId, reason: parsed.data.reason, actor: auth.user.id });
      return redirect(`/admin/dead-letters?closed=1`);
    }
    return data<ActionData>({ refusal: "deadLetters.refused.unknownIntent" }, { status: 400 });
  } catch (error) {
    if (error instanceof DeadLetterRefusedError) return data<ActionData>({ refusal: error.refusal }, { status: 409 });
    throw error;
  }
}

export default function DeadLetter() {
  const { t, i18n } = useTranslation("admin");
  const { detail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const reasonError = actionData?.reasonError;
  return (
    <>
      <BackLink to="/admin/dead-letters" label={t("deadLetter.back")} />
      <ErrorSummary
        errors={[
          ...(actionData?.refusal ? [{ message: t(actionData.refusal) }] : []),
          ...(reasonError ? [{ message: t(reasonError, { max: MAX_CLOSING_REASON }), fieldId: "closing-reason" }] : []),
        ]}
      />
      <span className="caption">{detail.organisation}</span>
      <h1>{t("deadLetter.heading", { reference: detail.caseReference })}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("deadLetters.columns.caseReference")}</dt>
          <dd>{detail.caseReference}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("deadLetters.columns.organisation")}</dt>
          <dd>{detail.organisation}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("deadLetters.columns.procedure")}</dt>
          <dd>{detail.procedure}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("deadLetters.columns.reason")}</dt>
          <dd>
            <DeliveryError message={detail.reasonMessage} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("deadLetters.columns.since")}</dt>
          <dd>{formatDateTime(detail.deadSince, i18n.language)}</dd>
        </div>
      </dl>

      <h2>{t("deadLetter.attemptsHeading")}</h2>
      {detail.attemptsLog.length === 0 ? (
        <p>{t("deadLetter.noAttempts")}</p>
      ) : (
        // A list of short summaries, not a table: five columns with the agency's answer do not fit a phone.
        <ol className="attempt-list">
          {detail.attemptsLog.map((attempt, index) => (
            <li key={index} className="attempt-list__item">
              <h3 className="attempt-list__heading">
                {t("deadLetter.attemptHeading", { attempt: attempt.attempt, at: formatDateTime(attempt.at, i18n.language) })}
              </h3>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t("deadLetter.columns.outcome")}</dt>
                  <dd>{t(`deadLetter.outcomes.${attempt.outcome}`)}</dd>
                </div>
                {attempt.errorMessage ? (
                  <div className="summary-list__row">
                    <dt>{t("deadLetters.columns.reason")}</dt>
                    <dd>
                      <DeliveryError message={attempt.errorMessage} />
                    </dd>
                  </div>
                ) : null}
                <div className="summary-list__row">
                  <dt>{t("deadLetter.columns.status")}</dt>
                  <dd>{attempt.httpStatus ?? t("deadLetter.noStatus")}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("deadLetter.columns.answer")}</dt>
                  <dd>{attempt.responseExcerpt ? <pre className="answer-excerpt">{attempt.responseExcerpt}</pre> : t("deadLetter.noAnswer")}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}

      <h2>{t("deadLetter.actionsHeading")}</h2>
      {detail.canRetry ? (
        <div className="card-list">
          <section aria-labelledby="retry-heading" className="card">
            <h3 id="retry-heading">{t("deadLetter.retry.heading")}</h3>
            <p>{t("deadLetter.retry.body")}</p>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="button">
                {t("deadLetter.retry.submit")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="close-heading" className="card">
            <h3 id="close-heading">{t("deadLetter.close.heading")}</h3>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="close" />
              <div className={`field${reasonError ? " field--error" : ""}`}>
                <label className="field__label" htmlFor="closing-reason">
                  {t("deadLetter.close.reason")}
                </label>
                <span className="field__hint" id="closing-reason-hint">
                  {t("deadLetter.close.hint")}
                </span>
                {reasonError ? (
                  <span className="field__error" id="closing-reason-error">
                    {t(reasonError, { max: MAX_CLOSING_REASON })}
                  </span>
                ) : null}
                <textarea
                  id="closing-reason"
                  name="reason"
                  rows={4}
                  className={`textarea${reasonError ? " textarea--error" : ""}`}
                  aria-describedby={reasonError ? "closing-reason-hint closing-reason-error" : "closing-reason-hint"}
                  aria-invalid={reasonError ? true : undefined}
                  defaultValue={actionData?.reason ?? ""}
                />
              </div>
              <button type="submit" className="button button--secondary">
                {t("deadLetter.close.submit")}
              </button>
            </Form>
          </section>
        </div>
      ) : (
        <p>{t("deadLetter.cannotRetry")}</p>
      )}
    </>
  );
}
