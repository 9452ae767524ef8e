// What `npm run flows:simulate` does, as a function the CLI calls and tests run: a sample, or a designer's saved
// scenario (read from the database, composed as the simulation page composes it), run through a life event and
// printed as the simulation page shows it, or as JSON. Only a scenario needs the database; a sample reads flows/.
import { parseArgs } from "node:util";
import type { Db } from "../../db/client.server";
import { listDesignScenarios } from "../../db/queries/design-scenarios";
import { getLifeEvent, type Answers, type LifeEvent, type RecordValues } from "../../flows";
import { simulate, type RuleWhy } from "../../flows/design/simulate";
import { composePerson } from "./simulation.server";

export const simulateUsage = "usage: npm run flows:simulate -- <life event> (<sample> | --scenario <saved scenario's id or name>) [--json]";

type Io = { out: (line: string) => void; err: (line: string) => void; openDb: () => Db };
type Person = { label: string; description: string; record: RecordValues; answers: Answers };

/** The saved scenario named by id or by its exact name; an error line when there is none, or the name is not unique. */
function scenarioPerson(db: Db, lifeEvent: LifeEvent, wanted: string): Person | string {
  const saved = listDesignScenarios(db, { lifeEventId: lifeEvent.id });
  const matches = /^\d+$/.test(wanted) ? saved.filter((scenario) => String(scenario.id) === wanted) : saved.filter((scenario) => scenario.name === wanted.trim());
  if (matches.length > 1) return `several saved scenarios of ${lifeEvent.id} are named "${wanted}": give the id (${matches.map((scenario) => scenario.id).join(", ")})`;
  const scenario = matches[0];
  if (!scenario) {
    const known = saved.map((candidate) => `${candidate.id} "${candidate.name}"`).join(", ") || "none saved";
    return `no saved scenario "${wanted}" for ${lifeEvent.id} (saved scenarios: ${known})`;
  }
  if (!lifeEvent.samples.some((sample) => sample.id === scenario.sampleId)) return `scenario ${scenario.id} starts from the sample ${scenario.sampleId}, which ${lifeEvent.id} no longer has`;
  const person = composePerson(lifeEvent, { sampleId: scenario.sampleId, answersText: scenario.answers, recordText: scenario.record });
  return {
    label: `scenario ${scenario.id} "${scenario.name}"`,
    description: `${person.sample.id} with ${scenario.answers ? "answers" : "no answers"} and ${scenario.record ? "record attributes" : "no record attributes"} changed`,
    record: person.record,
    answers: person.answers,
  };
}

export function runSimulateCommand(args: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, scenario: { type: "string" } } });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(simulateUsage);
    return 2;
  }
  const { values, positionals } = parsed;
  const [lifeEventId, sampleId] = positionals;
  const lifeEvent = lifeEventId ? getLifeEvent(lifeEventId) : undefined;
  if (!lifeEvent || (values.scenario === undefined) === (sampleId === undefined) || positionals.length > 2) {
    io.err(simulateUsage);
    if (lifeEvent) io.err(`samples of ${lifeEvent.id}: ${lifeEvent.samples.map((candidate) => candidate.id).join(", ")}`);
    return 2;
  }
  let person: Person;
  if (values.scenario !== undefined) {
    const db = io.openDb();
    try {
      const found = scenarioPerson(db, lifeEvent, values.scenario);
      if (typeof found === "string") {
        io.err(found);
        return 1;
      }
      person = found;
    } finally {
      db.$client.close();
    }
  } else {
    const sample = lifeEvent.samples.find((candidate) => candidate.id === sampleId);
    if (!sample) {
      io.err(simulateUsage);
      io.err(`samples of ${lifeEvent.id}: ${lifeEvent.samples.map((candidate) => candidate.id).join(", ")}`);
      return 2;
    }
    person = { label: sample.id, description: sample.description, record: sample.record, answers: sample.answers };
  }
  const run = simulate(lifeEvent, person);
  if (values.json) {
    io.out(JSON.stringify(run));
    return 0;
  }
  const reading = (why: RuleWhy) =>
    [...why.answers.map(({ key, value }) => `answer ${key} = ${JSON.stringify(value)}`), ...why.record.map(({ key, value }) => `record ${key} = ${JSON.stringify(value)}`)].join("; ") ||
    "reads nothing";
  const lines = [`${lifeEvent.id} v${lifeEvent.version} / ${person.label}: ${person.description}`, "", "pages:"];
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
  io.out(lines.join("\n"));
  return 0;
}
