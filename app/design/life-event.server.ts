// A life event as a designer reads it: its questions with the rule that asks each, its procedures with the
// rule that selects each, and every flows:check problem beside the question or procedure it concerns.
import type { TFunction } from "i18next";
import { dataDictionary, getLifeEvent, type Lang, type LifeEvent, type Question } from "../../flows";
import { coverage, type Scenario } from "../../flows/design/coverage";
import { sharingMatrix } from "../../flows/design/diagram-graph";
import { channelText, deadlineText, organisationText } from "./catalogue-text";
import { drawLifeEvent, readsText, ruleInputsOf } from "./drawing.server";
import { lifeEventProblems } from "./checks.server";

function prefillText(question: Question, t: TFunction): string | null {
  if (question.prefillFrom) return t(`journey:record.attributes.${question.prefillFrom.replace(".", "_")}`);
  if (question.prefill) return t("design:question.prefilledFromRecord");
  return null;
}

export function lifeEventView(lifeEvent: LifeEvent, lang: Lang, t: TFunction) {
  const problems = lifeEventProblems(lifeEvent);
  const inputs = ruleInputsOf(lifeEvent);
  const procedureNames = new Map(lifeEvent.rules.map(({ procedure }) => [procedure.id, procedure.name[lang]]));
  return {
    id: lifeEvent.id,
    version: lifeEvent.version,
    title: lifeEvent.title[lang],
    description: lifeEvent.description[lang],
    problems: problems.general,
    questions: lifeEvent.questions.map((question, index) => ({
      id: question.id,
      number: index + 1,
      title: t(question.texts.title),
      hint: question.texts.hint ? t(question.texts.hint) : null,
      type: t(`design:questionType.${question.type}`),
      prefill: prefillText(question, t),
      askedWhen: inputs.questions[question.id] ? readsText(lifeEvent, inputs.questions[question.id], t) : null,
      problems: problems.questions[question.id] ?? [],
    })),
    procedures: lifeEvent.rules.map(({ procedure }) => ({
      id: procedure.id,
      name: procedure.name[lang],
      organisation: organisationText(procedure, lang, t),
      channel: channelText(procedure, t),
      legalBasis: procedure.legalBasis[lang],
      deadline: deadlineText(procedure, lang, t),
      selectedWhen: readsText(lifeEvent, inputs.procedures[procedure.id], t),
      prerequisites: procedure.prerequisites.filter((id) => procedureNames.has(id)).map((id) => procedureNames.get(id)!),
      problems: problems.procedures[procedure.id] ?? [],
    })),
  };
}

/**
 * Which branches the samples and the designers' saved scenarios try: each question rule and procedure rule that no
 * scenario has seen true, or none has seen false, in the page's words.
 */
export function coverageView(lifeEvent: LifeEvent, lang: Lang, t: TFunction, runs: { scenarios: Scenario[]; names: Map<string, string> }) {
  const result = coverage(lifeEvent, runs.scenarios);
  const questionTitle = (id: string) => t(lifeEvent.questions.find((question) => question.id === id)!.texts.title);
  const procedureName = (id: string) => lifeEvent.rules.find(({ procedure }) => procedure.id === id)!.procedure.name[lang];
  const sampleName = (id: string) => runs.names.get(id) ?? id;
  return {
    scenarios: result.scenarios.map(sampleName),
    incomplete: result.incomplete.map(sampleName),
    rules: result.questions.length + result.procedures.length,
    untried: result.untried.map((gap) =>
      gap.kind === "question"
        ? t(gap.value ? "design:coverage.neverAsked" : "design:coverage.alwaysAsked", { title: questionTitle(gap.id) })
        : t(gap.value ? "design:coverage.neverSelected" : "design:coverage.alwaysSelected", { title: procedureName(gap.id) }),
    ),
  };
}

export function requireLifeEvent(id: string | undefined): LifeEvent {
  const lifeEvent = id ? getLifeEvent(id) : undefined;
  if (!lifeEvent) throw new Response("Not found", { status: 404 });
  return lifeEvent;
}

const drawingCache = new Map<string, Promise<{ journey: string; procedures: string }>>();

/** The journey and the procedures as SVG in the page's language (laid out once per version and language). */
export function lifeEventDrawings(lifeEvent: LifeEvent, lang: Lang, t: TFunction): Promise<{ journey: string; procedures: string }> {
  const key = `${lifeEvent.id}@${lifeEvent.version}:${lang}`;
  let drawing = drawingCache.get(key);
  if (!drawing) {
    drawing = drawLifeEvent(lifeEvent, lang, t);
    drawingCache.set(key, drawing);
    drawing.catch(() => drawingCache.delete(key));
  }
  return drawing;
}

/** The data-sharing matrix in words: organisation × data item, each cell the procedures (with legal basis) that send it. */
export function sharingMatrixView(lifeEvent: LifeEvent, lang: Lang, t: TFunction) {
  const matrix = sharingMatrix(lifeEvent);
  const byId = new Map(lifeEvent.rules.map(({ procedure }) => [procedure.id, procedure]));
  return {
    items: matrix.items.map((item) => ({ key: item, label: dataDictionary[item as keyof typeof dataDictionary].label[lang] })),
    rows: matrix.organisations.map((organisation) => ({
      key: organisation.key,
      name: organisationText(byId.get(organisation.procedureIds[0])!, lang, t),
      cells: matrix.items.map((item) =>
        (matrix.cells[organisation.key]?.[item] ?? []).map((id) => ({ procedure: byId.get(id)!.name[lang], legalBasis: byId.get(id)!.legalBasis[lang] })),
      ),
    })),
  };
}
