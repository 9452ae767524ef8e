// The optional satisfaction question about one case: after submitting, and again once it has ended.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { requireCaseForApplicant } from "~/cases/case-pages.server";
import { readVerifiedForm, requireApplicant } from "~/identity/auth.server";
import { answerSatisfaction, satisfactionView } from "~/ideas/satisfaction.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["ideas"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const kase = requireCaseForApplicant(db, auth, params.reference);
  return { title: await pageTitle(request, "satisfaction.title", "ideas"), reference: kase.reference, ...satisfactionView(db, kase) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireApplicant(request);
  const form = await readVerifiedForm(request);
  const db = getDb();
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const outcome = answerSatisfaction(db, kase, form);
  if (outcome.kind === "invalid") return data({ result: outcome.result }, { status: 400 });
  return redirect(`/cases/${kase.reference}/satisfaction`);
}

const ratings = [5, 4, 3, 2, 1] as const;

export default function Satisfaction() {
  const { t } = useTranslation("ideas");
  const { reference, moment, answered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.result?.error ?? {}) as Record<string, string[] | undefined>;
  const ratingErrors = errors.rating ?? [];
  const commentErrors = errors.comment ?? [];
  const back = (
    <p>
      <Link to={`/cases/${reference}`}>{t("satisfaction.back")}</Link>
    </p>
  );
  if (answered) {
    return (
      <>
        <h1>{t("satisfaction.title")}</h1>
        <div className="notice" role="status">
          <p>{t("satisfaction.thanks")}</p>
        </div>
        {back}
      </>
    );
  }
  return (
    <>
      <ErrorSummary
        errors={[
          ...ratingErrors.map((message) => ({ message: t(message), fieldId: "rating-5" })),
          ...commentErrors.map((message) => ({ message: t(message), fieldId: "satisfaction-comment" })),
        ]}
      />
      <span className="caption">{reference}</span>
      <h1>{t("satisfaction.title")}</h1>
      <p className="lead">{t(`satisfaction.lead.${moment}`)}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <fieldset className={`field${ratingErrors.length ? " field--error" : ""}`} aria-describedby={ratingErrors.length ? "rating-error" : undefined}>
          <legend className="field__label">{t(`satisfaction.question.${moment}`)}</legend>
          {ratingErrors.length ? (
            <span className="field__error" id="rating-error">
              {ratingErrors.map((e) => t(e)).join(" ")}
            </span>
          ) : null}
          {ratings.map((rating) => (
            <div className="choice" key={rating}>
              <input type="radio" id={`rating-${rating}`} name="rating" value={rating} />
              <label htmlFor={`rating-${rating}`}>{t(`satisfaction.ratings.${rating}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={`field${commentErrors.length ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="satisfaction-comment">
            {t("satisfaction.comment")}
          </label>
          <span className="field__hint" id="satisfaction-comment-hint">
            {t("satisfaction.commentHint")}
          </span>
          {commentErrors.length ? (
            <span className="field__error" id="satisfaction-comment-error">
              {commentErrors.map((e) => t(e)).join(" ")}
            </span>
          ) : null}
          <textarea
            id="satisfaction-comment"
            name="comment"
            className="textarea"
            rows={4}
            aria-describedby={commentErrors.length ? "satisfaction-comment-hint satisfaction-comment-error" : "satisfaction-comment-hint"}
          />
        </div>
        <button type="submit" className="button">
          {t("satisfaction.submit")}
        </button>
      </Form>
      {back}
    </>
  );
}
