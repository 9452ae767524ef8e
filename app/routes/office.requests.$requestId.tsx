// One procedure request in the back office: exactly the data the citizen consented to send, the case
// reference, legal basis, deadline, timeline and any visit, and the three decisions. Another agency's → 404.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm, requireOfficer } from "~/identity/auth.server";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { AcceptForm, RejectForm, RequestInformationForm } from "~/components/office-decision/decision-forms";
import { PayloadList } from "~/components/office-payload/office-payload";
import { OfficialForm } from "~/components/official-form/official-form";
import { OfficeStatus, OverdueTag } from "~/components/office-status/office-status";
import { decideProcedureRequest, pageLanguage, procedurePageView } from "~/office/office.server";
import { formatDate, formatDateTime, formatList } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireOfficer(request);
  const view = procedurePageView(getDb(), auth, params.requestId, { lang: await pageLanguage(request) });
  return { title: await pageTitle(request, "request.title", "office"), ...view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireOfficer(request);
  const form = await readVerifiedForm(request);
  const outcome = decideProcedureRequest(getDb(), auth, params.requestId, form);
  switch (outcome.kind) {
    case "decided":
      return redirect(`/office/requests/${params.requestId}?decided=${outcome.intent}`);
    case "invalid":
      return data({ intent: outcome.intent, result: outcome.result, refusal: null }, { status: 400 });
    case "refused":
      return data({ intent: outcome.intent, result: undefined, refusal: outcome.message }, { status: 409 });
  }
}

const decidedNotices = ["accept", "reject", "requestInformation"];

export default function OfficeRequest() {
  const { t, i18n } = useTranslation("office");
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const decided = params.get("decided");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <p>
        <Link to="/office" className="back-link">
          {t("request.back")}
        </Link>
      </p>
      {actionData?.refusal ? <ErrorSummary errors={[{ message: t(actionData.refusal) }]} /> : null}
      {decided && decidedNotices.includes(decided) && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`decision.done.${decided}`)}</p>
        </div>
      ) : null}
      <span className="caption">{t("request.caption", { reference: view.caseReference })}</span>
      <h1>{view.procedureName}</h1>

      {view.correction ? (
        <div className="notice" data-testid="correction-note">
          <p>{t("request.corrected", { at: formatDateTime(view.correction.at, i18n.language), items: formatList(view.correction.items, i18n.language) })}</p>
        </div>
      ) : null}

      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("request.caseReference")}</dt>
          <dd>{view.caseReference}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.status")}</dt>
          <dd>
            <OfficeStatus status={view.status} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.deadline")}</dt>
          <dd>
            {view.deadline ? formatDate(view.deadline, i18n.language) : t("noDeadline")}
            {view.overdue ? (
              <>
                {" "}
                <OverdueTag />
              </>
            ) : null}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.legalBasis")}</dt>
          <dd>{view.legalBasis ?? t("request.unknown")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.submitted")}</dt>
          <dd>{formatDateTime(view.receivedAt, i18n.language)}</dd>
        </div>
        {view.decisionReference ? (
          <div className="summary-list__row">
            <dt>{t("request.decisionReference")}</dt>
            <dd>{view.decisionReference}</dd>
          </div>
        ) : null}
        {view.rejection ? (
          <div className="summary-list__row">
            <dt>{t("request.rejection")}</dt>
            <dd>{view.rejection}</dd>
          </div>
        ) : null}
      </dl>

      {view.inPerson ? (
        <section className="notice" aria-labelledby="in-person-heading">
          <h2 id="in-person-heading">{t("request.inPerson.heading")}</h2>
          <p>{view.inPersonNote ?? t("request.inPerson.body")}</p>
          <p data-testid="booked-visit">
            {view.visit
              ? t("request.inPerson.booked", { day: formatDate(view.visit.day, i18n.language), start: view.visit.startsAt, end: view.visit.endsAt, office: view.visit.office })
              : t("request.inPerson.notBooked")}
          </p>
        </section>
      ) : null}

      <h2>{t("request.dataHeading")}</h2>
      <p>{t("request.dataLead")}</p>
      <PayloadList items={view.items} />

      {view.form ? <OfficialForm form={view.form} printHref={`/office/requests/${view.id}/form`} /> : null}

      {view.information ? (
        <section aria-labelledby="information-heading" data-testid={view.information.earlier ? "earlier-information" : "information"}>
          <h2 id="information-heading">{t(view.information.earlier ? "request.information.earlierHeading" : "request.information.heading")}</h2>
          {view.information.earlier ? <p>{t("request.information.earlierLead")}</p> : null}
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("request.information.question")}</dt>
              <dd className="office-text">{view.information.question}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("request.information.answer")}</dt>
              <dd className="office-text" data-testid="information-answer">
                {view.information.answer ?? t("request.information.noAnswerYet")}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}

      <h2>{t("decision.heading")}</h2>
      {view.canDecide ? (
        <>
          <p>{t("decision.lead")}</p>
          <AcceptForm lastResult={resultFor("accept")} />
          <RejectForm lastResult={resultFor("reject")} reasons={view.rejectionReasons} />
          <RequestInformationForm lastResult={resultFor("requestInformation")} />
        </>
      ) : (
        <p>{t(view.decidesHere ? `decision.closed.${view.status}` : "decision.closed.ownSystem", { defaultValue: t("decision.closed.other") })}</p>
      )}

      <h2>{t("request.timeline")}</h2>
      <ol>
        {view.timeline.map((event, index) => (
          <li key={index}>
            {formatDateTime(event.at, i18n.language)} {t(`statuses.${event.status}`)}
          </li>
        ))}
      </ol>
    </>
  );
}
