// A simulation: one person (a sample, or a composed one) run through a life event without sending or storing
// anything. Page by page which questions are asked (and why), prefilled (and from where) or skipped (and why);
// which procedures are selected and the rule that selected each, with the answers and record values it read;
// the exact payload each organisation would receive, checked against its schema; deadlines; and the effort
// figure (data items entered against data items needed), counted as the effort benchmark counts.
import { deepEqual } from "../lib/deep-equal";
import { getQuestion, nextQuestion, pruneAnswers, type LifeEvent } from "../lib/life-event";
import { prefillValue, type Question } from "../lib/questions";
import { draftSelection } from "../lib/selection";
import type { Answers, RecordValues } from "../lib/types";
import { traceRule } from "./rules";

export type ReadValue = { key: string; value: unknown };
export type RuleWhy = { value: boolean; answers: ReadValue[]; record: ReadValue[] };

export type SimulatedPage = {
  questionId: string;
  /** Why it is asked: null when the question is always asked. */
  askedBecause: RuleWhy | null;
  prefill: unknown;
  /** The record attribute the prefill comes from; "record" when a rule over the record computes it. */
  prefillFrom: string | null;
  answer: unknown;
  /** The answer as the journey stores it (parsed by the question's schema), or the first problem. */
  valid: boolean;
  confirmedPrefill: boolean;
  itemsEntered: number;
};

export type SimulatedProcedure = {
  procedureId: string;
  selected: boolean;
  why: RuleWhy;
  agencyId: string | null;
  routeError: string | null;
  deadline: string | null;
  inPerson: boolean;
  prerequisites: string[];
  dataItems: string[];
  payload: unknown;
  /** Paths the payload schema rejects ([] when it passes). */
  schemaIssues: string[];
};

export type Simulation = {
  lifeEventId: string;
  version: number;
  pages: SimulatedPage[];
  skipped: { questionId: string; why: RuleWhy }[];
  /** The first question the answers leave open (the journey would stop there), or null. */
  unanswered: string | null;
  procedures: SimulatedProcedure[];
  effort: { itemsNeeded: number; itemsEntered: number; ratio: number };
};

function why(rule: Parameters<typeof traceRule>[0], answers: Answers, record: RecordValues): RuleWhy {
  const trace = traceRule(rule, { answers, record });
  return {
    value: trace.value,
    answers: trace.reads.answers.map((key) => ({ key, value: answers[key] })),
    record: trace.reads.record.map((key) => ({ key, value: record[key as keyof RecordValues] })),
  };
}

/** Data items entered for one answer against its prefill: as the effort benchmark counts (tests/bench/effort-count.ts). */
export function itemsEnteredFor(question: Question, answer: unknown, prefill: unknown): number {
  if (prefill !== undefined && deepEqual(answer, prefill)) return 0;
  if (answer === undefined) return prefill === undefined ? 0 : 1;
  if (question.type !== "group") return 1;
  const before = Array.isArray(prefill) ? [...prefill] : [];
  let changed = 0;
  for (const item of answer as unknown[]) {
    const index = before.findIndex((candidate) => deepEqual(item, candidate));
    if (index === -1) changed++;
    else before.splice(index, 1);
  }
  return Math.max(changed, before.length);
}

export function simulate(lifeEvent: LifeEvent, person: { record: RecordValues; answers: Answers }): Simulation {
  const { record } = person;
  const given = person.answers;
  const answers: Answers = {};
  const pages: SimulatedPage[] = [];
  let unanswered: string | null = null;
  for (let step = 0; step <= lifeEvent.questions.length; step++) {
    const next = nextQuestion(lifeEvent, answers, record);
    if (next === null) break;
    const question = getQuestion(lifeEvent, next)!;
    const rule = lifeEvent.askWhen[next];
    const prefill = prefillValue(question, record);
    if (!Object.hasOwn(given, next)) {
      unanswered = next;
      break;
    }
    const parsed = question.schema.safeParse(given[next]);
    const answer = parsed.success ? parsed.data : given[next];
    pages.push({
      questionId: next,
      askedBecause: rule ? why(rule, answers, record) : null,
      prefill,
      prefillFrom: question.prefillFrom ?? (question.prefill ? "record" : null),
      answer,
      valid: parsed.success,
      confirmedPrefill: prefill !== undefined && deepEqual(answer, prefill),
      itemsEntered: itemsEnteredFor(question, answer, prefill),
    });
    answers[next] = answer;
    if (!parsed.success) {
      unanswered = next;
      break;
    }
  }
  const final = pruneAnswers(lifeEvent, answers, record);
  const asked = new Set(pages.map((page) => page.questionId));
  const skipped = unanswered
    ? []
    : lifeEvent.questions
        .filter((question) => !asked.has(question.id) && lifeEvent.askWhen[question.id])
        .map((question) => ({ questionId: question.id, why: why(lifeEvent.askWhen[question.id]!, final, record) }));

  const drafts = unanswered ? [] : draftSelection({ lifeEvent, answers: final, record });
  const byId = new Map(drafts.map((draft) => [draft.procedure.id, draft]));
  const procedures: SimulatedProcedure[] = lifeEvent.rules.map(({ procedure, when }) => {
    const draft = byId.get(procedure.id);
    const result = draft ? procedure.payloadSchema.safeParse(draft.selected.payload) : null;
    return {
      procedureId: procedure.id,
      selected: Boolean(draft),
      why: why(when, final, record),
      agencyId: draft && !draft.routeError ? draft.selected.agencyId : null,
      routeError: draft?.routeError ?? null,
      deadline: draft?.selected.deadline ?? null,
      inPerson: procedure.inPerson,
      prerequisites: draft?.selected.prerequisites ?? [],
      dataItems: draft ? [...draft.selected.dataItems] : [...procedure.dataItems],
      payload: result?.success ? result.data : (draft?.selected.payload ?? null),
      schemaIssues: result && !result.success ? [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "(root)"))] : [],
    };
  });
  const itemsNeeded = procedures.filter((procedure) => procedure.selected).reduce((sum, procedure) => sum + procedure.dataItems.length, 0);
  const itemsEntered = pages.reduce((sum, page) => sum + page.itemsEntered, 0);
  return {
    lifeEventId: lifeEvent.id,
    version: lifeEvent.version,
    pages,
    skipped,
    unanswered,
    procedures,
    effort: { itemsNeeded, itemsEntered, ratio: itemsNeeded === 0 ? 0 : Math.round((itemsEntered / itemsNeeded) * 10_000) / 10_000 },
  };
}
