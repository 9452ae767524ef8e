// `npm run flows:simulate -- <life event> <sample> [--json]`: what the designers' simulation page shows, in a
// terminal: page by page what is asked (and why) and prefilled, the procedures selected and the rule's reading
// behind each, each organisation's exact payload checked against its schema, deadlines and the effort figure.
import { parseArgs } from "node:util";
import { getLifeEvent } from "../../flows";
import { simulate, type RuleWhy } from "../../flows/design/simulate";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" } } });
const [lifeEventId, sampleId] = positionals;
const lifeEvent = lifeEventId ? getLifeEvent(lifeEventId) : undefined;
const sample = lifeEvent?.samples.find((candidate) => candidate.id === sampleId);
if (!lifeEvent || !sample) {
  console.error("usage: npm run flows:simulate -- <life event> <sample> [--json]");
  if (lifeEvent) console.error(`samples of ${lifeEvent.id}: ${lifeEvent.samples.map((candidate) => candidate.id).join(", ")}`);
  process.exit(2);
}
const run = simulate(lifeEvent, sample);
if (values.json) {
  console.log(JSON.stringify(run));
} else {
  const reading = (why: RuleWhy) =>
    [...why.answers.map(({ key, value }) => `answer ${key} = ${JSON.stringify(value)}`), ...why.record.map(({ key, value }) => `record ${key} = ${JSON.stringify(value)}`)].join("; ") ||
    "reads nothing";
  const lines = [`${lifeEvent.id} v${lifeEvent.version} / ${sample.id}: ${sample.description}`, "", "pages:"];
  run.pages.forEach((page, index) => {
    const prefill = page.prefillFrom ? `prefilled from ${page.prefillFrom}${page.confirmedPrefill ? ", confirmed" : ", changed"}` : "not prefilled";
    lines.push(`  ${String(index + 1).padStart(2)}. ${page.questionId}: ${JSON.stringify(page.answer)} (${prefill}; ${page.itemsEntered} item(s) entered)${page.valid ? "" : " INVALID"}`);
    if (page.askedBecause) lines.push(`      asked because ${reading(page.askedBecause)}`);
  });
  if (run.unanswered) lines.push(`  stops at ${run.unanswered}: no valid answer`);
  for (const skip of run.skipped) lines.push(`  -- ${skip.questionId} not asked: ${reading(skip.why)}`);
  lines.push("", "procedures selected:");
  for (const procedure of run.procedures.filter((candidate) => candidate.selected)) {
    lines.push(`  ${procedure.procedureId} -> ${procedure.agencyId ?? "(cannot be routed)"}${procedure.deadline ? `, by ${procedure.deadline}` : ""}${procedure.inPerson ? ", visit required" : ""}`);
    lines.push(`      why: ${reading(procedure.why)}`);
    lines.push(`      payload ${procedure.schemaIssues.length ? `FAILS its schema at ${procedure.schemaIssues.join(", ")}` : "passes its schema"}: ${JSON.stringify(procedure.payload)}`);
  }
  lines.push("", "procedures not selected:");
  for (const procedure of run.procedures.filter((candidate) => !candidate.selected)) lines.push(`  ${procedure.procedureId}: ${reading(procedure.why)}`);
  lines.push("", `effort: ${run.effort.itemsEntered} data items entered of ${run.effort.itemsNeeded} needed (${(run.effort.ratio * 100).toFixed(1)}%)`);
  console.log(lines.join("\n"));
}
