// One procedure on the citizen's status page: its organisation, status, deadline and what the organisation
// said (its own words marked as such); the answer form when it asked something, and the next steps when it
// rejected (correct and send again, or its counter), and a link to its official form as sent, on its printable page.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { OrganisationWords, type OrganisationWordsValue } from "~/components/organisation-words/organisation-words";
import { formatDate, formatDateTime } from "~/platform/format";

export type ProcedureCardValue = {
  id: string;
  name: string;
  organisation: string;
  status: string;
  deadline: string | null;
  decisionReference: string | null;
  question: OrganisationWordsValue | null;
  informationAnswer: string | null;
  /** The question and answer came before a correction: the rejected attempt's, shown as such. */
  informationEarlier?: boolean;
  rejection: { reason: string | null; note: OrganisationWordsValue | null; nextStep: "correct" | "counter" } | null;
  canResend: boolean;
  closingReason: string | null;
  /** Someone must be there (立会い), e.g. when the gas is opened: not a visit the law requires. */
  presenceNote?: string | null;
  /** The procedure has an official form: the card links the form as sent, on its printable page. */
  hasForm: boolean;
  timeline: { status: string; resubmitted: boolean; at: string }[];
};

export const MAX_ANSWER = 2000;

export function ProcedureCard({
  procedure: p,
  reference,
  level,
  answerError,
  answerValue,
}: {
  procedure: ProcedureCardValue;
  reference: string;
  /** The card's heading level: 3 in "what you need to do", 4 under a state's heading. */
  level: 3 | 4;
  answerError?: string | null;
  answerValue?: string;
}) {
  const { t, i18n } = useTranslation();
  const Heading = level === 3 ? "h3" : "h4";
  const SubHeading = level === 3 ? "h4" : "h5";
  return (
    <li className="card" id={`procedure-${p.id}`}>
      <Heading>{p.name}</Heading>
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
        {p.presenceNote ? (
          <div className="summary-list__row" data-testid="presence-note">
            <dt>{t("journey:caseStatus.presence")}</dt>
            <dd>{`${p.presenceNote} ${t("journey:caseStatus.presenceNotAVisit")}`}</dd>
          </div>
        ) : null}
        {p.decisionReference ? (
          <div className="summary-list__row">
            <dt>{t("journey:caseStatus.decisionReference")}</dt>
            <dd>{p.decisionReference}</dd>
          </div>
        ) : null}
        {p.rejection?.reason ? (
          <div className="summary-list__row">
            <dt>{t("journey:caseStatus.rejection")}</dt>
            <dd>{p.rejection.reason}</dd>
          </div>
        ) : null}
        {p.closingReason ? (
          <div className="summary-list__row">
            <dt>{t("journey:caseStatus.closingReason")}</dt>
            <dd>{p.closingReason}</dd>
          </div>
        ) : null}
        {p.informationAnswer && p.status !== "informationRequested" ? (
          <div className="summary-list__row">
            <dt>{t(p.informationEarlier ? "journey:caseStatus.yourAnswerEarlier" : "journey:caseStatus.yourAnswer")}</dt>
            <dd>{p.informationAnswer}</dd>
          </div>
        ) : null}
      </dl>
      {p.rejection?.note ? (
        <>
          <p className="organisation-words__label">{t("journey:caseStatus.rejectionNote")}</p>
          <OrganisationWords words={p.rejection.note} organisation={p.organisation} testId="rejection-note" />
        </>
      ) : null}
      {p.question ? (
        <>
          <p className="organisation-words__label">{t(p.informationEarlier ? "journey:caseStatus.questionEarlier" : "journey:caseStatus.question")}</p>
          <OrganisationWords words={p.question} organisation={p.organisation} testId="information-question" />
        </>
      ) : null}
      {p.rejection ? (
        <section aria-labelledby={`next-${p.id}`} className="next-steps">
          <SubHeading id={`next-${p.id}`}>{t("journey:nextSteps.heading")}</SubHeading>
          <ul>
            {p.canResend ? (
              <li>
                <Link to={`/cases/${reference}/procedures/${p.id}/correct`}>{t("journey:nextSteps.correct", { organisation: p.organisation })}</Link>
                <br />
                {t("journey:nextSteps.correctHint", { organisation: p.organisation })}
              </li>
            ) : null}
            <li>{t("journey:nextSteps.counter", { organisation: p.organisation, reference })}</li>
          </ul>
        </section>
      ) : null}
      {p.status === "informationRequested" ? (
        <Form method="post" className="info-answer">
          <CsrfField />
          <input type="hidden" name="procedureRequestId" value={p.id} />
          {answerError ? <ErrorSummary errors={[{ message: answerError, fieldId: `answer-${p.id}` }]} /> : null}
          <div className={`field${answerError ? " field--error" : ""}`}>
            <label className="field__label" htmlFor={`answer-${p.id}`}>
              {t("journey:caseStatus.answerLabel")}
            </label>
            {answerError ? (
              <span className="field__error" id={`answer-${p.id}-error`}>
                {answerError}
              </span>
            ) : null}
            <textarea
              className="input textarea"
              id={`answer-${p.id}`}
              name="answer"
              rows={4}
              maxLength={MAX_ANSWER}
              defaultValue={answerValue ?? ""}
              aria-describedby={answerError ? `answer-${p.id}-error` : undefined}
            />
          </div>
          <button className="button" type="submit">
            {t("journey:caseStatus.sendAnswer")}
          </button>
        </Form>
      ) : null}
      {p.hasForm ? (
        <p>
          {/* A page of its own, for printing: a plain link (a whole page load), which also spares every card's render the router's work. */}
          <a href={`/cases/${reference}/forms/${p.id}`}>{t("journey:caseStatus.formLink")}</a>
        </p>
      ) : null}
      <details>
        <summary>{t("journey:caseStatus.timeline")}</summary>
        <ol>
          {p.timeline.map((event, index) => (
            <li key={index}>{`${formatDateTime(event.at, i18n.language)} ${event.resubmitted ? t("journey:caseStatus.resubmitted") : t(`journey:statuses.${event.status}`)}`}</li>
          ))}
        </ol>
      </details>
    </li>
  );
}
