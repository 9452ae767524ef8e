// Coverage: every scenario (the samples, and the designers' saved scenarios) run through a life event,
// to show which question rules and procedure rules no scenario has seen true, or none has seen false — the
// branches nobody has tried before a citizen does.
import type { LifeEvent } from "../lib/life-event";
import type { Answers, RecordValues } from "../lib/types";
import { simulate } from "./simulate";

export type Scenario = { id: string; record: RecordValues; answers: Answers };

export type RuleCoverage = {
  /** The question or procedure the rule belongs to. */
  id: string;
  /** The scenarios in which the rule was true, and those in which it was false. */
  whenTrue: string[];
  whenFalse: string[];
};

export type Coverage = {
  scenarios: string[];
  /** Scenarios that stopped at an open or invalid answer: their rules count only as far as they got. */
  incomplete: string[];
  /** Questions asked only when a rule holds (questions always asked have no branch to cover). */
  questions: RuleCoverage[];
  procedures: RuleCoverage[];
  /** The branches no scenario tried: the rule of `id` was never `value`. */
  untried: { kind: "question" | "procedure"; id: string; value: boolean }[];
};

export function coverage(lifeEvent: LifeEvent, scenarios: Scenario[]): Coverage {
  const questions = new Map<string, RuleCoverage>(
    lifeEvent.questions.filter((question) => lifeEvent.askWhen[question.id]).map((question) => [question.id, { id: question.id, whenTrue: [], whenFalse: [] }]),
  );
  const procedures = new Map<string, RuleCoverage>(lifeEvent.rules.map(({ procedure }) => [procedure.id, { id: procedure.id, whenTrue: [], whenFalse: [] }]));
  const incomplete: string[] = [];
  for (const scenario of scenarios) {
    const run = simulate(lifeEvent, scenario);
    if (run.unanswered) incomplete.push(scenario.id);
    // A question's rule is read where the journey reaches it: asked pages (true) and, for a finished run, the
    // questions skipped (false). A run that stopped early says nothing of the questions after it.
    for (const page of run.pages) if (page.askedBecause) questions.get(page.questionId)?.whenTrue.push(scenario.id);
    for (const skip of run.skipped) questions.get(skip.questionId)?.whenFalse.push(scenario.id);
    // Procedures are selected only from a finished journey.
    if (run.unanswered) continue;
    for (const procedure of run.procedures) {
      const entry = procedures.get(procedure.procedureId)!;
      (procedure.why.value ? entry.whenTrue : entry.whenFalse).push(scenario.id);
    }
  }
  const untried: Coverage["untried"] = [];
  for (const [kind, entries] of [
    ["question", questions],
    ["procedure", procedures],
  ] as const) {
    for (const entry of entries.values()) {
      if (entry.whenTrue.length === 0) untried.push({ kind, id: entry.id, value: true });
      if (entry.whenFalse.length === 0) untried.push({ kind, id: entry.id, value: false });
    }
  }
  return { scenarios: scenarios.map((scenario) => scenario.id), incomplete, questions: [...questions.values()], procedures: [...procedures.values()], untried };
}
