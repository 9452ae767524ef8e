// A life event: the questions a person answers, when each is asked, the data items the answers provide,
// and the rules that pick procedures. Everything here is pure, so routes, machines and checks share it.
import type { DataItemKey, DataValues } from "./data-dictionary";
import type { Procedure } from "./procedure";
import type { AnswersOf, Question } from "./questions";
import type { Answers, Filing, FlowContext, RecordValues, Text } from "./types";

export type Rule<A = Answers> = (context: FlowContext<A>) => boolean;

/** A rule that holds when every one of the rules holds: `both(ownsVehicle, ownsRegisteredCar)`. */
export const both =
  <A>(...rules: Rule<A>[]): Rule<A> =>
  (context) =>
    rules.every((rule) => rule(context));

/**
 * A procedure and when the answers call for it. `offline`: when it holds, the person cannot file online
 * (the move-out notification online needs a My Number Card) and is guided to send the prefilled form by
 * post or bring it to the counter; the data still goes ahead so the office can match it.
 */
export type ProcedureRule<A = Answers> = { procedure: Procedure; when: Rule<A>; offline?: Rule<A> };

/** A problem with an answer: an i18n key, with values for it (dates as YYYY-MM-DD, `procedure` as an id). */
export type AnswerProblem = { path: string; message: string; params?: Record<string, string> };

/**
 * A check across answers, made when its question is answered and again before the answers are submitted.
 * `today` is the date of filing (flows read no clock); without it, date windows are not checked.
 */
export type AnswerCheck<A = Answers> = (context: FlowContext<A> & { today?: string; lifeEvent: LifeEvent }) => AnswerProblem | null;

/** A person the life event is tried with: checks build every payload from each sample. */
export type Sample = { id: string; description: string; record: RecordValues; answers: Answers };

export type LifeEvent = {
  /** Also the URL slug and the i18n namespace. */
  id: string;
  version: number;
  title: Text;
  description: Text;
  questions: Question[];
  /** Ids of the catalogue procedures this life event can trigger, in the order they are listed. */
  procedures: string[];
  /** When a question is asked; a question without a condition is always asked. */
  askWhen: Partial<Record<string, Rule>>;
  /** How each data item is derived from the answers and the record. */
  provides: Partial<Record<DataItemKey, (context: FlowContext) => unknown>>;
  rules: ProcedureRule[];
  /** Checks across answers, by the question they concern. */
  checks: Partial<Record<string, AnswerCheck>>;
  samples: Sample[];
};

type LifeEventSpec<Qs extends readonly Question[]> = {
  id: string;
  version: number;
  title: Text;
  description: Text;
  questions: Qs;
  askWhen?: { [K in Qs[number]["id"]]?: Rule<AnswersOf<Qs>> };
  provides: { [K in DataItemKey]?: (context: FlowContext<AnswersOf<Qs>>) => DataValues[K] | undefined };
  procedures: ProcedureRule<AnswersOf<Qs>>[];
  checks?: { [K in Qs[number]["id"]]?: AnswerCheck<AnswersOf<Qs>> };
  samples?: Sample[];
};

/** Names the journey machine uses for its own states; a question may not take them. */
export const reservedStateNames = ["routing", "checkingAnswers", "confirmed"];

export function defineLifeEvent<const Qs extends readonly Question[]>(spec: LifeEventSpec<Qs>): LifeEvent {
  const ids = spec.questions.map((question) => question.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`${spec.id}: question ${duplicate} is defined twice`);
  const reserved = ids.find((id) => reservedStateNames.includes(id));
  if (reserved) throw new Error(`${spec.id}: question id ${reserved} is reserved`);
  const wrongNamespace = spec.questions.find((question) => !question.i18nKey.startsWith(`${spec.id}:`));
  if (wrongNamespace) throw new Error(`${spec.id}: question ${wrongNamespace.id} uses another i18n namespace`);
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new Error(`${spec.id}: version must be a positive integer`);

  return Object.freeze({
    id: spec.id,
    version: spec.version,
    title: spec.title,
    description: spec.description,
    questions: [...spec.questions],
    procedures: spec.procedures.map((rule) => rule.procedure.id),
    askWhen: (spec.askWhen ?? {}) as Partial<Record<string, Rule>>,
    provides: spec.provides as Partial<Record<DataItemKey, (context: FlowContext) => unknown>>,
    rules: spec.procedures as unknown as ProcedureRule[],
    checks: (spec.checks ?? {}) as Partial<Record<string, AnswerCheck>>,
    samples: spec.samples ?? [],
  });
}

export function getQuestion(lifeEvent: LifeEvent, questionId: string): Question | undefined {
  return lifeEvent.questions.find((question) => question.id === questionId);
}

function isAsked(lifeEvent: LifeEvent, question: Question, answers: Answers, record: RecordValues): boolean {
  const rule = lifeEvent.askWhen[question.id];
  return rule ? rule({ answers, record }) : true;
}

/** The questions asked of this person given the answers so far, in order. */
export function applicableQuestions(lifeEvent: LifeEvent, answers: Answers, record: RecordValues): Question[] {
  return lifeEvent.questions.filter((question) => isAsked(lifeEvent, question, answers, record));
}

/** The first applicable question without an answer, or null when every applicable question is answered. */
export function nextQuestion(lifeEvent: LifeEvent, answers: Answers, record: RecordValues): string | null {
  const question = applicableQuestions(lifeEvent, answers, record).find((candidate) => answers[candidate.id] === undefined);
  return question?.id ?? null;
}

/** Drops answers to questions that no longer apply (e.g. vehicles after "I own no vehicle"). */
export function pruneAnswers(lifeEvent: LifeEvent, answers: Answers, record: RecordValues): Answers {
  let current = answers;
  for (;;) {
    const asked = new Set(applicableQuestions(lifeEvent, current, record).map((question) => question.id));
    const next = Object.fromEntries(Object.entries(current).filter(([id]) => asked.has(id)));
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
}

/** Every data item the life event provides for these answers and this record (absent items are left out). */
export function dataValues(lifeEvent: LifeEvent, answers: Answers, record: RecordValues, filing?: Filing): Partial<DataValues> {
  const context = { answers: pruneAnswers(lifeEvent, answers, record), record, filing };
  const values: Partial<Record<DataItemKey, unknown>> = {};
  for (const [key, derive] of Object.entries(lifeEvent.provides) as [DataItemKey, (context: FlowContext) => unknown][]) {
    const value = derive(context);
    if (value !== undefined) values[key] = value;
  }
  return values as Partial<DataValues>;
}

/** The problem a question's cross-answer check finds with these answers, if any. */
export function checkAnswer(lifeEvent: LifeEvent, questionId: string, answers: Answers, record: RecordValues, today?: string): AnswerProblem | null {
  const check = lifeEvent.checks[questionId];
  if (!check) return null;
  const pruned = pruneAnswers(lifeEvent, answers, record);
  if (!(questionId in pruned)) return null;
  return check({ answers: pruned, record, today, lifeEvent });
}

/** Every answered question whose cross-answer check fails, in question order. */
export function answerProblems(
  lifeEvent: LifeEvent,
  answers: Answers,
  record: RecordValues,
  today?: string,
): { questionId: string; problem: AnswerProblem }[] {
  return lifeEvent.questions.flatMap((question) => {
    const problem = checkAnswer(lifeEvent, question.id, answers, record, today);
    return problem ? [{ questionId: question.id, problem }] : [];
  });
}
