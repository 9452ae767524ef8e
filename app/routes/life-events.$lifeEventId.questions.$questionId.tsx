// One question of a life event per page. The journey machine decides what comes next; the page shows the
// question, prefilled from the record with its source, and keeps whatever was typed when it has errors.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuggestImprovementLink } from "~/components/ideas/idea-forms";
import { readVerifiedForm, recordDataRead, requireApplicant } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { PrefillNote } from "~/components/questions/prefill-note";
import { fieldId, QuestionField } from "~/components/questions/question-field";
import { journeyPath, requireJourney, requireReachable } from "~/journeys/journey-pages.server";
import { machineErrors, readQuestionForm, type FieldErrors } from "~/journeys/journey-form.server";
import { eventsToReach, previousQuestionId, prefillFor, sendJourneyEvents } from "~/journeys/journeys.server";
import { requireLifeEvent } from "~/journeys/life-events.server";
import { getDb } from "../../db/client.server";
import { getQuestion } from "../../flows";
import { toQuestionView } from "~/journeys/question-view";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { journeyNamespaces } from "~/journeys/namespaces";
import { todayInJapan } from "~/platform/today.server";
import { issueText } from "~/platform/issue-message";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: journeyNamespaces };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
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
  return {
    title: await pageTitle(request, question.texts.title, lifeEvent.id),
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
  const { t, i18n } = useTranslation();
  const { lifeEventId, questionId, question, value, prefill, backHref, errors: storedErrors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? storedErrors ?? {}) as FieldErrors;
  const summary = Object.entries(errors).flatMap(([name, messages]) =>
    messages.map((message) => ({ fieldId: fieldId(name), message: issueText(t, i18n.language, message) })),
  );
  return (
    <>
      <p>
        <Link to={backHref} className="back-link">
          {t("journey:form.back")}
        </Link>
      </p>
      <span className="caption">{t(`common:lifeEvents.${lifeEventId}.title`)}</span>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate key={questionId} data-question={questionId}>
        <CsrfField />
        {/* Pressing Enter continues, whatever other buttons the question has. */}
        <button type="submit" name="intent" value="continue" hidden tabIndex={-1} />
        {prefill ? <PrefillNote source={prefill.source} recordedAt={prefill.recordedAt} /> : null}
        <QuestionField
          question={question}
          name="answer"
          value={actionData ? actionData.value : value}
          errors={errors}
          asPageHeading
          townChoices={actionData?.townChoices ?? undefined}
        />
        <button className="button" type="submit" name="intent" value="continue">
          {t("journey:form.continue")}
        </button>
      </Form>
      <SuggestImprovementLink lifeEventId={lifeEventId} questionId={questionId} />
    </>
  );
}
