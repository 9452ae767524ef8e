// The two graphs a life event is drawn as, without positions (a layout library places them):
// the journey (questions in the order asked, and which earlier answers decide whether a question is asked)
// and the procedures (each with the procedures it waits for).
import type { LifeEvent } from "../lib/life-event";
import type { Answers, FlowContext } from "../lib/types";
import { ruleInputs } from "./rules";

export type GraphNode = { id: string; kind: "question" | "procedure"; conditional: boolean };
export type GraphEdge = { id: string; from: string; to: string; kind: "next" | "condition" | "prerequisite" };
export type Graph = { nodes: GraphNode[]; edges: GraphEdge[] };

/** Questions in order; a question asked only under a rule gets a "condition" edge from each question the rule reads. */
export function journeyGraph(lifeEvent: LifeEvent, contexts: readonly FlowContext<Answers>[]): Graph {
  const ids = lifeEvent.questions.map((question) => question.id);
  const nodes: GraphNode[] = ids.map((id) => ({ id, kind: "question", conditional: Boolean(lifeEvent.askWhen[id]) }));
  const edges: GraphEdge[] = ids.slice(1).map((id, index) => ({ id: `next:${ids[index]}:${id}`, from: ids[index], to: id, kind: "next" }));
  for (const [id, rule] of Object.entries(lifeEvent.askWhen)) {
    if (!rule || !ids.includes(id)) continue;
    for (const read of ruleInputs(rule, contexts).answers) {
      if (ids.includes(read) && read !== id) edges.push({ id: `condition:${read}:${id}`, from: read, to: id, kind: "condition" });
    }
  }
  return { nodes, edges };
}

/** The procedures a life event can select; an edge from each prerequisite (within the life event) to what waits for it. */
export function procedureGraph(lifeEvent: LifeEvent): Graph {
  const ids = new Set(lifeEvent.procedures);
  const nodes: GraphNode[] = lifeEvent.rules.map(({ procedure }) => ({ id: procedure.id, kind: "procedure", conditional: true }));
  const edges: GraphEdge[] = lifeEvent.rules.flatMap(({ procedure }) =>
    procedure.prerequisites
      .filter((prerequisite) => ids.has(prerequisite))
      .map((prerequisite) => ({ id: `prerequisite:${prerequisite}:${procedure.id}`, from: prerequisite, to: procedure.id, kind: "prerequisite" as const })),
  );
  return { nodes, edges };
}

/**
 * Breaks a label into lines of at most `width` units, where a full-width character (Japanese) counts 2 and
 * others 1; breaks at spaces where it can, anywhere in Japanese text.
 */
export function wrapLabel(text: string, width: number): string[] {
  const units = (char: string) => (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1);
  const lines: string[] = [];
  let line = "";
  let used = 0;
  let lastSpace = -1;
  for (const char of text) {
    const size = units(char);
    if (used + size > width && line) {
      if (lastSpace > 0 && char !== " ") {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1);
      } else {
        lines.push(line.trimEnd());
        line = "";
      }
      used = [...line].reduce((sum, c) => sum + units(c), 0);
      lastSpace = -1;
      if (char === " " && !line) continue;
    }
    if (char === " ") lastSpace = line.length;
    line += char;
    used += size;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

export type MatrixCell = { procedureId: string };
export type SharingMatrix = {
  /** Organisations in the order their first procedure is listed: an agency id, or a route's kind. */
  organisations: { key: string; procedureIds: string[] }[];
  /** Data items in the order they are first needed. */
  items: string[];
  /** organisation key -> data item -> the procedures that send it there. */
  cells: Record<string, Record<string, string[]>>;
};

/** Which organisation receives which data item, and through which procedure (each procedure carries its legal basis). */
export function sharingMatrix(lifeEvent: LifeEvent): SharingMatrix {
  const organisations: SharingMatrix["organisations"] = [];
  const items: string[] = [];
  const cells: SharingMatrix["cells"] = {};
  for (const { procedure } of lifeEvent.rules) {
    const key = "resolve" in procedure.handledBy ? `route:${procedure.handledBy.kind}` : procedure.handledBy.id;
    let organisation = organisations.find((candidate) => candidate.key === key);
    if (!organisation) organisations.push((organisation = { key, procedureIds: [] }));
    organisation.procedureIds.push(procedure.id);
    for (const item of procedure.dataItems) {
      if (!items.includes(item)) items.push(item);
      ((cells[key] ??= {})[item] ??= []).push(procedure.id);
    }
  }
  return { organisations, items, cells };
}
