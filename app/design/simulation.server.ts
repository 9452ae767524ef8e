// The simulation page's data: a sample person (or a sample with answers the designer changed) run through a
// life event by flows/design/simulate.ts, put into the page's language. Nothing is sent or stored.
import type { TFunction } from "i18next";
import { dataDictionary, getAgency, type Answers, type Lang, type LifeEvent, type Question, type RecordValues } from "../../flows";
import { simulate, type RuleWhy } from "../../flows/design/simulate";
import { organisationText } from "./catalogue-text";

/** What the page needs of a question to show an answer as the citizen reads it back (no schema, no functions). */
export type QuestionShape = Pick<Question, "id" | "type" | "i18nKey" | "options" | "multiple"> & { fields?: QuestionShape[] };

function shapeOf(question: Question): QuestionShape {
  return {
    id: question.id,
    type: question.type,
    i18nKey: question.i18nKey,
    options: question.options,
    multiple: question.multiple,
    fields: question.fields?.map(shapeOf),
  };
}

export type ReadView = { label: string; question: QuestionShape | null; key: string; value: unknown };

function readsOf(lifeEvent: LifeEvent, why: RuleWhy, t: TFunction): ReadView[] {
  return [
    ...why.answers.map(({ key, value }) => {
      const question = lifeEvent.questions.find((candidate) => candidate.id === key);
      return { label: question ? t(question.texts.title) : key, question: question ? shapeOf(question) : null, key, value };
    }),
    ...why.record.map(({ key, value }) => ({ label: t(`journey:record.attributes.${key.replace(".", "_")}`), question: null, key, value })),
  ];
}

export type SimulationInput = { sampleId: string; answersText: string | null; recordText: string | null };

const maxChangesLength = 20_000;

function changesParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value && value.trim() ? value.slice(0, maxChangesLength) : null;
}

export function readSimulationInput(url: URL, lifeEvent: LifeEvent): SimulationInput | null {
  const sampleId = url.searchParams.get("sample");
  if (!sampleId || !lifeEvent.samples.some((sample) => sample.id === sampleId)) return null;
  return { sampleId, answersText: changesParam(url, "answers"), recordText: changesParam(url, "record") };
}

/** A JSON object of changes, or null for none; `false` when the text is not a JSON object. */
function parseChanges(text: string | null): Record<string, unknown> | null | false {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : false;
  } catch {
    return false;
  }
}

/** A sample's values with changes over them; a change to null removes the value (e.g. a nationality the person has not). */
function applyChanges(values: Record<string, unknown>, changes: Record<string, unknown> | null | false): Record<string, unknown> {
  const changed = { ...values, ...(changes || {}) };
  for (const [key, value] of Object.entries(changed)) if (value === null) delete changed[key];
  return changed;
}

/**
 * The person a simulation runs: a sample, with the answers and record attributes (household, vehicles,
 * nationality…) the designer replaced. Changes that are not a JSON object are ignored and reported.
 */
export function composePerson(lifeEvent: LifeEvent, input: SimulationInput) {
  const sample = lifeEvent.samples.find((candidate) => candidate.id === input.sampleId)!;
  const answers = parseChanges(input.answersText);
  const record = parseChanges(input.recordText);
  return {
    sample,
    answers: applyChanges(sample.answers, answers) as Answers,
    record: applyChanges(sample.record, record) as RecordValues,
    answersError: answers === false,
    recordError: record === false,
  };
}

export function simulationView(lifeEvent: LifeEvent, input: SimulationInput, lang: Lang, t: TFunction) {
  const { sample, answers, record, answersError, recordError } = composePerson(lifeEvent, input);
  const run = simulate(lifeEvent, { record, answers });
  const question = (id: string) => lifeEvent.questions.find((candidate) => candidate.id === id)!;
  const procedures = new Map(lifeEvent.rules.map(({ procedure }) => [procedure.id, procedure]));
  const selected = run.procedures.filter((procedure) => procedure.selected);
  return {
    sampleId: sample.id,
    answersError,
    recordError,
    pages: run.pages.map((page, index) => ({
      number: index + 1,
      title: t(question(page.questionId).texts.title),
      question: shapeOf(question(page.questionId)),
      askedBecause: page.askedBecause ? readsOf(lifeEvent, page.askedBecause, t) : null,
      prefillFrom: page.prefillFrom ? (page.prefillFrom === "record" ? t("design:question.prefilledFromRecord") : t(`journey:record.attributes.${page.prefillFrom.replace(".", "_")}`)) : null,
      prefilled: page.prefill !== undefined,
      confirmedPrefill: page.confirmedPrefill,
      answer: page.answer,
      valid: page.valid,
      itemsEntered: page.itemsEntered,
    })),
    skipped: run.skipped.map((skip) => ({ title: t(question(skip.questionId).texts.title), reads: readsOf(lifeEvent, skip.why, t) })),
    unanswered: run.unanswered ? t(question(run.unanswered).texts.title) : null,
    selected: selected.map((procedure) => {
      const definition = procedures.get(procedure.procedureId)!;
      const agency = procedure.agencyId ? getAgency(procedure.agencyId) : undefined;
      return {
        id: procedure.procedureId,
        name: definition.name[lang],
        organisation: agency ? agency.name[lang] : organisationText(definition, lang, t),
        legalBasis: definition.legalBasis[lang],
        deadline: procedure.deadline,
        inPerson: procedure.inPerson,
        prerequisites: procedure.prerequisites.map((id) => procedures.get(id)?.name[lang] ?? id),
        why: readsOf(lifeEvent, procedure.why, t),
        schemaIssues: procedure.schemaIssues.map((path) => {
          const item = path.split(".")[0];
          return item in dataItemsLabel(lang) ? dataItemsLabel(lang)[item] : path;
        }),
        routeError: procedure.routeError !== null,
        payload: Object.entries((procedure.payload ?? {}) as Record<string, unknown>).map(([key, value]) => {
          const asked = lifeEvent.questions.find((candidate) => candidate.id === key);
          return { key, label: dataItemsLabel(lang)[key] ?? key, question: asked ? shapeOf(asked) : null, value: asked ? asAnswered(asked, value) : value };
        }),
      };
    }),
    notSelected: run.procedures
      .filter((procedure) => !procedure.selected)
      .map((procedure) => ({ id: procedure.procedureId, name: procedures.get(procedure.procedureId)!.name[lang], why: readsOf(lifeEvent, procedure.why, t) })),
    effort: run.effort,
  };
}

/**
 * A payload value in the shape of the answer it comes from, to read it back as the citizen wrote it: a list answer
 * (a group of one text, the business purposes) travels as a list of texts, which reads back as the list of its items;
 * a group of one item (the parking space) travels as that item, which reads back as a list of one.
 */
function asAnswered(question: Question, value: unknown): unknown {
  if (question.type === "group" && value !== null && typeof value === "object" && !Array.isArray(value)) return [value];
  const only = question.type === "group" && question.fields?.length === 1 ? question.fields[0] : null;
  if (!only || !Array.isArray(value) || value.some((item) => item !== null && typeof item === "object")) return value;
  return value.map((item: unknown) => ({ [only.id]: item }));
}

function dataItemsLabel(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(dataDictionary).map(([key, item]) => [key, item.label[lang]]));
}
