// A procedure is one thing one organisation does. Its definition states who handles it, on what legal
// basis, by when, which data items it needs, and how its payload is built: a service designer reads it as a spec.
import { z } from "zod";
import { sectorOf, type Agency, type Sector } from "./agency";
import { addDays, addMonths } from "./dates";
import { dataDictionary, type DataItemKey, type DataValues } from "./data-dictionary";
import type { Answers, RecordValues, Text } from "./types";

/** Data items that hold a date, which deadlines can count from. */
export type DateItemKey = "moveDate" | "foundingDate" | "firstEmploymentDate" | "birthDate";

/**
 * When a procedure is due, relative to a date data item (derived from the answers):
 * `{ days: 14, from: 'moveDate' }` 14 days after; `{ months: 2, from: 'foundingDate' }` two months after;
 * `{ before: 'moveDate' }` by that date (`days` earlier when given).
 */
export type DeadlineRule =
  | { days: number; from: DateItemKey }
  | { months: number; from: DateItemKey }
  | { before: DateItemKey; days?: number };

export type RouteContext = { data: Partial<DataValues>; answers: Answers; record: RecordValues };

/** An organisation worked out from the answers, e.g. the municipality of the new address. */
export type Route = {
  /** What kind of organisation, for people reading the catalogue: 'municipality:new-address'. */
  kind: string;
  sector: Sector;
  resolve: (context: RouteContext) => string;
};

export type RejectionReason = { code: string; text: Text };

export type Procedure = {
  id: string;
  name: Text;
  description?: Text;
  /** A fixed agency, or a route that derives it from the answers and the record. */
  handledBy: Agency | Route;
  sector: Sector;
  legalBasis: Text;
  deadline: DeadlineRule | null;
  dataItems: DataItemKey[];
  /** Items that may be absent (e.g. the residence card number of a Japanese national). */
  optionalItems: DataItemKey[];
  /** Items that become known only when a prerequisite is accepted; null in the payload until then. */
  fromPrerequisite: Partial<Record<DataItemKey, string>>;
  payloadSchema: z.ZodTypeAny;
  buildPayload: (data: Partial<DataValues>) => unknown;
  /** Whether the law still requires the person to visit (the portal books the visit and sends data ahead). */
  inPerson: boolean;
  inPersonNote?: Text;
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
  dataItems: Items;
  optionalItems?: readonly Items[number][];
  fromPrerequisite?: { [K in Items[number]]?: string };
  /** Override both to reshape items (e.g. send fewer fields of an item); the default sends the items as they are. */
  payload?: { schema: z.ZodTypeAny; build: (data: Partial<Pick<DataValues, Items[number]>>) => unknown };
  inPerson?: boolean;
  inPersonNote?: Text;
  rejectionReasons: RejectionReason[];
  prerequisites?: string[];
};

const procedureIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
    shape[key] = key in fromPrerequisite ? schema.nullable() : optionalItems.includes(key) ? schema.optional() : schema;
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
    dataItems,
    optionalItems,
    fromPrerequisite,
    payloadSchema: spec.payload?.schema ?? defaultSchema,
    buildPayload: spec.payload
      ? (data: Partial<DataValues>) => spec.payload!.build(pickItems(data, dataItems) as Partial<Pick<DataValues, Items[number]>>)
      : defaultBuild,
    inPerson: spec.inPerson ?? false,
    inPersonNote: spec.inPersonNote,
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
  const fromKey = "before" in rule ? rule.before : rule.from;
  const from = data[fromKey];
  if (typeof from !== "string") return null;
  if ("before" in rule) return addDays(from, -(rule.days ?? 0));
  if ("months" in rule) return addMonths(from, rule.months);
  return addDays(from, rule.days);
}
