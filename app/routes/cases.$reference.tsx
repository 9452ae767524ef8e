// A case's status page (and, just after submitting, its confirmation): at the top how many procedures are done,
// in progress, waiting, need the person or were rejected; then what the person must do (answer a question, make
// a visit, deal with a rejection), then the rest grouped by state. The citizen answers an organisation here.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SatisfactionLink, SuggestImprovementLink } from "~/components/ideas/idea-links";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm, recordDataRead, requireApplicant } from "~/identity/auth.server";
import { caseStatusPage, requireCaseForApplicant } from "~/cases/case-pages.server";
import { applyCaseEvent, CaseError } from "~/cases/cases.server";
import { MAX_ANSWER, ProcedureCard } from "~/components/case-status/procedure-card";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { formatDate, formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { getProcedureRequest } from "../../db/queries/cases";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["journey"] };

export const meta = titleMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request, { context });
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
    ...caseStatusPage(db, { kase, lang }),
  };
}

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
  const { reference, lifeEventId, status, submittedAt, procedures, summary, visits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const justSubmitted = params.get("submitted") === "1";
  const resent = procedures.find((p) => p.id === params.get("resent"));
  // Forms to post or bring (no My Number Card); the visits the law requires come per organisation, with their booking.
  const offline = procedures.filter((p) => p.visitDue && p.offline);
  const notes = new Map(procedures.map((p) => [p.id, p.inPersonNote]));
  const booked = params.get("booked");
  const toDo = procedures.filter((p) => p.group === "needsAction" || p.group === "rejected");
  const card = (p: (typeof procedures)[number], level: 3 | 4) => (
    <ProcedureCard
      key={p.id}
      procedure={p}
      reference={reference}
      level={level}
      answerError={actionData?.procedureRequestId === p.id ? t(actionData.error) : null}
      answerValue={actionData?.procedureRequestId === p.id ? actionData.answer : undefined}
    />
  );
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
      {resent ? (
        <div className="notice" role="status">
          <p>{t("journey:correction.sent", { procedure: resent.name, organisation: resent.organisation })}</p>
        </div>
      ) : null}
      <p>{t("journey:caseStatus.submittedAt", { date: formatDateTime(submittedAt, i18n.language) })}</p>
      <p>{t(status === "completed" && summary.rejected > 0 ? "journey:caseStatus.caseStatus.endedWithRejection" : `journey:caseStatus.caseStatus.${status}`)}</p>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("journey:summary.heading")}</h2>
        <ul className="status-summary" data-testid="status-summary">
          {(["done", "inProgress", "waiting", "needsAction", "rejected"] as const).map((group) => (
            <li key={group} className={`status-summary__item status-summary__item--${group}`} data-group={group}>
              <span className="status-summary__count">{summary[group]}</span> <span>{t(`journey:summary.${group}`)}</span>
            </li>
          ))}
          {summary.stopped > 0 ? (
            <li className="status-summary__item" data-group="stopped">
              <span className="status-summary__count">{summary.stopped}</span> <span>{t("journey:summary.stopped")}</span>
            </li>
          ) : null}
        </ul>
      </section>
      {justSubmitted ? (
        <>
          <h2>{t("journey:confirmation.nextHeading")}</h2>
          <p>{t("journey:confirmation.next")}</p>
        </>
      ) : null}
      <section aria-labelledby="to-do-heading" className="to-do">
        <h2 id="to-do-heading">{t("journey:toDo.heading")}</h2>
        {visits.length === 0 && offline.length === 0 && toDo.length === 0 ? <p>{t("journey:toDo.nothing")}</p> : null}
        {booked && visits.some((visit) => visit.agencyId === booked && visit.booking) ? (
          <div className="notice" role="status">
            <p>{t("journey:visit.bookedNotice")}</p>
          </div>
        ) : null}
        {params.get("visitCancelled") ? (
          <div className="notice" role="status">
            <p>{t("journey:visit.cancelledNotice")}</p>
          </div>
        ) : null}
        {visits.length > 0 || offline.length > 0 ? (
          <ul className="card-list" aria-label={t("journey:toDo.visitsLabel")}>
            {visits.map((visit) => (
              <li key={visit.agencyId} className="card notice" data-testid="visit" id={`visit-${visit.agencyId}`}>
                <h3>
                  {t(visit.bookable ? "journey:toDo.visitTitle" : "journey:toDo.inPersonTitle", {
                    organisation: visit.organisation,
                    procedure: visit.procedures.map((p) => p.name).join(t("journey:toDo.and")),
                  })}
                </h3>
                {visit.booking ? (
                  <>
                    <p data-testid="visit-booking">
                      <strong>
                        {t("journey:visit.bookedFor", {
                          day: formatDate(visit.booking.day, i18n.language),
                          start: visit.booking.startsAt,
                          end: visit.booking.endsAt,
                        })}
                      </strong>
                      <br />
                      {visit.booking.office}
                      <br />
                      {visit.booking.address}
                    </p>
                    {visit.procedures.map((p) => (notes.get(p.id) ? <p key={p.id}>{notes.get(p.id)}</p> : null))}
                    <p>{t("journey:visit.bringAtBookedTime", { reference })}</p>
                    <p>
                      <Link to={`/cases/${reference}/visits/${visit.agencyId}`}>{t("journey:visit.changeLink", { organisation: visit.organisation })}</Link>
                    </p>
                  </>
                ) : (
                  <>
                    <p>{t("journey:visit.window", { from: formatDate(visit.window.from, i18n.language), to: formatDate(visit.window.to, i18n.language) })}</p>
                    {visit.procedures.map((p) => (notes.get(p.id) ? <p key={p.id}>{notes.get(p.id)}</p> : null))}
                    <p>{t("journey:toDo.sentAhead", { reference })}</p>
                    {visit.bookable ? (
                      <p>
                        <Link className="button" to={`/cases/${reference}/visits/${visit.agencyId}`}>
                          {t("journey:visit.bookLink", { organisation: visit.organisation })}
                        </Link>
                      </p>
                    ) : (
                      <p>{t("journey:visit.notBookable", { organisation: visit.organisation })}</p>
                    )}
                  </>
                )}
              </li>
            ))}
            {offline.map((p) => (
              <li key={p.id} className="card notice" data-testid="offline">
                <h3>{t("journey:toDo.offlineTitle", { procedure: p.name, organisation: p.organisation })}</h3>
                <p>{p.deadline ? t("journey:toDo.by", { deadline: formatDate(p.deadline, i18n.language) }) : t("journey:caseStatus.noDeadline")}</p>
                {p.inPersonNote ? <p>{p.inPersonNote}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {toDo.length > 0 ? <ol className="card-list">{toDo.map((p) => card(p, 3))}</ol> : null}
      </section>
      <section aria-labelledby="procedures-heading">
        <h2 id="procedures-heading">{t("journey:caseStatus.proceduresHeading")}</h2>
        {(["inProgress", "waiting", "done", "stopped"] as const).map((group) => {
          const inGroup = procedures.filter((p) => p.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`group-${group}`}>
              <h3 id={`group-${group}`}>{`${t(`journey:summary.${group}`)} (${inGroup.length})`}</h3>
              <ol className="card-list">{inGroup.map((p) => card(p, 4))}</ol>
            </section>
          );
        })}
      </section>
      <p>
        <Link to="/cases">{t("journey:caseStatus.allCases")}</Link>
      </p>
      <SatisfactionLink reference={reference} ended={status === "completed"} />
      <SuggestImprovementLink lifeEventId={lifeEventId} />
    </>
  );
}
