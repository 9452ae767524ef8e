// Cross-answer checks shared by life events: a date the person gives must fall inside the window the law
// allows for every procedure the answers select (the move date and the move-in notification's 14 days).
import type { DataItemKey } from "./data-dictionary";
import { dataValues, type AnswerCheck, type LifeEvent } from "./life-event";
import { filingRange, type DateItemKey } from "./procedure";
import type { FlowContext } from "./types";

export type WindowBounds = { earliest: string | null; earliestBy: string | null; latest: string | null; latestBy: string | null };

/** The dates `item` may take when filing on `today`: the intersection of the selected procedures' windows. */
export function filingWindowBounds(lifeEvent: LifeEvent, item: DateItemKey, context: FlowContext, today: string): WindowBounds {
  const bounds: WindowBounds = { earliest: null, earliestBy: null, latest: null, latestBy: null };
  for (const { procedure, when, offline } of lifeEvent.rules) {
    if (!procedure.filingWindow || procedure.filingWindow.around !== item) continue;
    if (!safely(() => when(context)) || (offline && safely(() => offline(context)))) continue;
    const range = filingRange(procedure.filingWindow, today)!;
    if (range.earliest && (!bounds.earliest || range.earliest > bounds.earliest)) Object.assign(bounds, { earliest: range.earliest, earliestBy: procedure.id });
    if (range.latest && (!bounds.latest || range.latest < bounds.latest)) Object.assign(bounds, { latest: range.latest, latestBy: procedure.id });
  }
  return bounds;
}

function safely(rule: () => boolean): boolean {
  try {
    return rule();
  } catch {
    return false;
  }
}

/**
 * The date item must lie inside the filing window of every selected procedure that has one. The message
 * (`<namespace>:errors.dateWindow.between|onOrAfter|onOrBefore`) names the dates and the procedure whose
 * rule is broken, so the page can say the window in words.
 */
export function withinFilingWindows(item: DateItemKey & DataItemKey): AnswerCheck {
  return ({ answers, record, today, lifeEvent }) => {
    if (!today) return null;
    const date = dataValues(lifeEvent, answers, record)[item];
    if (typeof date !== "string") return null;
    const bounds = filingWindowBounds(lifeEvent, item, { answers, record }, today);
    const tooEarly = bounds.earliest !== null && date < bounds.earliest;
    const tooLate = bounds.latest !== null && date > bounds.latest;
    if (!tooEarly && !tooLate) return null;
    const shape = bounds.earliest && bounds.latest ? "between" : bounds.earliest ? "onOrAfter" : "onOrBefore";
    const params: Record<string, string> = { procedure: (tooEarly ? bounds.earliestBy : bounds.latestBy)! };
    if (bounds.earliest) params.earliest = bounds.earliest;
    if (bounds.latest) params.latest = bounds.latest;
    return { path: "", message: `${lifeEvent.id}:errors.dateWindow.${shape}`, params };
  };
}
