// A procedure is one thing one organisation does. Its definition states who handles it, on what legal
// basis, by when, which data items it needs, and how its payload is built: a service designer reads it as a spec.
import { z } from "zod";
import { sectorOf, type Agency, type Sector } from "./agency";
import { addDays, dayOfNextMonth, endOfMonthsPeriod } from "./dates";
import { dataDictionary, type DataItemKey, type DataValues } from "./data-dictionary";
import type { Answers, RecordValues, Text } from "./types";
import type { OfficialForm } from "./official-form";

/** Data items that hold a date, which deadlines can count from. */
export type DateItemKey = "moveDate" | "foundingDate" | "firstEmploymentDate" | "birthDate" | "firstBusinessYearEnd" | "acquisitionDate";

/**
 * When a procedure is due, relative to a date data item, counted as Japanese law counts periods:
 * - `{ days: 14, from: 'moveDate' }` "within 14 days from" (…から14日以内): the first day is not counted
 *   (民法第140条), so a move on 1 April is due by 15 April. With `firstDayCounts` ("以後", "起算して" the
 *   day itself) one day earlier.
 * - `{ months: 2, from: 'foundingDate', firstDayCounts: true }` "within two months on or after" (以後2月以内):
 *   the period ends the day before the corresponding day (民法第143条): founded 1 April → 31 May.
 *   Without `firstDayCounts` the period starts the next day: 1 April → 1 May.
 * - `{ before: 'moveDate' }` by that date (`days` earlier when given).
 * - `{ dayOfNextMonth: 10, from }` by the 10th of the following month (翌月10日まで).
 * - `{ earliestOf: [...] }` whichever comes first.
 */
export type DeadlineRule =
  | { days: number; from: DateItemKey; firstDayCounts?: boolean }
  | { months: number; from: DateItemKey; firstDayCounts?: boolean }
  | { before: DateItemKey; days?: number }
  | { dayOfNextMonth: number; from: DateItemKey }
  | { earliestOf: DeadlineRule[] };

/**
 * When a procedure can be filed, around a date data item: `opensDaysBefore` days before it at the earliest
 * (absent: any time before), `closesDaysAfter` days after it at the latest (absent: no limit). `text` says
 * the rule in words for the person.
 */
export type FilingWindow = { around: DateItemKey; opensDaysBefore?: number; closesDaysAfter?: number; text: Text };

export type RouteContext = { data: Partial<DataValues>; answers: Answers; record: RecordValues };

/** An organisation worked out from the answers, e.g. the municipality of the new address. */
export type Route = {
  /** What kind of organisation, for people reading the catalogue: 'municipality:new-address'. */
  kind: string;
  sector: Sector;
  resolve: (context: RouteContext) => string;
};

/**
 * A reason an organisation may give for rejecting, and the person's next step: `correct` (the default) when
 * corrected data sent again can succeed, `counter` when only the organisation's counter can help (the
 * deadline passed, not eligible, not this office...).
 */
export type RejectionReason = { code: string; text: Text; nextStep?: "correct" | "counter" };

export type Procedure = {
  id: string;
  name: Text;
  description?: Text;
  /** A fixed agency, or a route that derives it from the answers and the record. */
  handledBy: Agency | Route;
  sector: Sector;
  legalBasis: Text;
  deadline: DeadlineRule | null;
  /** When the law lets it be filed, around a date the person gives (the move date). */
  filingWindow?: FilingWindow;
  /** Said when the person cannot file online and sends the prefilled form by post or brings it to the counter. */
  offlineNote?: Text;
  /** The official form (or the legal text listing its items) and how each item is filled. */
  form?: OfficialForm;
  dataItems: DataItemKey[];
  /** Items that may be absent (e.g. the residence card number of a Japanese national). */
  optionalItems: DataItemKey[];
  /** Items that become known only when a prerequisite is accepted; null in the payload until then. */
  fromPrerequisite: Partial<Record<DataItemKey, string>>;
  payloadSchema: z.ZodTypeAny;
  buildPayload: (data: Partial<DataValues>) => unknown;
  /** Whether the law still requires the person to visit (the portal books the visit and sends data ahead). */
  /** The law requires a visit to the organisation's counter (the move-in notification). */
  inPerson: boolean;
  inPersonNote?: Text;
  /** No visit, but someone must be present where the organisation comes (a gas reconnection's safety check). */
  presenceNote?: Text;
  rejectionReasons: RejectionReason[];
  /** Procedure ids that must be accepted before this one is sent. */
  prerequisites: string[];
};

type ProcedureSpec<Items extends readonly DataItemKey[]> = {
  id: string;
  name: Text;
  description?: Text;
  handledBy: Agency | Route;
  legalBasis: Text;
  deadline: DeadlineRule | null;
  filingWindow?: FilingWindow;
  offlineNote?: Text;
  form?: OfficialForm;
  dataItems: Items;
  optionalItems?: readonly Items[number][];
  fromPrerequisite?: { [K in Items[number]]?: string };
  /** Override both to reshape items (e.g. send fewer fields of an item); the default sends the items as they are. */
  payload?: { schema: z.ZodTypeAny; build: (data: Partial<Pick<DataValues, Items[number]>>) => unknown };
  inPerson?: boolean;
  inPersonNote?: Text;
  presenceNote?: Text;
  rejectionReasons: RejectionReason[];
  prerequisites?: string[];
};

const procedureIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Items known only when the person submits (when, and by whom): absent from previews, present in every case. */
export const submissionItems: readonly DataItemKey[] = ["filedAt", "filedBy"];

export function routeTo(route: Route): Route {
  return route;
}

export function isRoute(handledBy: Agency | Route): handledBy is Route {
  return "resolve" in handledBy;
}

export function defineProcedure<const Items extends readonly DataItemKey[]>(spec: ProcedureSpec<Items>): Procedure {
  if (!procedureIdPattern.test(spec.id)) throw new Error(`Procedure id must be kebab-case: ${spec.id}`);
  const dataItems = [...spec.dataItems] as DataItemKey[];
  const optionalItems = [...(spec.optionalItems ?? [])] as DataItemKey[];
  const fromPrerequisite = { ...(spec.fromPrerequisite ?? {}) } as Partial<Record<DataItemKey, string>>;

  const shape: Record<string, z.ZodTypeAny> = {};
  for (const key of dataItems) {
    const schema: z.ZodTypeAny = dataDictionary[key].schema;
    shape[key] = key in fromPrerequisite ? schema.nullable() : optionalItems.includes(key) || submissionItems.includes(key) ? schema.optional() : schema;
  }
  const defaultSchema = z.object(shape).strict();
  const defaultBuild = (data: Partial<DataValues>) => {
    const payload: Record<string, unknown> = {};
    for (const key of dataItems) {
      const value = data[key];
      if (value !== undefined) payload[key] = value;
      else if (key in fromPrerequisite) payload[key] = null;
    }
    return payload;
  };

  return Object.freeze({
    id: spec.id,
    name: spec.name,
    description: spec.description,
    handledBy: spec.handledBy,
    sector: isRoute(spec.handledBy) ? spec.handledBy.sector : sectorOf(spec.handledBy),
    legalBasis: spec.legalBasis,
    deadline: spec.deadline,
    filingWindow: spec.filingWindow,
    offlineNote: spec.offlineNote,
    form: spec.form,
    dataItems,
    optionalItems,
    fromPrerequisite,
    payloadSchema: spec.payload?.schema ?? defaultSchema,
    buildPayload: spec.payload
      ? (data: Partial<DataValues>) => spec.payload!.build(pickItems(data, dataItems) as Partial<Pick<DataValues, Items[number]>>)
      : defaultBuild,
    inPerson: spec.inPerson ?? false,
    inPersonNote: spec.inPersonNote,
    presenceNote: spec.presenceNote,
    rejectionReasons: spec.rejectionReasons,
    prerequisites: spec.prerequisites ?? [],
  });
}

/** Only the named items: a builder never sees data its procedure did not declare. */
export function pickItems(data: Partial<DataValues>, items: readonly DataItemKey[]): Partial<DataValues> {
  const picked: Partial<Record<DataItemKey, unknown>> = {};
  for (const key of items) if (data[key] !== undefined) picked[key] = data[key];
  return picked as Partial<DataValues>;
}

export function agencyIdFor(procedure: Procedure, context: RouteContext): string {
  return isRoute(procedure.handledBy) ? procedure.handledBy.resolve(context) : procedure.handledBy.id;
}

/** The agency column of the catalogue: an agency id, or the kind of organisation a route picks. */
export function agencyDescription(procedure: Procedure): string {
  return isRoute(procedure.handledBy) ? procedure.handledBy.kind : procedure.handledBy.id;
}

export function deadlineFor(rule: DeadlineRule | null, data: Partial<DataValues>): string | null {
  if (!rule) return null;
  if ("earliestOf" in rule) {
    const dates = rule.earliestOf.map((inner) => deadlineFor(inner, data));
    if (dates.some((date) => date === null)) return null;
    return (dates as string[]).reduce((a, b) => (b < a ? b : a));
  }
  const fromKey = "before" in rule ? rule.before : rule.from;
  const from = data[fromKey];
  if (typeof from !== "string") return null;
  if ("before" in rule) return addDays(from, -(rule.days ?? 0));
  if ("dayOfNextMonth" in rule) return dayOfNextMonth(from, rule.dayOfNextMonth);
  if ("months" in rule) return endOfMonthsPeriod(rule.firstDayCounts ? from : addDays(from, 1), rule.months);
  return addDays(from, rule.firstDayCounts ? rule.days - 1 : rule.days);
}

/** The move dates (or other dates) a filing made on `today` may name, or null when the procedure has no window. */
export function filingRange(window: FilingWindow | undefined, today: string): { earliest: string | null; latest: string | null } | null {
  if (!window) return null;
  return {
    earliest: window.closesDaysAfter === undefined ? null : addDays(today, -window.closesDaysAfter),
    latest: window.opensDaysBefore === undefined ? null : addDays(today, window.opensDaysBefore),
  };
}
