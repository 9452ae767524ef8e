// What changed between two versions of a life event's structure: questions added, removed or changed, procedures
// added or removed, rules that decide differently, and the data items each procedure's payload carries. A rule is
// code, so "changed" means: a different function that gives another answer in at least one of the situations
// the tools try (the samples and the example journeys of both versions).
import type { LifeEvent, Rule } from "../lib/life-event";
import type { Question } from "../lib/questions";
import type { Answers, FlowContext } from "../lib/types";
import { exampleContexts } from "./contexts";

export type QuestionChange = { id: string; changes: ("type" | "prefill" | "options" | "fields" | "askWhen")[] };
export type RuleChange = { kind: "question" | "procedure"; id: string; situations: number };
export type PayloadChange = { procedureId: string; added: string[]; removed: string[] };

export type VersionDiff = {
  from: number;
  to: number;
  questions: { added: string[]; removed: string[]; changed: QuestionChange[] };
  procedures: { added: string[]; removed: string[] };
  /** Rules of questions and procedures in both versions that decide differently somewhere. */
  rules: RuleChange[];
  /** Payload data items of procedures in both versions that differ, and of those added or removed (all their items). */
  payloads: PayloadChange[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const fieldIds = (question: Question) => (question.fields ?? []).map((field) => `${field.id}:${field.type}`);

/** In how many of the situations two rules (absent: always true) give different answers; 0 when they are the same function. */
function disagreements(a: Rule | undefined, b: Rule | undefined, contexts: FlowContext<Answers>[]): number {
  if (a === b) return 0;
  const decide = (rule: Rule | undefined, context: FlowContext<Answers>) => {
    try {
      return rule ? rule(context) : true;
    } catch {
      return "error";
    }
  };
  return contexts.filter((context) => decide(a, context) !== decide(b, context)).length;
}

export function diffVersions(from: LifeEvent, to: LifeEvent, maxPathsPerRecord = 100): VersionDiff {
  const contexts = [...exampleContexts(from, maxPathsPerRecord), ...exampleContexts(to, maxPathsPerRecord)];
  const fromQuestions = new Map(from.questions.map((question) => [question.id, question]));
  const toQuestions = new Map(to.questions.map((question) => [question.id, question]));
  const changed: QuestionChange[] = [];
  const rules: RuleChange[] = [];
  for (const [id, after] of toQuestions) {
    const before = fromQuestions.get(id);
    if (!before) continue;
    const changes: QuestionChange["changes"] = [];
    if (before.type !== after.type || before.multiple !== after.multiple) changes.push("type");
    if (before.prefillFrom !== after.prefillFrom || Boolean(before.prefill) !== Boolean(after.prefill)) changes.push("prefill");
    if (!same(before.options?.map((option) => option.value), after.options?.map((option) => option.value))) changes.push("options");
    if (!same(fieldIds(before), fieldIds(after))) changes.push("fields");
    const situations = disagreements(from.askWhen[id], to.askWhen[id], contexts);
    if (situations > 0) {
      changes.push("askWhen");
      rules.push({ kind: "question", id, situations });
    }
    if (changes.length > 0) changed.push({ id, changes });
  }
  const fromRules = new Map(from.rules.map((rule) => [rule.procedure.id, rule]));
  const toRules = new Map(to.rules.map((rule) => [rule.procedure.id, rule]));
  const payloads: PayloadChange[] = [];
  for (const [id, after] of toRules) {
    const before = fromRules.get(id);
    if (!before) {
      payloads.push({ procedureId: id, added: [...after.procedure.dataItems], removed: [] });
      continue;
    }
    const situations = disagreements(before.when, after.when, contexts);
    if (situations > 0) rules.push({ kind: "procedure", id, situations });
    const added = after.procedure.dataItems.filter((item) => !before.procedure.dataItems.includes(item));
    const removed = before.procedure.dataItems.filter((item) => !after.procedure.dataItems.includes(item));
    if (added.length + removed.length > 0) payloads.push({ procedureId: id, added, removed });
  }
  for (const [id, before] of fromRules) if (!toRules.has(id)) payloads.push({ procedureId: id, added: [], removed: [...before.procedure.dataItems] });
  return {
    from: from.version,
    to: to.version,
    questions: {
      added: [...toQuestions.keys()].filter((id) => !fromQuestions.has(id)),
      removed: [...fromQuestions.keys()].filter((id) => !toQuestions.has(id)),
      changed,
    },
    procedures: {
      added: [...toRules.keys()].filter((id) => !fromRules.has(id)),
      removed: [...fromRules.keys()].filter((id) => !toRules.has(id)),
    },
    rules,
    payloads,
  };
}
