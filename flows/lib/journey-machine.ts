// Compiles a life event into its journey machine: one state per question, check answers, confirmed.
// The machine validates each answer with the question's schema and decides the next page; routes only render.
import { assign, setup, type AnyStateMachine } from "xstate";
import { deepEqual } from "./deep-equal";
import { answerProblems, applicableQuestions, checkAnswer, getQuestion, nextQuestion, pruneAnswers, type LifeEvent } from "./life-event";
import { prefillValue } from "./questions";
import type { Answers, RecordValues } from "./types";

export type AnswerIssue = { path: string; message: string /* i18n key */; params?: Record<string, string> };

export type JourneyContext = {
  lifeEventId: string;
  version: number;
  answers: Answers;
  record: RecordValues;
  /** Questions whose answer the person typed or changed; a confirmed prefill is not entered. */
  entered: string[];
  errors: { questionId: string; issues: AnswerIssue[] } | null;
  /** True between 'change.requested' and the return to check answers. */
  changing: boolean;
  /** Where the routing state goes next: a question id, or null for check answers. */
  cursor: string | null;
};

/** `today` (YYYY-MM-DD, the date of filing) lets the machine check date windows; flows read no clock. */
export type JourneyEvent =
  | { type: "answer.submitted"; questionId: string; value: unknown; today?: string }
  | { type: "back" }
  | { type: "change.requested"; questionId: string }
  | { type: "answers.confirmed"; today?: string };

export type JourneyInput = { record: RecordValues; answers?: Answers };

type QuestionParams = { questionId: string };

