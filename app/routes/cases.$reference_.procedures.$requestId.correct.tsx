// Correct a rejected procedure and send it again to that organisation alone: the items that were sent, each
// changeable; only the changed ones are checked and replaced, and the procedure goes back to delivery.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { requireCorrectableRequest } from "~/cases/case-pages.server";
import { correctableItems, resendCorrected } from "~/cases/correction.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { OrganisationWords } from "~/components/organisation-words/organisation-words";
import { auditActorOf, readVerifiedForm, recordDataRead, requireApplicant } from "~/identity/auth.server";
import { languageOf } from "~/platform/i18n/i18n.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: journeyNamespaces };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const lang = await languageOf(request);
  const { kase, request: procedureRequest, view } = requireCorrectableRequest(db, auth, params, lang);
  if (!view.canResend) throw redirect(`/cases/${kase.reference}#procedure-${procedureRequest.id}`);
  recordDataRead(db, auth, { dataSubjectId: kase.applicantId, subjectType: "procedureRequest", subjectId: procedureRequest.id, purpose: "case.correction" });
  return {
    title: await pageTitle(request, "correction.title", "journey"),
    reference: kase.reference,
    procedure: { id: view.id, name: view.name, organisation: view.organisation, rejection: view.rejection },
    items: correctableItems(procedureRequest, lang),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireApplicant(request);
  const form = await readVerifiedForm(request);
  const db = getDb();
  const lang = await languageOf(request);
  const { kase, request: procedureRequest } = requireCorrectableRequest(db, auth, params, lang);
  const { actor, onBehalfOf } = auditActorOf(auth);
  const result = resendCorrected(db, { procedureRequestId: procedureRequest.id, form, actor: `user:${actor}`, onBehalfOf, lang });
  if (result.kind === "sent") return redirect(`/cases/${kase.reference}?resent=${procedureRequest.id}#procedure-${procedureRequest.id}`);
  if (result.kind === "refused") return data({ errors: [{ key: null, message: "journey:correction.errors.refused" }], values: {} as Record<string, string> }, { status: 409 });
  return data({ errors: result.errors, values: result.values }, { status: 400 });
}

export default function CorrectProcedure() {
  const { t } = useTranslation();
  const { reference, procedure, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? [];
  const errorOf = (key: string) => errors.find((error) => error.key === key);
  const message = (error: (typeof errors)[number]) => t(error.message, { label: "label" in error ? error.label : "" });
  return (
    <>
      <ErrorSummary errors={errors.map((error) => ({ message: message(error), fieldId: error.key ? `item-${error.key}` : undefined }))} />
      <span className="caption">{procedure.organisation}</span>
      <h1>{t("journey:correction.heading", { procedure: procedure.name })}</h1>
      <p className="lead">{t("journey:correction.lead", { organisation: procedure.organisation })}</p>
      {procedure.rejection?.reason ? (
        <p>
          {t("journey:caseStatus.rejection")}: <strong>{procedure.rejection.reason}</strong>
        </p>
      ) : null}
      {procedure.rejection?.note ? (
        <>
          <p className="organisation-words__label">{t("journey:caseStatus.rejectionNote")}</p>
          <OrganisationWords words={procedure.rejection.note} organisation={procedure.organisation} testId="rejection-note" />
        </>
      ) : null}
      <Form method="post" noValidate>
        <CsrfField />
        <fieldset className="field">
          <legend className="field__label">{t("journey:correction.itemsLegend")}</legend>
          <p className="field__hint" id="items-hint">
            {t("journey:correction.itemsHint")}
          </p>
          {items.map((item) => {
            const error = errorOf(item.key);
            const id = `item-${item.key}`;
            const hintId = item.identityNumber ? `${id}-hint` : undefined;
            const describedBy = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
            return (
              <div key={item.key} className={`field${error ? " field--error" : ""}`}>
                <label className="field__label" htmlFor={id}>
                  {item.label}
                </label>
                {item.identityNumber ? (
                  <span className="field__hint" id={hintId}>
                    {t("journey:correction.identityNumberHint", { sent: item.sent })}
                  </span>
                ) : null}
                {error ? (
                  <span className="field__error" id={`${id}-error`}>
                    {message(error)}
                  </span>
                ) : null}
                <input
                  className={`input input--full${error ? " input--error" : ""}`}
                  id={id}
                  name={`item.${item.key}`}
                  type={item.inputType}
                  defaultValue={item.identityNumber ? "" : (actionData?.values[item.key] ?? item.sent)}
                  aria-describedby={describedBy}
                  autoComplete="off"
                  maxLength={200}
                />
              </div>
            );
          })}
        </fieldset>
        <p>{t("journey:correction.onlyThisOrganisation", { organisation: procedure.organisation })}</p>
        <button className="button" type="submit">
          {t("journey:correction.send", { organisation: procedure.organisation })}
        </button>
      </Form>
      <p>
        <Link to={`/cases/${reference}#procedure-${procedure.id}`}>{t("journey:correction.back")}</Link>
      </p>
    </>
  );
}
