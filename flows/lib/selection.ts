// Selection turns answers and a record into the procedures to send, each with its resolved agency,
// deadline and minimal payload. It is what the consent page shows and what the case is created from.
import { dataValues, pruneAnswers, type LifeEvent } from "./life-event";
import { agencyIdFor, deadlineFor, pickItems, submissionItems, type Procedure } from "./procedure";
import type { Answers, Filing, RecordValues } from "./types";

export type SelectedProcedure = {
  procedureId: string;
  agencyId: string;
  /** Prerequisites that are part of this selection. */
  prerequisites: string[];
  deadline: string | null;
  inPerson: boolean;
  /**
   * True when this person cannot file it online (a move-out without a My Number Card): the portal guides
   * them to post the prefilled form or bring it to the counter, and sends the data ahead to the office.
   */
  offline: boolean;
  /** The items the payload carries: an optional item the person does not have (a residence card number of a Japanese national) is not listed. */
  dataItems: string[];
  payload: unknown;
};

export type SelectionArgs = { lifeEvent: LifeEvent; answers: Answers; record: RecordValues; optOut?: string[]; filing?: Filing };

type Draft = { procedure: Procedure; selected: SelectedProcedure; routeError?: string };

function resolveAgency(procedure: Procedure, context: Parameters<typeof agencyIdFor>[1]): { agencyId: string; routeError?: string } {
  try {
    return { agencyId: agencyIdFor(procedure, context) };
  } catch (error) {
    return { agencyId: "", routeError: (error as Error).message };
  }
}

/** The selection before payload validation, so checks can report a builder whose output its schema rejects. */
export function draftSelection({ lifeEvent, answers, record, optOut = [], filing }: SelectionArgs): Draft[] {
  const pruned = pruneAnswers(lifeEvent, answers, record);
  const context = { answers: pruned, record };
  const data = dataValues(lifeEvent, pruned, record, filing);
  const chosen = lifeEvent.rules.filter(
    ({ procedure, when }) => when(context) && !(procedure.sector === "private" && optOut.includes(procedure.id)),
  );
  const chosenIds = new Set(chosen.map(({ procedure }) => procedure.id));
  return chosen.map(({ procedure, offline }) => {
    const { agencyId, routeError } = resolveAgency(procedure, { data, answers: pruned, record });
    const present = procedure.dataItems.filter(
      (key) => data[key] !== undefined || key in procedure.fromPrerequisite || !(procedure.optionalItems.includes(key) || submissionItems.includes(key)),
    );
    return {
      procedure,
      routeError,
      selected: {
        procedureId: procedure.id,
        agencyId,
        prerequisites: procedure.prerequisites.filter((id) => chosenIds.has(id)),
        deadline: deadlineFor(procedure.deadline, data),
        inPerson: procedure.inPerson,
        offline: offline ? offline(context) : false,
        dataItems: present,
        payload: procedure.buildPayload(pickItems(data, procedure.dataItems)),
      },
    };
  });
}

/** The procedures this person's answers call for; each payload is parsed by its procedure's schema. */
export function selectProcedures(args: SelectionArgs): SelectedProcedure[] {
  return draftSelection(args).map(({ procedure, selected, routeError }) => {
    if (routeError) throw new Error(`Cannot route ${procedure.id}: ${routeError}`);
    const result = procedure.payloadSchema.safeParse(selected.payload);
    if (!result.success) {
      const paths = result.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
      throw new Error(`Payload of ${procedure.id} does not match its schema at: ${paths}`);
    }
    return { ...selected, payload: result.data };
  });
}

/**
 * Fills items that a prerequisite produces (e.g. the corporate number from the company registration)
 * once that prerequisite is accepted: the dispatcher calls this before it delivers a waiting procedure.
 */
export function completePayload(args: {
  procedure: Procedure;
  payload: unknown;
  references: Record<string /* procedureId */, string | undefined>;
}): unknown {
  const payload = { ...(args.payload as Record<string, unknown>) };
  for (const [item, prerequisiteId] of Object.entries(args.procedure.fromPrerequisite)) {
    const reference = prerequisiteId ? args.references[prerequisiteId] : undefined;
    if (reference !== undefined && payload[item] == null) payload[item] = reference;
  }
  return args.procedure.payloadSchema.parse(payload);
}
