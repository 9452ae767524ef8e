// A case's status page (and, just after submitting, its confirmation): each procedure with its organisation,
// status, timeline, deadline and message; the citizen answers an organisation's request for information here.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SatisfactionLink, SuggestImprovementLink } from "~/components/ideas/idea-forms";
import { useTranslation } from "react-i18next";
import { readVerifiedForm, recordDataRead, requireApplicant } from "~/identity/auth.server";
import { caseStatusView, requireCaseForApplicant } from "~/cases/case-pages.server";
import { applyCaseEvent, CaseError } from "~/cases/cases.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { formatDate, formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { getProcedureRequest } from "../../db/queries/cases";
import { OfficialFormItems } from "~/components/official-form/official-form";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: [...journeyNamespaces, "office"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const lang = (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
  recordDataRead(db, auth, { dataSubjectId: kase.applicantId, subjectType: "case", subjectId: kase.id, purpose: "case.status" });
  return {
    title: await pageTitle(request, "caseStatus.title", "journey"),
    reference: kase.reference,
    lifeEventId: kase.lifeEventId,
    status: kase.status,
    submittedAt: kase.createdAt,
    procedures: caseStatusView(db, { caseId: kase.id, lang }),
  };
}

const MAX_ANSWER = 2000;

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireApplicant(request);
  const form = await readVerifiedForm(request);
  const db = getDb();
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const procedureRequestId = String(form.get("procedureRequestId") ?? "");
  const answer = String(form.get("answer") ?? "").trim();
  const procedureRequest = getProcedureRequest(db, { procedureRequestId });
  if (!procedureRequest || procedureRequest.caseId !== kase.id) throw new Response("Not Found", { status: 404 });
  const fail = (error: string, status = 400) => data({ procedureRequestId, answer, error }, { status });
  if (!answer) return fail("journey:caseStatus.answerRequired");
  if (answer.length > MAX_ANSWER) return fail("journey:caseStatus.answerTooLong");
  try {
    applyCaseEvent(db, { procedureRequestId, event: { type: "citizen.answered", answer }, actor: `user:${auth.user.id}` });
  } catch (error) {
    if (error instanceof CaseError) return fail("journey:caseStatus.answerNotExpected", 409);
    throw error;
  }
  return redirect(`/cases/${kase.reference}#procedure-${procedureRequestId}`);
}