export function createJourneyMachine(lifeEvent: LifeEvent): AnyStateMachine {
  const questionIds = lifeEvent.questions.map((question) => question.id);

  const parse = (questionId: string, value: unknown) => {
    const question = getQuestion(lifeEvent, questionId);
    if (!question) throw new Error(`${lifeEvent.id} has no question ${questionId}`);
    return question.schema.safeParse(value);
  };

  /** The schema's issues, or else the cross-answer check's problem with the answers this value would make. */
  const issuesOf = (questionId: string, value: unknown, context: JourneyContext, today?: string): AnswerIssue[] => {
    const result = parse(questionId, value);
    if (!result.success) {
      const all = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      // One message per field: a value can fail several checks that say the same thing.
      return all.filter((issue, index) => all.findIndex((other) => other.path === issue.path) === index);
    }
    const problem = checkAnswer(lifeEvent, questionId, { ...context.answers, [questionId]: result.data }, context.record, today);
    return problem ? [problem] : [];
  };

  const forwardFrom = (questionId: string, answers: Answers, record: RecordValues): string | null => {
    const asked = applicableQuestions(lifeEvent, answers, record).map((question) => question.id);
    const position = questionIds.indexOf(questionId);
    const after = asked.find((id) => questionIds.indexOf(id) > position);
    return after ?? nextQuestion(lifeEvent, answers, record);
  };

  const previousOf = (questionId: string | null, context: JourneyContext): string | null => {
    const asked = applicableQuestions(lifeEvent, context.answers, context.record).map((question) => question.id);
    if (questionId === null) return asked.at(-1) ?? null;
    const position = questionIds.indexOf(questionId);
    return asked.filter((id) => questionIds.indexOf(id) < position).at(-1) ?? null;
  };

  const questionStates = Object.fromEntries(
    lifeEvent.questions.map((question) => [
      question.id,
      {
        description: `Asks "${question.id}" (${question.type}${question.prefillFrom ? `, prefilled from ${question.prefillFrom}` : ""}).`,
        tags: ["question"],
        on: {
          "answer.submitted": [
            {
              guard: { type: "isValidAnswerTo", params: { questionId: question.id } },
              actions: { type: "recordAnswer", params: { questionId: question.id } },
              target: "routing",
              description: "A valid answer is kept; the journey moves to the next question, or back to check answers.",
            },
            {
              guard: { type: "isAnswerTo", params: { questionId: question.id } },
              actions: { type: "recordErrors", params: { questionId: question.id } },
              description: "An invalid answer keeps the person on the page, with the errors.",
            },
          ],
          back: [
            { guard: "isChanging", target: "checkingAnswers", description: "Back from a change returns to check answers." },
            {
              guard: { type: "hasPreviousQuestion", params: { questionId: question.id } },
              actions: { type: "goBack", params: { questionId: question.id } },
              target: "routing",
              description: "Back to the previous question that applies.",
            },
          ],
        },
      },
    ]),
  );

  return setup({
    types: {
      context: {} as JourneyContext,
      events: {} as JourneyEvent,
      input: {} as JourneyInput,
    },
    guards: {
      isAnswerTo: ({ event }, params: QuestionParams) =>
        event.type === "answer.submitted" && event.questionId === params.questionId,
      isValidAnswerTo: ({ context, event }, params: QuestionParams) =>
        event.type === "answer.submitted" &&
        event.questionId === params.questionId &&
        issuesOf(params.questionId, event.value, context, event.today).length === 0,
      isCursorAt: ({ context }, params: QuestionParams) => context.cursor === params.questionId,
      isChanging: ({ context }) => context.changing,
      hasPreviousQuestion: ({ context }, params: QuestionParams) => previousOf(params.questionId, context) !== null,
      hasAnyQuestion: ({ context }) => previousOf(null, context) !== null,
      isChangeable: ({ context, event }) =>
        event.type === "change.requested" &&
        applicableQuestions(lifeEvent, context.answers, context.record).some((question) => question.id === event.questionId),
      isComplete: ({ context }) => nextQuestion(lifeEvent, context.answers, context.record) === null,
      hasAnswerProblems: ({ context, event }) =>
        event.type === "answers.confirmed" && answerProblems(lifeEvent, context.answers, context.record, event.today).length > 0,
    },
    actions: {
      recordAnswer: assign(({ context, event }, params: QuestionParams) => {
        if (event.type !== "answer.submitted") return {};
        const question = getQuestion(lifeEvent, params.questionId)!;
        const value = question.schema.parse(event.value);
        const answers = pruneAnswers(lifeEvent, { ...context.answers, [params.questionId]: value }, context.record);
        const prefilled = question.prefillFrom || question.prefill ? prefillValue(question, context.record) : undefined;
        const confirmedPrefill = prefilled !== undefined && deepEqual(value, prefilled);
        const entered = context.entered.filter((id) => id !== params.questionId && id in answers);
        if (!confirmedPrefill) entered.push(params.questionId);
        const cursor = context.changing
          ? nextQuestion(lifeEvent, answers, context.record)
          : forwardFrom(params.questionId, answers, context.record);
        return { answers, entered, errors: null, cursor };
      }),
      recordErrors: assign(({ context, event }, params: QuestionParams) => {
        if (event.type !== "answer.submitted") return {};
        return { errors: { questionId: params.questionId, issues: issuesOf(params.questionId, event.value, context, event.today) } };
      }),
      recordAnswerProblem: assign(({ context, event }) => {
        if (event.type !== "answers.confirmed") return {};
        const [first] = answerProblems(lifeEvent, context.answers, context.record, event.today);
        return { errors: { questionId: first.questionId, issues: [first.problem] }, cursor: first.questionId, changing: true };
      }),
      goBack: assign(({ context }, params: QuestionParams) => ({
        cursor: previousOf(params.questionId, context),
        errors: null,
      })),
      goBackFromCheckAnswers: assign(({ context }) => ({ cursor: previousOf(null, context), errors: null })),
      startChange: assign(({ event }) =>
        event.type === "change.requested" ? { changing: true, cursor: event.questionId, errors: null } : {},
      ),
      endChange: assign({ changing: false }),
    },
  }).createMachine({
    id: `${lifeEvent.id}-journey-v${lifeEvent.version}`,
    description: `The ${lifeEvent.id} journey (version ${lifeEvent.version}): one state per question, then check answers.`,
    context: ({ input }) => {
      const answers = pruneAnswers(lifeEvent, input.answers ?? {}, input.record);
      return {
        lifeEventId: lifeEvent.id,
        version: lifeEvent.version,
        answers,
        record: input.record,
        entered: [],
        errors: null,
        changing: false,
        cursor: nextQuestion(lifeEvent, answers, input.record),
      };
    },
    initial: "routing",
    states: {
      routing: {
        description: "Transient: goes to the question the cursor names, or to check answers.",
        always: [
          ...questionIds.map((questionId) => ({
            guard: { type: "isCursorAt" as const, params: { questionId } },
            target: questionId,
          })),
          { target: "checkingAnswers" },
        ],
      },
      ...questionStates,
      checkingAnswers: {
        description: "The person reviews every applicable answer, changes any, and confirms.",
        tags: ["checkAnswers"],
        entry: "endChange",
        on: {
          "answers.confirmed": [
            {
              guard: "hasAnswerProblems",
              actions: "recordAnswerProblem",
              target: "routing",
              description: "An answer that no longer fits the others or today's date (a move date outside the window) is asked again, with the problem.",
            },
            {
              guard: "isComplete",
              target: "confirmed",
              description: "Confirming needs an answer to every applicable question.",
            },
          ],
          "change.requested": {
            guard: "isChangeable",
            actions: "startChange",
            target: "routing",
            description: "Change one answer; afterwards any newly applicable question, then back here.",
          },
          back: { guard: "hasAnyQuestion", actions: "goBackFromCheckAnswers", target: "routing" },
        },
      },
      confirmed: {
        type: "final",
        description: "The answers are confirmed; the portal shows consent and submits the case.",
        tags: ["confirmed"],
      },
    },
  });
}
