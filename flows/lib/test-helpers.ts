// Helpers shared by the flow tests: event generators for model-based tests with @xstate/graph,
// and locale resources loaded as JSON imports (flows/ reads no files, not even in tests).
import { getAdjacencyMap, getShortestPaths } from "@xstate/graph";
import type { AnyStateMachine, SnapshotFrom } from "xstate";
import jaCarOwnership from "../../public/locales/ja/car-ownership.json";
import enCarOwnership from "../../public/locales/en/car-ownership.json";
import jaIncorporation from "../../public/locales/ja/incorporation.json";
import enIncorporation from "../../public/locales/en/incorporation.json";
import jaRelocation from "../../public/locales/ja/relocation.json";
import enRelocation from "../../public/locales/en/relocation.json";
import jaJourney from "../../public/locales/ja/journey.json";
import enJourney from "../../public/locales/en/journey.json";
import type { CaseContext, CaseEvent } from "./case-machine";
import type { JourneyContext, JourneyEvent } from "./journey-machine";
import { applicableQuestions, getQuestion, type LifeEvent } from "./life-event";
import type { Locales } from "./checks";
import type { RecordValues } from "./types";

export const locales: Locales = {
  ja: { relocation: jaRelocation, incorporation: jaIncorporation, "car-ownership": jaCarOwnership, journey: jaJourney },
  en: { relocation: enRelocation, incorporation: enIncorporation, "car-ownership": enCarOwnership, journey: enJourney },
};

type Snapshot = SnapshotFrom<AnyStateMachine>;

/** An answer no schema accepts: an object where a string, boolean, number or list is expected. */
export const invalidAnswer = { not: "an answer" };

/** Events a person can send on each page: every example answer, an invalid one, back, and (on check answers) change and confirm. */
export function journeyEvents(lifeEvent: LifeEvent, options: { navigation: boolean }) {
  return (snapshot: Snapshot): JourneyEvent[] => {
    const context = snapshot.context as JourneyContext;
    const state = snapshot.value as string;
    const question = getQuestion(lifeEvent, state);
    if (question) {
      const answers = question.examples.map((value) => ({ type: "answer.submitted" as const, questionId: question.id, value }));
      if (!options.navigation) return answers;
      return [...answers, { type: "answer.submitted", questionId: question.id, value: invalidAnswer }, { type: "back" }];
    }
    if (state === "checkingAnswers") {
      if (!options.navigation) return [{ type: "answers.confirmed" }];
      const changes = applicableQuestions(lifeEvent, context.answers, context.record).map((candidate) => ({
        type: "change.requested" as const,
        questionId: candidate.id,
      }));
      return [{ type: "answers.confirmed" }, { type: "back" }, ...changes];
    }
    return [];
  };
}

/** Every event the case machine knows, for each of the given procedures, shaped by the current attempt count. */
export function caseEvents(procedureIds: string[]) {
  return (snapshot: Snapshot): CaseEvent[] => {
    const context = snapshot.context as CaseContext;
    return procedureIds.flatMap((procedureId) => {
      const attempt = (context.procedures[procedureId]?.attempts ?? 0) + 1;
      return [
        { type: "delivery.started", procedureId },
        { type: "delivery.succeeded", procedureId, agencyReference: `ACK-${procedureId}` },
        { type: "delivery.failed", procedureId, attempt, permanent: false },
        { type: "delivery.failed", procedureId, attempt, permanent: true },
        { type: "operator.retried", procedureId },
        { type: "operator.closed", procedureId, reason: "handled on paper" },
        { type: "agency.accepted", procedureId, reference: `REF-${procedureId}` },
        { type: "agency.rejected", procedureId, reason: "incomplete" },
        { type: "agency.informationRequested", procedureId, question: "Please send a copy of the lease." },
        { type: "citizen.answered", procedureId, answer: "Attached." },
        { type: "citizen.resubmitted", procedureId },
      ] satisfies CaseEvent[];
    });
  };
}

/**
 * Model-based checks of a journey with @xstate/graph, for one record:
 * - with navigation events (back, invalid answers, change from check answers), every question and
 *   check answers is reachable;
 * - with answers only, every complete path ends in 'confirmed', and replaying it on a real actor agrees.
 */
export function walkJourney(lifeEvent: LifeEvent, machine: AnyStateMachine, record: RecordValues) {
  const input = { record };
  const reachable = getShortestPaths(machine, {
    input,
    events: journeyEvents(lifeEvent, { navigation: true }),
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });
  const reachedStates = new Set(reachable.map((path) => path.state.value as string));

  const answerPaths = getShortestPaths(machine, {
    input,
    events: journeyEvents(lifeEvent, { navigation: false }),
    serializeState: (snapshot) => JSON.stringify([snapshot.value, (snapshot.context as JourneyContext).answers]),
  });
  const adjacency = getAdjacencyMap(machine, {
    input,
    events: journeyEvents(lifeEvent, { navigation: false }),
    serializeState: (snapshot) => JSON.stringify([snapshot.value, (snapshot.context as JourneyContext).answers]),
  });
  const deadEnds = Object.values(adjacency)
    .filter((vertex) => (Object.values(vertex.transitions) as { state: Snapshot }[]).every((transition) => transition.state === vertex.state || JSON.stringify(transition.state.value) === JSON.stringify(vertex.state.value)))
    .map((vertex) => vertex.state.value as string);
  const completePaths = answerPaths.filter((path) => path.state.status === "done");
  return { reachedStates, completePaths, deadEnds };
}
