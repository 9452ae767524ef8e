// Check your answers: every answer that applies, each with a Change link that comes back here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlowTextsProvider, useFlowTranslation } from "~/components/flow-texts/flow-texts";
import { requireApplicant } from "~/identity/auth.server";
import { maskIdentityNumbersIn } from "~/identity/security/identity-numbers.server";
import { AnswerText } from "~/components/questions/answer-text";
import { journeyPath, requireJourney } from "~/journeys/journey-pages.server";
import { requireLifeEvent } from "~/journeys/life-events.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { applicableQuestions } from "../../flows";
import { toQuestionView } from "~/journeys/question-view";
import { publishedTexts } from "~/journeys/texts.server";
import { languageOf } from "~/platform/i18n/i18n.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["journey", ":lifeEventId"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
  const journey = requireJourney(auth, lifeEvent);
  if (journey.state !== "checkingAnswers") throw redirect(journeyPath(journey));
  // Identity numbers only by their last four characters: the full number goes to the organisation, not the page.
  const shown = maskIdentityNumbersIn(journey.answers);
  const rows = applicableQuestions(journey.lifeEvent, journey.answers, journey.record).map((q) => ({
    questionId: q.id,
    question: toQuestionView(q),
    value: shown[q.id] ?? null,
  }));
  return {
    title: await pageTitle(request, "checkAnswers.title", "journey"),
    lifeEventId: lifeEvent.id,
    rows,
    texts: publishedTexts(getDb(), lifeEvent.id, await languageOf(request)),
  };
}

export default function CheckAnswers() {
  const { texts } = useLoaderData<typeof loader>();
  return (
    <FlowTextsProvider texts={texts}>
      <CheckAnswersList />
    </FlowTextsProvider>
  );
}

function CheckAnswersList() {
  const { t } = useFlowTranslation();
  const { lifeEventId, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">{t(`common:lifeEvents.${lifeEventId}.title`)}</span>
      <h1>{t("journey:checkAnswers.title")}</h1>
      <p>{t("journey:checkAnswers.lead")}</p>
      <dl className="summary-list">
        {rows.map(({ questionId, question, value }) => {
          const title = t(question.texts.title);
          return (
            <div className="summary-list__row" key={questionId}>
              <dt>{title}</dt>
              <dd>
                <AnswerText question={question} value={value} />
              </dd>
              <dd>
                <Link to={`/life-events/${lifeEventId}/questions/${questionId}`}>
                  {t("journey:checkAnswers.change")}
                  <span className="visually-hidden"> {title}</span>
                </Link>
              </dd>
            </div>
          );
        })}
      </dl>
      <p>
        <Link className="button" to={`/life-events/${lifeEventId}/consent`}>
          {t("journey:checkAnswers.continue")}
        </Link>
      </p>
    </>
  );
}
