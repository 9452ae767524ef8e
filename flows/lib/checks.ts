// Checks a service designer runs before publishing: they find what would otherwise surface as a
// broken page, a payload an agency refuses, or a case that can never finish.
import { dataDictionary, isDataItemKey } from "./data-dictionary";
import { checkAnswer, getQuestion, nextQuestion, type LifeEvent } from "./life-event";
import { agencyDescription, isRoute, type Procedure } from "./procedure";
import { draftSelection } from "./selection";
import { langs, type Answers, type Lang, type RecordValues, type Text } from "./types";
import type { Agency } from "./agency";
import { formProblems } from "./official-form";

export type Locales = Record<Lang, Record<string /* namespace */, object>>;
export type CheckProblem = { lifeEventId: string; message: string };
export type CheckOptions = { locales: Locales; getAgency?: (id: string) => Agency | undefined; maxPaths?: number };

/** Looks up `namespace:a.b.c` in i18next resources. */
export function translationOf(locales: Locales, lang: Lang, key: string): string | undefined {
  const [namespace, path] = key.includes(":") ? key.split(":", 2) : ["common", key];
  let node: unknown = locales[lang]?.[namespace];
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.trim() !== "" ? node : undefined;
}

/**
 * Walks every combination of the questions' example answers (capped at maxPaths complete journeys per record)
 * and calls `leaf` with each complete set of answers. Returns the questions reached.
 */
export function exploreJourneys(
  lifeEvent: LifeEvent,
  record: RecordValues,
  leaf: (answers: Answers) => void = () => {},
  maxPaths = 4000,
): { reached: Set<string>; invalidExamples: string[]; paths: number } {
  const reached = new Set<string>();
  const invalidExamples = new Set<string>();
  let paths = 0;
  const walk = (answers: Answers) => {
    if (paths >= maxPaths) return;
    const next = nextQuestion(lifeEvent, answers, record);
    if (next === null) {
      paths += 1;
      leaf(answers);
      return;
    }
    reached.add(next);
    const question = getQuestion(lifeEvent, next)!;
    let valid = 0;
    for (const example of question.examples) {
      const parsed = question.schema.safeParse(example);
      if (!parsed.success) {
        invalidExamples.add(question.id);
        continue;
      }
      // An example the cross-answer checks refuse here (合同会社 named 株式会社…) is not a path.
      if (checkAnswer(lifeEvent, next, { ...answers, [next]: parsed.data }, record)) continue;
      valid += 1;
      walk({ ...answers, [next]: parsed.data });
    }
    if (valid === 0) invalidExamples.add(question.id);
  };
  walk({});
  return { reached, invalidExamples: [...invalidExamples], paths };
}

function missingTexts(text: Text | undefined, what: string): string[] {
  if (!text) return [];
  return langs.filter((lang) => !text[lang]?.trim()).map((lang) => `${what} has no ${lang} text`);
}

function procedureTexts(procedure: Procedure): string[] {
  const label = `procedure ${procedure.id}`;
  return [
    ...missingTexts(procedure.name, `${label}: name`),
    ...missingTexts(procedure.legalBasis, `${label}: legal basis`),
    ...missingTexts(procedure.description, `${label}: description`),
    ...missingTexts(procedure.inPersonNote, `${label}: in-person note`),
    ...missingTexts(procedure.presenceNote, `${label}: presence note`),
    ...procedure.rejectionReasons.flatMap((reason) => missingTexts(reason.text, `${label}: rejection reason ${reason.code}`)),
    ...(procedure.rejectionReasons.length === 0 ? [`${label} offers no rejection reasons`] : []),
    ...(isRoute(procedure.handledBy) ? [] : missingTexts(procedure.handledBy.name, `agency ${procedure.handledBy.id}: name`)),
    ...procedure.dataItems.flatMap((item) => (isDataItemKey(item) ? missingTexts(dataDictionary[item].label, `data item ${item}: label`) : [])),
  ];
}

/** Direct and indirect prerequisites (a procedure waits for all of them, so their results are known). */
function ancestors(procedure: Procedure, procedures: Procedure[]): Set<string> {
  const byId = new Map(procedures.map((candidate) => [candidate.id, candidate]));
  const found = new Set<string>();
  const stack = [...procedure.prerequisites];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(byId.get(id)?.prerequisites ?? []));
  }
  return found;
}

function prerequisiteCycles(procedures: Procedure[]): string[][] {
  const byId = new Map(procedures.map((procedure) => [procedure.id, procedure]));
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      cycles.push([...path.slice(path.indexOf(id)), id]);
      return;
    }
    state.set(id, "visiting");
    for (const next of byId.get(id)?.prerequisites ?? []) if (byId.has(next)) visit(next, [...path, id]);
    state.set(id, "done");
  };
  for (const procedure of procedures) visit(procedure.id, []);
  return cycles;
}

