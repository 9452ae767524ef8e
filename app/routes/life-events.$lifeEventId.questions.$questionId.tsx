// One question of a life event per page. The journey machine decides what comes next; the page shows the
// question, prefilled from the record with its source, and keeps whatever was typed when it has errors.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readVerifiedForm, recordDataRead, requireApplicant } from "~/identity/auth.server";
import { QuestionPage as QuestionPageBody } from "~/components/questions/question-page";
import { journeyPath, requireJourney, requireReachable } from "~/journeys/journey-pages.server";
import { machineErrors, readQuestionForm, type FieldErrors } from "~/journeys/journey-form.server";
import { eventsToReach, previousQuestionId, prefillFor, sendJourneyEvents } from "~/journeys/journeys.server";
import { requireLifeEvent } from "~/journeys/life-events.server";
import { getDb } from "../../db/client.server";
import { getQuestion } from "../../flows";
import { toQuestionView } from "~/journeys/question-view";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { todayInJapan } from "~/platform/today.server";
import { publishedTexts, questionTextParts } from "~/journeys/texts.server";
import { languageOf, textParts } from "~/platform/i18n/i18n.server";
import { WithTexts } from "~/platform/i18n/texts";

/**
 * The translations this page needs besides the layout's (README, "Translations per page"): no whole namespace;
 * the loader sends the few parts the question shows (questionTextParts).
 */
export const handle = { i18n: [] };

export const meta = titleMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request, { context });
  const journey = requireJourney(auth, lifeEvent);
  const questionId = requireReachable(journey, params.questionId);
  const question = getQuestion(journey.lifeEvent, questionId)!;
  const prefill = prefillFor(getDb(), journey, question);
  if (prefill) {
    recordDataRead(getDb(), auth, {
      dataSubjectId: journey.subjectId,
      subjectType: "journey",
      subjectId: journey.id,
      purpose: `prefill:${lifeEvent.id}:${questionId}`,
    });
  }
  const answered = questionId in journey.answers;
  const previous = previousQuestionId(journey, questionId);
  // The wording designers published last, over the flow's own texts (whatever version the journey is on).
  const lng = await languageOf(request);
  const texts = publishedTexts(getDb(), lifeEvent.id, lng);
  return {
    textParts: textParts(lng, questionTextParts(question)),
    title: await pageTitle(request, question.texts.title, lifeEvent.id, texts[question.texts.title]),
    texts,
    lifeEventId: lifeEvent.id,
    questionId,
    question: toQuestionView(question),
    value: answered ? journey.answers[questionId] : prefill?.value,
    // A problem found when the answers were confirmed (a move date now outside its window) is shown here.
    errors: journey.context.errors?.questionId === questionId ? machineErrors(journey.context.errors.issues) : null,
    prefill: prefill ? { source: prefill.source, recordedAt: prefill.recordedAt, confirmed: answered } : null,
    backHref: journey.context.changing
      ? `/life-events/${lifeEvent.id}/check-answers`
      : previous
        ? `/life-events/${lifeEvent.id}/questions/${previous}`
        : `/life-events/${lifeEvent.id}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
  const form = await readVerifiedForm(request);
  const journey = requireJourney(auth, lifeEvent);
  const questionId = requireReachable(journey, params.questionId);
  const question = getQuestion(journey.lifeEvent, questionId)!;
  const result = readQuestionForm(question, form);
  if (result.kind === "redisplay") {
    const hasErrors = Object.keys(result.errors).length > 0;
    return data({ value: result.value, errors: result.errors, townChoices: result.townChoices ?? null }, { status: hasErrors ? 400 : 200 });
  }
  const reach = eventsToReach(journey, questionId);
  if (!reach) throw redirect(journeyPath(journey));
  const next = sendJourneyEvents(getDb(), {
    journeyId: journey.id,
    events: [...reach, { type: "answer.submitted", questionId, value: result.value, today: todayInJapan() }],
  });
  if (next.state === questionId && next.context.errors?.questionId === questionId) {
    const errors: FieldErrors = machineErrors(next.context.errors.issues);
    return data({ value: result.value, errors, townChoices: null }, { status: 400 });
  }
  return redirect(journeyPath(next));
}

export default function QuestionPage() {
  const { lifeEventId, questionId, question, value, prefill, backHref, errors: storedErrors, texts, textParts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <WithTexts parts={textParts}>
      <QuestionPageBody
        lifeEventId={lifeEventId}
        questionId={questionId}
        question={question}
        value={actionData ? actionData.value : value}
        errors={(actionData?.errors ?? storedErrors ?? {}) as FieldErrors}
        prefill={prefill}
        backHref={backHref}
        townChoices={actionData?.townChoices ?? undefined}
        texts={texts}
      />
    </WithTexts>
  );
}