export default function CaseStatus() {
  const { t, i18n } = useTranslation();
  const { reference, lifeEventId, status, submittedAt, procedures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const justSubmitted = params.get("submitted") === "1";
  const inPerson = procedures.filter((p) => p.inPerson);
  return (
    <>
      {justSubmitted ? (
        <div className="panel" role="status">
          <h1>{t("journey:confirmation.title")}</h1>
          <p>{t("journey:confirmation.reference")}</p>
          <p className="panel__reference">{reference}</p>
        </div>
      ) : (
        <>
          <span className="caption">{t(`common:lifeEvents.${lifeEventId}.title`)}</span>
          <h1>{t("journey:caseStatus.title")}</h1>
          <p>
            {t("journey:caseStatus.reference")} <strong>{reference}</strong>
          </p>
        </>
      )}
      <p>{t("journey:caseStatus.submittedAt", { date: formatDateTime(submittedAt, i18n.language) })}</p>
      <p>{t(`journey:caseStatus.caseStatus.${status}`)}</p>
      {justSubmitted ? (
        <>
          <h2>{t("journey:confirmation.nextHeading")}</h2>
          <p>{t("journey:confirmation.next")}</p>
        </>
      ) : null}
      {inPerson.length > 0 ? (
        <section aria-labelledby="in-person-heading" className="notice">
          <h2 id="in-person-heading">{t("journey:confirmation.inPersonHeading")}</h2>
          <ul>
            {inPerson.map((p) => (
              <li key={p.id}>
                {t("journey:confirmation.inPerson", {
                  procedure: p.name,
                  organisation: p.organisation,
                  deadline: p.deadline ? formatDate(p.deadline, i18n.language) : t("journey:caseStatus.noDeadline"),
                })}
                {p.inPersonNote ? ` ${p.inPersonNote}` : ""}
              </li>
            ))}
          </ul>
          <p>{t("journey:confirmation.sentAhead")}</p>
        </section>
      ) : null}
      <h2>{t("journey:caseStatus.proceduresHeading")}</h2>
      <ol className="card-list">
        {procedures.map((p) => {
          const error = actionData?.procedureRequestId === p.id ? t(actionData.error) : null;
          return (
            <li key={p.id} className="card" id={`procedure-${p.id}`}>
              <h3>{p.name}</h3>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t("journey:caseStatus.organisation")}</dt>
                  <dd>{p.organisation}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("journey:caseStatus.status")}</dt>
                  <dd>
                    <strong className={`status status--${p.status}`}>{t(`journey:statuses.${p.status}`)}</strong>
                  </dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t("journey:caseStatus.deadline")}</dt>
                  <dd>{p.deadline ? formatDate(p.deadline, i18n.language) : t("journey:caseStatus.noDeadline")}</dd>
                </div>
                {p.decisionReference ? (
                  <div className="summary-list__row">
                    <dt>{t("journey:caseStatus.decisionReference")}</dt>
                    <dd>{p.decisionReference}</dd>
                  </div>
                ) : null}
                {p.rejection ? (
                  <div className="summary-list__row">
                    <dt>{t("journey:caseStatus.rejection")}</dt>
                    <dd>{p.rejection}</dd>
                  </div>
                ) : null}
                {p.closingReason ? (
                  <div className="summary-list__row">
                    <dt>{t("journey:caseStatus.closingReason")}</dt>
                    <dd>{p.closingReason}</dd>
                  </div>
                ) : null}
                {p.informationQuestion ? (
                  <div className="summary-list__row">
                    <dt>{t("journey:caseStatus.question")}</dt>
                    <dd>{p.informationQuestion}</dd>
                  </div>
                ) : null}
                {p.informationAnswer && p.status !== "informationRequested" ? (
                  <div className="summary-list__row">
                    <dt>{t("journey:caseStatus.yourAnswer")}</dt>
                    <dd>{p.informationAnswer}</dd>
                  </div>
                ) : null}
              </dl>
              {p.status === "informationRequested" ? (
                <Form method="post" className="info-answer">
                  <CsrfField />
                  <input type="hidden" name="procedureRequestId" value={p.id} />
                  {error ? <ErrorSummary errors={[{ message: error, fieldId: `answer-${p.id}` }]} /> : null}
                  <div className={`field${error ? " field--error" : ""}`}>
                    <label className="field__label" htmlFor={`answer-${p.id}`}>
                      {t("journey:caseStatus.answerLabel")}
                    </label>
                    {error ? (
                      <span className="field__error" id={`answer-${p.id}-error`}>
                        {error}
                      </span>
                    ) : null}
                    <textarea
                      className="input textarea"
                      id={`answer-${p.id}`}
                      name="answer"
                      rows={4}
                      maxLength={MAX_ANSWER}
                      defaultValue={actionData?.procedureRequestId === p.id ? actionData.answer : ""}
                      aria-describedby={error ? `answer-${p.id}-error` : undefined}
                    />
                  </div>
                  <button className="button" type="submit">
                    {t("journey:caseStatus.sendAnswer")}
                  </button>
                </Form>
              ) : null}
              {p.form ? (
                <details>
                  <summary>{t("journey:caseStatus.form")}</summary>
                  <OfficialFormItems form={p.form} printHref={`/cases/${reference}/forms/${p.id}`} />
                </details>
              ) : null}
              <details>
                <summary>{t("journey:caseStatus.timeline")}</summary>
                <ol>
                  {p.timeline.map((event, index) => (
                    <li key={index}>
                      {formatDateTime(event.at, i18n.language)} {t(`journey:statuses.${event.status}`)}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          );
        })}
      </ol>
      <p>
        <Link to="/cases">{t("journey:caseStatus.allCases")}</Link>
      </p>
      <SatisfactionLink reference={reference} ended={status === "completed"} />
      <SuggestImprovementLink lifeEventId={lifeEventId} />
    </>
  );
}
