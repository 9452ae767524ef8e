// A monthly trend drawn on the server as SVG: bars for one series (d3-scale places them) and, optionally, a
// line for a second (d3-shape draws it). It works without JavaScript; the figures are in the data table that
// goes beside it, so the picture is a summary (role="img" with a title) and the table is what a screen reader reads.
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";

export type MonthlyPoint = { month: string; value: number; line?: number | null };

const width = 640;
const height = 240;
const margin = { top: 16, right: 16, bottom: 40, left: 48 };

export function MonthlyChart({ title, points, barLabel, lineLabel }: { title: string; points: MonthlyPoint[]; barLabel: string; lineLabel?: string }) {
  const titleId = useId();
  const x = scaleBand<string>()
    .domain(points.map((p) => p.month))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const max = Math.max(1, ...points.map((p) => Math.max(p.value, p.line ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  const linePoints = points.filter((p) => p.line !== undefined && p.line !== null);
  const path = lineLabel
    ? line<MonthlyPoint>()
        .x((p) => (x(p.month) ?? 0) + x.bandwidth() / 2)
        .y((p) => y(p.line ?? 0))(linePoints)
    : null;
  // Label every month when they fit, else every third.
  const every = points.length > 12 ? 3 : 1;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} className="chart__svg">
        <title id={titleId}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <rect key={p.month} x={x(p.month)} y={y(p.value)} width={x.bandwidth()} height={y(0) - y(p.value)} className="chart__bar" />
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={p.month} x={(x(p.month) ?? 0) + x.bandwidth() / 2} y={height - margin.bottom + 16} textAnchor="middle" className="chart__tick">
              {p.month}
            </text>
          ) : null,
        )}
        {path ? <path d={path} className="chart__line" /> : null}
      </svg>
      <figcaption className="chart__legend">
        <span className="chart__key chart__key--bar" aria-hidden="true" /> {barLabel}
        {lineLabel ? (
          <>
            {" "}
            <span className="chart__key chart__key--line" aria-hidden="true" /> {lineLabel}
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
