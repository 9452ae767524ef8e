// Suggest an improvement: an idea or complaint about what the link that led here was about (a life event, a
// procedure, a question page). Personal data is pointed out and masked before anything is published.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { ConfirmMaskedForm, PostIdeaForm } from "~/components/ideas/idea-forms";
import { readVerifiedForm, requireUser } from "~/identity/auth.server";
import { rateLimitedResponse } from "~/identity/security/rate-limit.server";
import { cleanContext, contextLabels, postIdea, requestLanguage } from "~/ideas/ideas.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["ideas", ...journeyNamespaces] };

export const meta = titleMeta;

function contextFrom(url: URL) {
  return cleanContext({ lifeEventId: url.searchParams.get("lifeEvent"), procedureId: url.searchParams.get("procedure"), questionId: url.searchParams.get("question") });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const context = contextFrom(new URL(request.url));
  return { title: await pageTitle(request, "new.title", "ideas"), context, about: contextLabels(context, await requestLanguage(request)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = await readVerifiedForm(request);
  const outcome = postIdea(getDb(), auth, form);
  switch (outcome.kind) {
    case "posted":
      return redirect(`/ideas/${outcome.id}?notice=posted`);
    case "rateLimited":
      throw rateLimitedResponse(outcome.retryAt);
    case "invalid":
      return data({ result: outcome.result, review: null }, { status: 400 });
    case "review":
      return data({ result: undefined, review: { findings: outcome.findings, masked: outcome.masked, values: outcome.values } }, { status: 200 });
  }
}

export default function NewIdea() {
  const { t } = useTranslation("ideas");
  const { context, about } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const review = actionData?.review ?? null;
  const intended = (actionData?.result?.initialValue ?? undefined) as Record<string, string> | undefined;
  const values = review?.values ?? intended ?? {};
  return (
    <>
      <p>
        <Link to="/ideas" className="back-link">
          {t("new.cancel")}
        </Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.lead")}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("about.heading")}</dt>
          <dd data-testid="idea-about">
            {[about.lifeEvent, about.procedure, about.questionTitleKey ? t(about.questionTitleKey) : null].filter(Boolean).join(" › ") || t("about.general")}
          </dd>
        </div>
      </dl>
      {review ? (
        <section className="notice notice--warning" aria-labelledby="review-heading">
          <h2 id="review-heading">{t("review.heading")}</h2>
          <p>{t("review.lead")}</p>
          <ul>
            {review.findings.map((finding, index) => (
              <li key={index}>
                {t(`personalData.${finding.kind}`)} ({t(finding.field === "title" ? "personalData.inTitle" : "personalData.inBody")})
              </li>
            ))}
          </ul>
          <h3>{t("review.preview")}</h3>
          <p className="office-text">
            <strong>{review.masked.title}</strong>
          </p>
          <p className="office-text" data-testid="masked-body">
            {review.masked.body}
          </p>
          <ConfirmMaskedForm values={review.values} context={context} />
          <p>{t("review.edit")}</p>
        </section>
      ) : (
        <p>{t("new.noPersonalData")}</p>
      )}
      <PostIdeaForm result={actionData?.result ?? undefined} values={values} context={context} />
    </>
  );
}
