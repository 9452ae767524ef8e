// Preview and consent: who receives which data, for which procedure, under which law; private recipients
// can be unticked. Submitting here creates the case once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { auditActorOf, enforceSubmissionRateLimit, readVerifiedForm, requireApplicant } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { buildConsentPreview, filingOf, readOptOut } from "~/journeys/consent.server";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { journeyPath, requireJourney, requireSubjectFor } from "~/journeys/journey-pages.server";
import { requireLifeEvent } from "~/journeys/life-events.server";
import { caseReferenceForToken, ensureSubmissionToken, submitJourney } from "~/journeys/submit-journey.server";
import { formatDate } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { answerProblems } from "../../flows";
import { sendJourneyEvents } from "~/journeys/journeys.server";
import { todayInJapan } from "~/platform/today.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["journey", ":lifeEventId"] };

export const meta = titleMeta;

/** 届出人: the person themself, or the user acting for them (a family member, a company's representative). */
function filingFor(auth: { user: { displayName: string }; actingFor: unknown }) {
  return filingOf({ representative: auth.actingFor ? auth.user.displayName : null }, todayInJapan());
}

async function languageOf(request: Request): Promise<"ja" | "en"> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
  const journey = requireJourney(auth, lifeEvent);
  if (journey.state !== "checkingAnswers" && journey.state !== "confirmed") throw redirect(journeyPath(journey));
  if (journey.state === "checkingAnswers" && answerProblems(journey.lifeEvent, journey.answers, journey.record, todayInJapan()).length > 0) {
    // An answer no longer fits (a move date outside today's window): the machine asks it again, with the problem.
    const asked = sendJourneyEvents(getDb(), { journeyId: journey.id, events: [{ type: "answers.confirmed", today: todayInJapan() }] });
    throw redirect(journeyPath(asked));
  }
  const preview = buildConsentPreview(journey, await languageOf(request), filingFor(auth));
  return {
    title: await pageTitle(request, "consent.title", "journey"),
    lifeEventId: lifeEvent.id,
    organisations: preview.organisations,
    hash: preview.hash,
    token: ensureSubmissionToken(getDb(), journey),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
  requireSubjectFor(auth, lifeEvent);
  const form = await readVerifiedForm(request);
  const db = getDb();
  const token = String(form.get("token") ?? "");
  // A second click, a resubmit from the back button or another tab: the case already exists.
  const existing = token ? caseReferenceForToken(db, token) : null;
  if (existing) return redirect(`/cases/${existing}?submitted=1`);
  const journey = requireJourney(auth, lifeEvent);
  if (journey.state !== "checkingAnswers" && journey.state !== "confirmed") throw redirect(journeyPath(journey));
  const lang = await languageOf(request);
  const filing = filingFor(auth);
  const preview = buildConsentPreview(journey, lang, filing);
  if (token !== journey.submissionToken || form.get("hash") !== preview.hash) {
    return data({ error: "journey:consent.changed" }, { status: 409 });
  }
  if (form.get("agree") !== "yes") return data({ error: "journey:consent.agreeRequired" }, { status: 400 });
  enforceSubmissionRateLimit(request, auth);
  const { actor, onBehalfOf } = auditActorOf(auth);
  const { reference } = submitJourney(db, { journey, preview, optOut: readOptOut(preview, form), token, lang, actorId: actor, onBehalfOf, filing });
  return redirect(`/cases/${reference}?submitted=1`);
}

export default function Consent() {
  const { t, i18n } = useTranslation();
  const { lifeEventId, organisations, hash, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const error = actionData?.error ? t(actionData.error) : null;
  return (
    <>
      <p>
        <Link to={`/life-events/${lifeEventId}/check-answers`} className="back-link">
          {t("journey:form.back")}
        </Link>
      </p>
      <span className="caption">{t(`common:lifeEvents.${lifeEventId}.title`)}</span>
      <ErrorSummary errors={error ? [{ message: error, fieldId: "agree" }] : []} />
      <h1>{t("journey:consent.title")}</h1>
      <p>{t("journey:consent.lead")}</p>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="hash" value={hash} />
        <input type="hidden" name="token" value={token} />
        {organisations.map((organisation) => (
          <section className="card consent-organisation" key={organisation.agencyId} aria-labelledby={`org-${organisation.agencyId}`}>
            <h2 id={`org-${organisation.agencyId}`}>{organisation.name}</h2>
            <p className="caption">{t(`journey:consent.sector.${organisation.sector}`)}</p>
            {organisation.procedures.map((procedure) => (
              <div key={procedure.procedureId} className="consent-procedure">
                <h3>{procedure.name}</h3>
                <dl className="summary-list">
                  {procedure.office ? (
                    <div className="summary-list__row">
                      <dt>{t("journey:consent.office")}</dt>
                      <dd>{procedure.office}</dd>
                    </div>
                  ) : null}
                  <div className="summary-list__row">
                    <dt>{t("journey:consent.legalBasis")}</dt>
                    <dd>{procedure.legalBasis}</dd>
                  </div>
                  <div className="summary-list__row">
                    <dt>{t("journey:consent.dataItems")}</dt>
                    <dd>
                      <ul className="plain-list">
                        {procedure.dataItems.map((item) => (
                          <li key={item.key}>
                            {item.label}
                            {item.identityNumber ? <span className="caption"> {t("journey:consent.identityNumber", { legalBasis: procedure.legalBasis })}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                  {procedure.deadline ? (
                    <div className="summary-list__row">
                      <dt>{t("journey:consent.deadline")}</dt>
                      <dd>{formatDate(procedure.deadline, i18n.language)}</dd>
                    </div>
                  ) : null}
                </dl>
                {procedure.inPerson ? <p className="notice">{t("journey:consent.inPerson")}</p> : null}
                {procedure.offlineNote ? <p className="notice">{procedure.offlineNote}</p> : null}
                {procedure.presenceNote ? <p className="notice">{procedure.presenceNote}</p> : null}
                {procedure.optional ? (
                  <div className="choice">
                    <input type="checkbox" id={`share-${procedure.procedureId}`} name="share" value={procedure.procedureId} defaultChecked />
                    <label htmlFor={`share-${procedure.procedureId}`}>{t("journey:consent.share", { organisation: organisation.name })}</label>
                  </div>
                ) : null}
              </div>
            ))}
          </section>
        ))}
        <div className={`field${error ? " field--error" : ""}`}>
          <div className="choice">
            <input type="checkbox" id="agree" name="agree" value="yes" aria-describedby={error ? "agree-error" : undefined} />
            <label htmlFor="agree">{t("journey:consent.agree")}</label>
          </div>
          {error ? (
            <span className="field__error" id="agree-error">
              {error}
            </span>
          ) : null}
        </div>
        <button className="button" type="submit" disabled={submitting}>
          {t("journey:consent.submit")}
        </button>
      </Form>
    </>
  );
}
