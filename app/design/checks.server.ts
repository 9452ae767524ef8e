// The flows:check problems of every published life event version, as the portal shows them: run once per
// process against the bundled translations (the flows and texts do not change while it runs), each problem
// placed at the question or procedure it concerns.
import { checkLifeEvents, type CheckProblem, type LifeEvent, type Locales } from "../../flows";
import { placeProblems, type PlacedProblems } from "../../flows/design/catalogue";
import { resources } from "~/platform/i18n/resources.server";

let cached: CheckProblem[] | undefined;

export function flowProblems(): CheckProblem[] {
  return (cached ??= checkLifeEvents({ locales: resources as unknown as Locales }));
}

/** The problems of one life event version, placed; `problems` defaults to this process's check run. */
export function lifeEventProblems(lifeEvent: LifeEvent, problems: CheckProblem[] = flowProblems()): PlacedProblems {
  const key = `${lifeEvent.id}@${lifeEvent.version}`;
  return placeProblems(
    problems.filter((problem) => problem.lifeEventId === key).map((problem) => problem.message),
    lifeEvent,
  );
}
