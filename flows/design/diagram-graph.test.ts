import { describe, expect, it } from "vitest";
import { incorporation } from "../incorporation/definition";
import { relocation } from "../relocation/definition";
import { exampleContexts } from "./contexts";
import { journeyGraph, procedureGraph, sharingMatrix, wrapLabel } from "./diagram-graph";

describe("a life event as graphs", () => {
  it("draws the questions in order, with a condition edge from each answer a question's rule reads", () => {
    const graph = journeyGraph(relocation, exampleContexts(relocation, 50));
    expect(graph.nodes.map((node) => node.id)).toEqual(relocation.questions.map((question) => question.id));
    expect(graph.edges.filter((edge) => edge.kind === "next")).toHaveLength(relocation.questions.length - 1);
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: "ownsVehicle", to: "vehicles", kind: "condition" }));
    expect(graph.nodes.find((node) => node.id === "vehicles")?.conditional).toBe(true);
    expect(graph.nodes.find((node) => node.id === "moveDate")?.conditional).toBe(false);
  });

  it("draws each procedure with an edge from every prerequisite the life event also has", () => {
    const graph = procedureGraph(incorporation);
    expect(graph.nodes).toHaveLength(incorporation.procedures.length);
    const expected = incorporation.rules.flatMap(({ procedure }) =>
      procedure.prerequisites.filter((id) => incorporation.procedures.includes(id)).map((from) => ({ from, to: procedure.id })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(graph.edges.map(({ from, to }) => ({ from, to }))).toEqual(expected);
  });

  it("builds the sharing matrix: each organisation, each item it receives, and the procedures that send it", () => {
    const matrix = sharingMatrix(relocation);
    const pension = matrix.cells["japan-pension-service"];
    expect(pension).toBeDefined();
    const everyCell = Object.values(matrix.cells).flatMap((row) => Object.entries(row));
    for (const [item, procedureIds] of everyCell) {
      for (const id of procedureIds) expect(relocation.rules.find((rule) => rule.procedure.id === id)!.procedure.dataItems).toContain(item);
    }
    const cellsCount = everyCell.reduce((sum, [, ids]) => sum + ids.length, 0);
    expect(cellsCount).toBe(relocation.rules.reduce((sum, { procedure }) => sum + procedure.dataItems.length, 0));
  });
});

describe("wrapping a label", () => {
  it("breaks at spaces, counts Japanese characters double, and keeps every character", () => {
    expect(wrapLabel("Which health insurance are you enrolled in?", 20)).toEqual(["Which health", "insurance are you", "enrolled in?"]);
    const japanese = "国民健康保険の資格取得届（転入）";
    const lines = wrapLabel(japanese, 10);
    expect(lines.join("")).toBe(japanese);
    expect(lines.every((line) => [...line].length <= 5)).toBe(true);
  });
});
