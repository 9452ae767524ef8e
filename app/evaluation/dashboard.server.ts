// The evaluation dashboard's view: the figures for the filter, with names and translation keys in place of
// ids, so the page shows no internal code. Figures only; nothing here names or identifies a person.
import { getLifeEvent, getProcedure, getQuestion, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { listAgencyIdsInUse } from "../../db/queries/evaluation";
import { computeFigures, filterOptions, type EvaluationFilter, type Figures } from "./figures.server";

/** Figures as a page shows them: procedures, life events and reasons by name, in the page's language. */
export function figuresView(figures: Figures, lang: Lang) {
  return {
    ...figures,
    completion: {
      ...figures.completion,
      dropOff: figures.completion.dropOff.slice(0, 10).map((d) => {
        const lifeEvent = getLifeEvent(d.lifeEventId);
        const question = lifeEvent ? getQuestion(lifeEvent, d.questionId) : undefined;
        return { lifeEvent: lifeEvent?.title[lang] ?? "", questionTitleKey: question?.texts.title ?? null, count: d.count };
      }),
    },
    rejections: figures.rejections.map((r) => {
      const procedure = getProcedure(r.procedureId);
      return { procedure: procedure?.name[lang] ?? "", reason: procedure?.rejectionReasons.find((reason) => reason.code === r.code)?.text[lang] ?? null, count: r.count };
    }),
    reformRanking: figures.reformRanking.slice(0, 10).map((r) => ({ ...r, procedure: getProcedure(r.procedureId)?.name[lang] ?? "" })),
  };
}

export function dashboardView(db: Db, filter: EvaluationFilter, lang: Lang) {
  return { ...figuresView(computeFigures(db, filter), lang), options: filterOptions(lang, listAgencyIdsInUse(db)) };
}
export type DashboardView = ReturnType<typeof dashboardView>;
