// Cross-answer checks shared by life events: a date the person gives must fall inside the window the law
// allows for every procedure the answers select (the move date and the move-in notification's 14 days).
import type { DataItemKey } from "./data-dictionary";
import { dataValues, type AnswerCheck, type LifeEvent } from "./life-event";
import { filingRange, type DateItemKey, type Procedure } from "./procedure";
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

function isSelected(lifeEvent: LifeEvent, procedure: Procedure, context: FlowContext): boolean {
  return lifeEvent.rules.some((rule) => rule.procedure.id === procedure.id && safely(() => rule.when(context)));
}

function safely(rule: () => boolean): boolean {
  try {
    return rule();
  } catch {
    return false;
  }
}

/** The widest window of procedures one of which every journey selects: a date outside it fails whichever comes. */
function widestWindow(procedures: Procedure[], item: DateItemKey, today: string): WindowBounds {
  const bounds: WindowBounds = { earliest: null, earliestBy: null, latest: null, latestBy: null };
  const ranges = procedures.filter((procedure) => procedure.filingWindow?.around === item).map((procedure) => ({ procedure, range: filingRange(procedure.filingWindow, today)! }));
  // A bound holds only if every one of them has it.
  if (ranges.length > 0 && ranges.every(({ range }) => range.earliest)) {
    const widest = ranges.reduce((a, b) => (b.range.earliest! < a.range.earliest! ? b : a));
    Object.assign(bounds, { earliest: widest.range.earliest, earliestBy: widest.procedure.id });
  }
  if (ranges.length > 0 && ranges.every(({ range }) => range.latest)) {
    const widest = ranges.reduce((a, b) => (b.range.latest! > a.range.latest! ? b : a));
    Object.assign(bounds, { latest: widest.range.latest, latestBy: widest.procedure.id });
  }
  return bounds;
}

/**
 * The date item must lie inside the filing window of every selected procedure that has one. The message
 * (`<namespace>:errors.dateWindow.between|onOrAfter|onOrBefore`) names the dates and the procedure whose
 * rule is broken, so the page can say the window in words.
 *
 * `oneOf` lists procedures of which every journey of the life event selects one (a move is always notified to
 * a municipality). While the answers select none of them yet (the move date is asked before the addresses),
 * the date is checked against their widest window, so a date no path could accept is refused when it is
 * given, not only at the end.
 */
export function withinFilingWindows(item: DateItemKey & DataItemKey, options: { oneOf?: Procedure[] } = {}): AnswerCheck {
  return ({ answers, record, today, lifeEvent }) => {
    if (!today) return null;
    const date = dataValues(lifeEvent, answers, record)[item];
    if (typeof date !== "string") return null;
    const selected = filingWindowBounds(lifeEvent, item, { answers, record }, today);
    const undecided = selected.earliest === null && selected.latest === null && options.oneOf && !options.oneOf.some((procedure) => isSelected(lifeEvent, procedure, { answers, record }));
    const bounds = undecided ? widestWindow(options.oneOf!, item, today) : selected;
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
