// The answers and records a designer's tools try the rules with: every sample, and the journeys the
// questions' example answers lead to (for an empty record and each sample's record).
import { exploreJourneys } from "../lib/checks";
import type { LifeEvent } from "../lib/life-event";
import type { Answers, FlowContext } from "../lib/types";

export function exampleContexts(lifeEvent: LifeEvent, maxPathsPerRecord = 300): FlowContext<Answers>[] {
  const contexts: FlowContext<Answers>[] = lifeEvent.samples.map((sample) => ({ answers: sample.answers, record: sample.record }));
  for (const record of [{}, ...lifeEvent.samples.map((sample) => sample.record)]) {
    exploreJourneys(lifeEvent, record, (answers) => contexts.push({ answers, record }), maxPathsPerRecord);
  }
  return contexts;
}
