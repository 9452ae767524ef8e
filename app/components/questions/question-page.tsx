// The body of a question page, as the citizen sees it: back link, the life event, the error summary, the prefill
// note, the question and "continue". The citizen's route and the designers' preview render this same component,
// so a preview shows exactly the page a citizen will get (with the texts the preview is given).
import { Form, Link } from "@remix-run/react";
import { SuggestImprovementLink } from "~/components/ideas/idea-links";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { FlowTextsProvider, useFlowTranslation } from "~/components/flow-texts/flow-texts";
import { PrefillNote, type PrefillSourceView } from "~/components/questions/prefill-note";
import { fieldId, QuestionField, type FieldErrors, type PostalChoice } from "~/components/questions/question-field";
import type { QuestionView } from "~/journeys/question-view";
import { issueText } from "~/platform/issue-message";

export type QuestionPageProps = {
  lifeEventId: string;
  questionId: string;
  question: QuestionView;
  value: unknown;
  errors: FieldErrors;
  prefill: { source: PrefillSourceView; recordedAt: string | null } | null;
  backHref: string;
  townChoices?: PostalChoice[];
  /** The life event's texts that replace built-in ones (published wording, or a draft in a preview). */
  texts: Record<string, string>;
  /** A designer's preview: the form goes back to the preview (GET, showing the question's error) instead of the journey. */
  previewAction?: string;
};

function QuestionPageBody({ lifeEventId, questionId, question, value, errors, prefill, backHref, townChoices, previewAction }: QuestionPageProps) {
  const { t, i18n } = useFlowTranslation();
  const summary = Object.entries(errors).flatMap(([name, messages]) =>
    (messages ?? []).map((message) => ({ fieldId: fieldId(name), message: issueText(t, i18n.language, message) })),
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
      <Form method={previewAction ? "get" : "post"} action={previewAction} noValidate key={questionId} data-question={questionId}>
        {previewAction ? (
          <>
            <input type="hidden" name="lng" value={i18n.language} />
            <input type="hidden" name="show" value="errors" />
          </>
        ) : (
          <CsrfField />
        )}
        {/* Pressing Enter continues, whatever other buttons the question has. */}
        <button type="submit" name="intent" value="continue" hidden tabIndex={-1} />
        {prefill ? <PrefillNote source={prefill.source} recordedAt={prefill.recordedAt} /> : null}
        <QuestionField question={question} name="answer" value={value} errors={errors} asPageHeading townChoices={townChoices} />
        <button className="button" type="submit" name="intent" value="continue">
          {t("journey:form.continue")}
        </button>
      </Form>
      <SuggestImprovementLink lifeEventId={lifeEventId} questionId={questionId} />
    </>
  );
}

export function QuestionPage(props: QuestionPageProps) {
  return (
    <FlowTextsProvider texts={props.texts}>
      <QuestionPageBody {...props} />
    </FlowTextsProvider>
  );
}
