// A question page exactly as a citizen will see it once the draft is published: the citizen's own page component
// with the draft's texts, in the page's language (?lng=ja|en). "Continue" comes back here showing the question's
// error message, so its wording can be previewed too. No person's data: the question starts empty.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { QuestionPage } from "~/components/questions/question-page";
import { contentStateOf, draftTextsIn } from "~/design/content.server";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { toQuestionView } from "~/journeys/question-view";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { getDb } from "../../db/client.server";
import { getQuestion } from "../../flows";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const question = getQuestion(lifeEvent, params.group ?? "");
  if (!question) throw new Response("Not Found", { status: 404 });
  const state = contentStateOf(getDb(), lifeEvent);
  const texts = draftTextsIn(state, lang);
  const showErrors = new URL(request.url).searchParams.get("show") === "errors";
  // The first error message the question can show (the "required" one, or its own pattern message).
  const error = question.i18nKeys.find((key) => key.includes(":errors.") || key.includes(".errors."));
  const title = texts[question.texts.title] ?? t(question.texts.title);
  return {
    title: `${t("design:texts.previewTitle", { title })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    questionId: question.id,
    question: toQuestionView(question),
    texts,
    errors: showErrors && error ? { answer: [error] } : {},
    hasDraft: Object.keys(state.draft).length > 0,
    lang,
  };
}

export default function DesignTextPreview() {
  const { t } = useTranslation("design");
  const { lifeEventId, questionId, question, texts, errors, hasDraft, lang } = useLoaderData<typeof loader>();
  const here = `/design/life-events/${lifeEventId}/texts/${questionId}/preview`;
  return (
    <>
      <div className="notice notice--warning" role="note" aria-label={t("texts.previewBanner")}>
        <p>
          <strong>{t("texts.previewBanner")}</strong> {hasDraft ? t("texts.previewDraft") : t("texts.previewPublished")}
        </p>
        <ul className="plain-list design-actions">
          <li>
            <Link to={`/design/life-events/${lifeEventId}/texts#group-${questionId}`}>{t("texts.back")}</Link>
          </li>
          <li>
            <Link to={`/design/life-events/${lifeEventId}/texts/${questionId}`}>{t("texts.edit")}</Link>
          </li>
          <li>
            <Link to={`${here}?lng=${lang === "ja" ? "en" : "ja"}`}>{lang === "ja" ? t("texts.previewEn") : t("texts.previewJa")}</Link>
          </li>
          <li>
            <Link to={`${here}?lng=${lang}&show=errors`}>{t("texts.previewErrors")}</Link>
          </li>
        </ul>
      </div>
      <div className="design-preview">
        <QuestionPage
          lifeEventId={lifeEventId}
          questionId={questionId}
          question={question}
          value={undefined}
          errors={errors}
          prefill={null}
          backHref={`/design/life-events/${lifeEventId}/texts#group-${questionId}`}
          texts={texts}
          previewAction={here}
        />
      </div>
    </>
  );
}
