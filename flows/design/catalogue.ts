// What the designers' catalogue needs from the flows, without I/O: which life events use a procedure,
// a search that matches every word of a query in any language, a deadline as parts to put into words,
// and where in a life event each flows:check problem arises.
import type { LifeEvent } from "../lib/life-event";
import type { DateItemKey, DeadlineRule } from "../lib/procedure";

/** The life events (latest versions given) whose rules can select a procedure, by procedure id. */
export function lifeEventsByProcedure(lifeEvents: LifeEvent[]): Map<string, string[]> {
  const using = new Map<string, string[]>();
  for (const lifeEvent of lifeEvents) {
    for (const procedureId of lifeEvent.procedures) using.set(procedureId, [...(using.get(procedureId) ?? []), lifeEvent.id]);
  }
  return using;
}

/** Full-width and half-width, upper and lower case compare alike (NFKC, lower case). */
export function normaliseForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The words of a query (split on any space, the ideographic one included), normalised; empty for a blank query. */
export function queryWords(query: string): string[] {
  return normaliseForSearch(query)
    .split(/\s+/u)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** True when every word of the query appears in one of the texts (a blank query matches everything). */
export function matchesQuery(texts: readonly (string | undefined)[], query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = texts.filter(Boolean).map((text) => normaliseForSearch(text!)).join("\n");
  return words.every((word) => haystack.includes(word));
}

export type DeadlineParts =
  | { kind: "after"; amount: number; unit: "days" | "months"; from: DateItemKey }
  | { kind: "before"; days: number; from: DateItemKey }
  | { kind: "dayOfNextMonth"; day: number; from: DateItemKey }
  | { kind: "earliestOf"; rules: DeadlineParts[] };

/** A deadline rule as parts a page puts into words ("14 days after the date of the move"). */
export function deadlineParts(rule: DeadlineRule | null): DeadlineParts | null {
  if (!rule) return null;
  if ("earliestOf" in rule) return { kind: "earliestOf", rules: rule.earliestOf.flatMap((inner) => deadlineParts(inner) ?? []) };
  if ("dayOfNextMonth" in rule) return { kind: "dayOfNextMonth", day: rule.dayOfNextMonth, from: rule.from };
  if ("before" in rule) return { kind: "before", days: rule.days ?? 0, from: rule.before };
  if ("months" in rule) return { kind: "after", amount: rule.months, unit: "months", from: rule.from };
  return { kind: "after", amount: rule.days, unit: "days", from: rule.from };
}

export type ProblemPlace = { question?: string; procedure?: string };

/**
 * Where a flows:check problem arises, read from its message: the question or procedure it names (the first
 * one named), or neither (the life event as a whole: titles, samples, cycles).
 */
export function problemPlace(message: string, lifeEvent: Pick<LifeEvent, "questions" | "procedures">): ProblemPlace {
  const question = /\bquestion ([A-Za-z0-9_]+)/.exec(message)?.[1];
  if (question && lifeEvent.questions.some((candidate) => candidate.id === question)) return { question };
  const procedure = /\bprocedure ([a-z0-9]+(?:-[a-z0-9]+)*)/.exec(message)?.[1];
  if (procedure && lifeEvent.procedures.includes(procedure)) return { procedure };
  return {};
}

export type PlacedProblems = { general: string[]; questions: Record<string, string[]>; procedures: Record<string, string[]> };

/** A life event version's check problems, each put where it arises. */
export function placeProblems(messages: readonly string[], lifeEvent: Pick<LifeEvent, "questions" | "procedures">): PlacedProblems {
  const placed: PlacedProblems = { general: [], questions: {}, procedures: {} };
  for (const message of messages) {
    const place = problemPlace(message, lifeEvent);
    if (place.question) (placed.questions[place.question] ??= []).push(message);
    else if (place.procedure) (placed.procedures[place.procedure] ??= []).push(message);
    else placed.general.push(message);
  }
  return placed;
}

export function problemCount(placed: PlacedProblems): number {
  return placed.general.length + [...Object.values(placed.questions), ...Object.values(placed.procedures)].reduce((sum, list) => sum + list.length, 0);
}
