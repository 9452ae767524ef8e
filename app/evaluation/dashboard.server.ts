// The evaluation dashboard's view: the figures for the filter, with names and translation keys in place of
// ids, so the page shows no internal code. Figures only; nothing here names or identifies a person.
import { getLifeEvent, getProcedure, getQuestion, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { listAgencyIdsInUse } from "../../db/queries/evaluation";
import { i18nServer } from "../platform/i18n/i18n.server";
import { computeFigures, filterOptions, type EvaluationFilter } from "./figures.server";

export async function requestLanguage(request: Request): Promise<Lang> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}

export function dashboardView(db: Db, filter: EvaluationFilter, lang: Lang) {
  const figures = computeFigures(db, filter);
  const agencyIdsInUse = listAgencyIdsInUse(db);
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
    options: filterOptions(lang, agencyIdsInUse),
  };
}
export type DashboardView = ReturnType<typeof dashboardView>;