export function checkLifeEvent(lifeEvent: LifeEvent, options: CheckOptions): CheckProblem[] {
  const messages: string[] = [];
  const procedures = lifeEvent.rules.map((rule) => rule.procedure);

  // Texts: the definition's own, and every i18n key a question shows.
  messages.push(...missingTexts(lifeEvent.title, "title"), ...missingTexts(lifeEvent.description, "description"));
  for (const question of lifeEvent.questions) {
    for (const key of new Set(question.i18nKeys)) {
      for (const lang of langs) {
        if (!translationOf(options.locales, lang, key)) messages.push(`question ${question.id}: no ${lang} translation for ${key}`);
      }
    }
  }
  for (const procedure of procedures) messages.push(...procedureTexts(procedure));
  // A route names the kind of organisation it picks, in words the catalogue and the consent page show.
  for (const procedure of procedures) {
    if (!isRoute(procedure.handledBy)) continue;
    const key = `journey:routing.${procedure.handledBy.kind.replace(":", ".")}`;
    for (const lang of langs) {
      if (!translationOf(options.locales, lang, key)) messages.push(`procedure ${procedure.id}: no ${lang} translation for ${key}`);
    }
  }
  // Forms: every item filled by a data item the procedure sends, or explained; nothing sent the form does not ask.
  for (const procedure of procedures) messages.push(...formProblems(procedure.id, procedure.form, procedure.dataItems, isDataItemKey));

  // Conditions that name questions that do not exist.
  for (const questionId of Object.keys(lifeEvent.askWhen)) {
    if (!getQuestion(lifeEvent, questionId)) messages.push(`askWhen names an unknown question ${questionId}`);
  }

  // Reachability: explore every branch of the example answers, for every sample's record and for an empty record.
  const reached = new Set<string>();
  const records = [{}, ...lifeEvent.samples.map((sample) => sample.record)];
  const problems = new Set<string>();
  for (const [index, record] of records.entries()) {
    const sample = index === 0 ? undefined : lifeEvent.samples[index - 1];
    const result = exploreJourneys(
      lifeEvent,
      record,
      (answers) => {
        if (!sample) return;
        for (const problem of payloadProblems(lifeEvent, answers, record, options)) problems.add(`${problem} (sample ${sample.id}, example answers)`);
      },
      options.maxPaths,
    );
    result.reached.forEach((id) => reached.add(id));
    for (const id of result.invalidExamples) problems.add(`question ${id}: an example answer does not pass its own schema`);
  }
  for (const question of lifeEvent.questions) {
    if (!reached.has(question.id)) messages.push(`question ${question.id} is unreachable: no path through the journey asks it`);
  }

  // Data items: every item a procedure needs must be provided by the life event or by a prerequisite.
  for (const procedure of procedures) {
    for (const item of procedure.dataItems) {
      if (!isDataItemKey(item)) messages.push(`procedure ${procedure.id} needs ${item}, which is not in the data dictionary`);
      else if (!(item in lifeEvent.provides) && !(item in procedure.fromPrerequisite)) {
        messages.push(`procedure ${procedure.id} needs data item ${item}, which no question or record attribute provides`);
      }
    }
    const upstream = ancestors(procedure, procedures);
    for (const [item, prerequisite] of Object.entries(procedure.fromPrerequisite)) {
      if (prerequisite && !upstream.has(prerequisite)) {
        messages.push(`procedure ${procedure.id} takes ${item} from ${prerequisite}, which is not one of its prerequisites`);
      }
    }
  }
  const duplicates = procedures.filter((procedure, index) => procedures.findIndex((other) => other.id === procedure.id) !== index);
  for (const duplicate of duplicates) messages.push(`procedure ${duplicate.id} is listed twice`);

  for (const cycle of prerequisiteCycles(procedures)) messages.push(`prerequisites form a cycle: ${cycle.join(" -> ")}`);

  // Samples: their answers must be valid, and every payload built from them must pass its schema.
  for (const sample of lifeEvent.samples) {
    for (const [questionId, value] of Object.entries(sample.answers)) {
      const question = getQuestion(lifeEvent, questionId);
      if (!question) problems.add(`sample ${sample.id} answers an unknown question ${questionId}`);
      else if (!question.schema.safeParse(value).success) problems.add(`sample ${sample.id}: the answer to ${questionId} does not pass its schema`);
    }
    if (nextQuestion(lifeEvent, sample.answers, sample.record) !== null) {
      problems.add(`sample ${sample.id} leaves ${nextQuestion(lifeEvent, sample.answers, sample.record)} unanswered`);
    }
    for (const problem of payloadProblems(lifeEvent, sample.answers, sample.record, options)) problems.add(`${problem} (sample ${sample.id})`);
  }
  messages.push(...problems);

  return messages.map((message) => ({ lifeEventId: `${lifeEvent.id}@${lifeEvent.version}`, message }));
}

function payloadProblems(lifeEvent: LifeEvent, answers: Answers, record: RecordValues, options: CheckOptions): string[] {
  let drafts;
  try {
    drafts = draftSelection({ lifeEvent, answers, record });
  } catch (error) {
    return [`selecting procedures failed: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const { procedure, selected, routeError } of drafts) {
    if (routeError) problems.push(`procedure ${procedure.id} cannot be routed: ${routeError}`);
    const result = procedure.payloadSchema.safeParse(selected.payload);
    if (!result.success) {
      const paths = [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "(root)"))].join(", ");
      problems.push(`procedure ${procedure.id}: its payload schema rejects its builder's output at ${paths}`);
    }
    const extra = Object.keys((selected.payload ?? {}) as object).filter((key) => !procedure.dataItems.includes(key as never));
    if (extra.length) problems.push(`procedure ${procedure.id}: payload carries ${extra.join(", ")}, which it did not declare`);
    if (!routeError && options.getAgency && !options.getAgency(selected.agencyId)) {
      problems.push(`procedure ${procedure.id} routes to ${selected.agencyId} (${agencyDescription(procedure)}), which is not an agency`);
    }
  }
  return problems;
}
