// A life event drawn on the server: the journey and the procedures as SVG, laid out by ELK's layered
// algorithm (elkjs), top to bottom and narrow, so the drawing stays readable on a 320 px screen. The same
// content is on the page as text (the questions and procedures lists); the drawing is an image of it.
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { Graph } from "../../flows/design/diagram-graph";
import { wrapLabel } from "../../flows/design/diagram-graph";

const elk = new ELK();

const nodeWidth = 260;
const lineHeight = 18;
const padding = 10;
/** Label width in units (a Japanese character is 2): what fits 260 px at 14 px. */
const labelUnits = 34;

export type DiagramLabels = { title: string; description: string; node: (id: string) => { text: string; note?: string } };

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

type Laid = ElkNode & { lines: string[]; note: string[]; conditional: boolean; kind: string };

/** Lays out a graph and returns it as a standalone SVG document (for `flows:diagram`) or an inline `<svg>` (for a page). */
export async function drawGraph(graph: Graph, labels: DiagramLabels, { idPrefix, direction = "DOWN" }: { idPrefix: string; direction?: "DOWN" | "RIGHT" }): Promise<string> {
  const children: Laid[] = graph.nodes.map((node) => {
    const label = labels.node(node.id);
    const lines = wrapLabel(label.text, labelUnits);
    const note = label.note ? wrapLabel(label.note, labelUnits + 4) : [];
    return {
      id: node.id,
      width: nodeWidth,
      height: padding * 2 + lines.length * lineHeight + note.length * (lineHeight - 2),
      lines,
      note,
      conditional: node.conditional && node.kind === "question",
      kind: node.kind,
    };
  });
  const edges: (ElkExtendedEdge & { kind: string })[] = graph.edges.map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to], kind: edge.kind }));
  const layout: ElkNode = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": direction,
      "elk.spacing.nodeNode": "16",
      "elk.layered.spacing.nodeNodeBetweenLayers": "28",
      "elk.edgeRouting": "ORTHOGONAL",
      // Unconnected procedures are stacked, not set side by side: the drawing stays one or two nodes wide.
      "elk.separateConnectedComponents": "true",
      "elk.aspectRatio": "0.2",
      "elk.padding": "[top=8,left=8,bottom=8,right=8]",
    },
    children,
    edges,
  });
  const width = Math.ceil(layout.width ?? nodeWidth);
  const height = Math.ceil(layout.height ?? 0);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="design-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}">`,
    `<title id="${titleId}">${escapeXml(labels.title)}</title>`,
    `<desc id="${descId}">${escapeXml(labels.description)}</desc>`,
    `<defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1a1a1a"/></marker></defs>`,
  ];
  for (const edge of (layout.edges ?? []) as (ElkExtendedEdge & { kind: string })[]) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => `${point.x},${point.y}`).join(" ");
      const dash = edge.kind === "condition" ? ` stroke-dasharray="5 4"` : "";
      parts.push(`<polyline points="${points}" fill="none" stroke="#1a1a1a" stroke-width="1.5"${dash} marker-end="url(#${idPrefix}-arrow)"/>`);
    }
  }
  for (const node of (layout.children ?? []) as Laid[]) {
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    const fill = node.kind === "procedure" ? "#e8f1fe" : "#ffffff";
    const dash = node.conditional ? ` stroke-dasharray="6 4"` : "";
    parts.push(`<rect x="${x}" y="${y}" width="${node.width}" height="${node.height}" rx="6" fill="${fill}" stroke="#1a1a1a" stroke-width="1.5"${dash}/>`);
    node.lines.forEach((line, index) => {
      parts.push(`<text x="${x + padding}" y="${y + padding + (index + 1) * lineHeight - 4}" font-size="14" font-weight="700" fill="#1a1a1a">${escapeXml(line)}</text>`);
    });
    node.note.forEach((line, index) => {
      const top = y + padding + node.lines.length * lineHeight + (index + 1) * (lineHeight - 2) - 4;
      parts.push(`<text x="${x + padding}" y="${top}" font-size="12" fill="#333333">${escapeXml(line)}</text>`);
    });
  }
  parts.push(`</svg>`);
  return parts.join("");
}
