// A life event drawn as SVG, and what its rules read, in words: shared by the life event page and
// `npm run flows:diagram` (which runs outside the portal, so nothing here reads the bundled translations).
import type { TFunction } from "i18next";
import type { Lang, LifeEvent } from "../../flows";
import { exampleContexts } from "../../flows/design/contexts";
import { journeyGraph, procedureGraph } from "../../flows/design/diagram-graph";
import { ruleInputs, type RuleReads } from "../../flows/design/rules";
import { organisationText } from "./catalogue-text";
import { drawGraph } from "./diagram.server";

const contextsCache = new WeakMap<LifeEvent, ReturnType<typeof exampleContexts>>();

/** The samples and example journeys the rules are tried with (computed once per version). */
export function contextsOf(lifeEvent: LifeEvent): ReturnType<typeof exampleContexts> {
  let contexts = contextsCache.get(lifeEvent);
  if (!contexts) contextsCache.set(lifeEvent, (contexts = exampleContexts(lifeEvent)));
  return contexts;
}

const inputsCache = new WeakMap<LifeEvent, { questions: Record<string, RuleReads>; procedures: Record<string, RuleReads> }>();

/** What each question's and procedure's rule reads, over the samples and the example journeys (computed once per version). */
export function ruleInputsOf(lifeEvent: LifeEvent) {
  let inputs = inputsCache.get(lifeEvent);
  if (!inputs) {
    const contexts = contextsOf(lifeEvent);
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

export async function drawLifeEvent(lifeEvent: LifeEvent, lang: Lang, t: TFunction): Promise<{ journey: string; procedures: string }> {
  const inputs = ruleInputsOf(lifeEvent);
  const contexts = contextsOf(lifeEvent);
  const title = lifeEvent.title[lang];
  const journey = await drawGraph(
    journeyGraph(lifeEvent, contexts),
    {
      title: t("design:drawing.journeyTitle", { title }),
      description: t("design:drawing.journeyDescription"),
      node: (id) => {
        const question = lifeEvent.questions.find((candidate) => candidate.id === id)!;
        const reads = inputs.questions[id];
        return { text: t(question.texts.title), note: reads ? t("design:drawing.askedWhen", { inputs: readsText(lifeEvent, reads, t).join(t("design:list.separator")) }) : undefined };
      },
    },
    { idPrefix: `${lifeEvent.id}-journey` },
  );
  const byId = new Map(lifeEvent.rules.map(({ procedure }) => [procedure.id, procedure]));
  const procedures = await drawGraph(
    procedureGraph(lifeEvent),
    {
      title: t("design:drawing.proceduresTitle", { title }),
      description: t("design:drawing.proceduresDescription"),
      node: (id) => ({ text: byId.get(id)!.name[lang], note: organisationText(byId.get(id)!, lang, t) }),
    },
    { idPrefix: `${lifeEvent.id}-procedures`, direction: "RIGHT" },
  );
  return { journey, procedures };
}

