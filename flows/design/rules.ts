// Rules are code (functions over the answers and the record), so a page cannot print them. What it can
// show truthfully is what a rule looked at and what it decided: a rule is run on answers and a record
// wrapped in proxies that note every answer and record attribute it reads.
import type { Rule } from "../lib/life-event";
import type { Answers, FlowContext, RecordValues } from "../lib/types";
import { watched } from "../lib/watch";

export type RuleReads = { answers: string[]; record: string[] };
export type RuleTrace = { value: boolean; reads: RuleReads };

/** Runs a rule, noting the answers and record attributes it reads (top-level keys, in the order first read). */
export function traceRule(rule: Rule, context: FlowContext<Answers>): RuleTrace {
  const answers = new Set<string>();
  const record = new Set<string>();
  const value = rule({ answers: watched({ ...context.answers }, answers), record: watched({ ...context.record } as RecordValues, record) });
  return { value: Boolean(value), reads: { answers: [...answers], record: [...record] } };
}

/** What a rule reads over several contexts (a rule that stops early reads less on some of them). */
export function ruleInputs(rule: Rule, contexts: readonly FlowContext<Answers>[]): RuleReads {
  const answers = new Set<string>();
  const record = new Set<string>();
  for (const context of contexts) {
    const { reads } = traceRule(rule, context);
    reads.answers.forEach((key) => answers.add(key));
    reads.record.forEach((key) => record.add(key));
  }
  return { answers: [...answers], record: [...record] };
}
