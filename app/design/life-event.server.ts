// A life event as a designer reads it: its questions with the rule that asks each, its procedures with the
// rule that selects each, and every flows:check problem beside the question or procedure it concerns.
import type { TFunction } from "i18next";
import { getLifeEvent, type Lang, type LifeEvent, type Question } from "../../flows";
import { exampleContexts } from "../../flows/design/contexts";
import { ruleInputs, type RuleReads } from "../../flows/design/rules";
import { channelText, deadlineText, organisationText } from "./catalogue.server";
import { lifeEventProblems } from "./checks.server";

const inputsCache = new WeakMap<LifeEvent, { questions: Record<string, RuleReads>; procedures: Record<string, RuleReads> }>();

/** What each question's and procedure's rule reads, over the samples and the example journeys (computed once per version). */
export function ruleInputsOf(lifeEvent: LifeEvent) {
  let inputs = inputsCache.get(lifeEvent);
  if (!inputs) {
    const contexts = exampleContexts(lifeEvent);
    inputs = {
      questions: Object.fromEntries(
        Object.entries(lifeEvent.askWhen).flatMap(([id, rule]) => (rule ? [[id, ruleInputs(rule, contexts)]] : [])),
      ),
      procedures: Object.fromEntries(lifeEvent.rules.map(({ procedure, when }) => [procedure.id, ruleInputs(when, contexts)])),
    };
    inputsCache.set(lifeEvent, inputs);
  }
  return inputs;
}

/** Words for what a rule reads: the questions' titles and the record attributes' names. */
export function readsText(lifeEvent: LifeEvent, reads: RuleReads, t: TFunction): string[] {
  return [
    ...reads.answers.map((id) => {
      const question = lifeEvent.questions.find((candidate) => candidate.id === id);
      return question ? t("design:rules.answer", { question: t(question.texts.title) }) : t("design:rules.unknownAnswer");
    }),
    ...reads.record.map((key) => t("design:rules.record", { attribute: t(`journey:record.attributes.${key.replace(".", "_")}`) })),
  ];
}

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

export function requireLifeEvent(id: string | undefined): LifeEvent {
  const lifeEvent = id ? getLifeEvent(id) : undefined;
  if (!lifeEvent) throw new Response("Not found", { status: 404 });
  return lifeEvent;
}
