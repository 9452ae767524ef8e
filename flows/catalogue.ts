// The published life events, every version kept: a case is always restored with the version that made it.
import { agencyDescription } from "./lib/procedure";
import { checkLifeEvent, type CheckOptions, type CheckProblem, type Locales } from "./lib/checks";
import { caseRegions, createCaseMachine as compileCaseMachine } from "./lib/case-machine";
import { createJourneyMachine as compileJourneyMachine } from "./lib/journey-machine";
import type { LifeEvent } from "./lib/life-event";
import { identityNumberItems, isIdentityNumberItem } from "./lib/data-dictionary";
import type { Question } from "./lib/questions";
import { payloadJsonSchema } from "./lib/json-schema";
import type { AnyStateMachine } from "xstate";
import { getAgency } from "./agencies";
import { listProcedures } from "./procedures";
import { carOwnershipVersions } from "./car-ownership/definition";
import { incorporationVersions } from "./incorporation/definition";
import { relocationVersions } from "./relocation/definition";

const published: Record<string, LifeEvent[]> = {
  relocation: relocationVersions,
  incorporation: incorporationVersions,
  "car-ownership": carOwnershipVersions,
};

/**
 * Whether a question's answer is an identity number: it is named after an identity-number data item, or
 * prefilled from one (e.g. `licenceNumber`, prefilled from `driversLicenceNumber`).
 */
export function isIdentityNumberQuestion(question: Pick<Question, "id" | "prefillFrom">): boolean {
  return isIdentityNumberItem(question.id) || (question.prefillFrom !== undefined && isIdentityNumberItem(question.prefillFrom));
}

let identityFields: ReadonlySet<string> | undefined;

/**
 * Every field name under which an identity number is kept: the identity-number data items (records,
 * payloads) and the identity-number questions of every published life event version (answers), group fields
 * included. What is encrypted at rest and redacted from logs goes by these names.
 */
export function identityNumberFields(): ReadonlySet<string> {
  if (!identityFields) {
    const questions = (list: readonly Question[]): Question[] => list.flatMap((question) => [question, ...questions(question.fields ?? [])]);
    const fromQuestions = listLifeEventVersions().flatMap((lifeEvent) => questions(lifeEvent.questions).filter(isIdentityNumberQuestion).map((question) => question.id));
    identityFields = new Set([...identityNumberItems, ...fromQuestions]);
  }
  return identityFields;
}

let identityReferences: ReadonlySet<string> | undefined;

/**
 * The procedures whose decision reference is an identity number that a later procedure receives (the labour
 * insurance establishment's decision gives the labour insurance number): kept encrypted like the others.
 */
export function identityNumberReferences(): ReadonlySet<string> {
  identityReferences ??= new Set(
    listProcedures().flatMap((procedure) =>
      Object.entries(procedure.fromPrerequisite)
        .filter(([item]) => isIdentityNumberItem(item))
        .map(([, prerequisite]) => prerequisite as string),
    ),
  );
  return identityReferences;
}

/** The latest version of each life event. */
export function listLifeEvents(): LifeEvent[] {
  return Object.values(published).map((versions) => latest(versions));
}

export function getLifeEvent(id: string, version?: number): LifeEvent | undefined {
  const versions = Object.hasOwn(published, id) ? published[id] : undefined;
  if (!versions) return undefined;
  return version === undefined ? latest(versions) : versions.find((candidate) => candidate.version === version);
}

/** Every version of every life event, oldest first. */
export function listLifeEventVersions(): LifeEvent[] {
  return Object.values(published).flatMap((versions) => [...versions].sort((a, b) => a.version - b.version));
}

function latest(versions: LifeEvent[]): LifeEvent {
  return versions.reduce((a, b) => (b.version > a.version ? b : a));
}

// Machines are compiled once per life event version and reused (they are immutable).
const journeyMachines = new WeakMap<LifeEvent, AnyStateMachine>();
const caseMachines = new WeakMap<LifeEvent, Map<string, AnyStateMachine>>();
/** Per life event version: one machine per set of regions in use, the least recently used dropped beyond this. */
const CASE_MACHINES_KEPT = 64;

export function createJourneyMachine(lifeEvent: LifeEvent): AnyStateMachine {
  let machine = journeyMachines.get(lifeEvent);
  if (!machine) journeyMachines.set(lifeEvent, (machine = compileJourneyMachine(lifeEvent)));
  return machine;
}

/** The case machine of a life event version with a region for each of `regions` (by default its whole catalogue). */
export function createCaseMachine(lifeEvent: LifeEvent, regions?: Iterable<string>): AnyStateMachine {
  let kept = caseMachines.get(lifeEvent);
  if (!kept) caseMachines.set(lifeEvent, (kept = new Map()));
  const followed = caseRegions(lifeEvent, regions);
  const key = followed.join(" ");
  let machine = kept.get(key);
  if (machine) kept.delete(key);
  else machine = compileCaseMachine(lifeEvent, followed);
  kept.set(key, machine);
  if (kept.size > CASE_MACHINES_KEPT) kept.delete(kept.keys().next().value!);
  return machine;
}

/** Every procedure's payload as JSON Schema, by procedure id. */
export function payloadJsonSchemas(): Record<string, object> {
  return Object.fromEntries(listProcedures().map((procedure) => [procedure.id, payloadJsonSchema(procedure)]));
}

/** Checks every published version (or the life events given) against the locale resources. */
export function checkLifeEvents(args: { locales: Locales; lifeEvents?: LifeEvent[]; maxPaths?: number }): CheckProblem[] {
  const options: CheckOptions = { locales: args.locales, getAgency, maxPaths: args.maxPaths };
  return (args.lifeEvents ?? listLifeEventVersions()).flatMap((lifeEvent) => checkLifeEvent(lifeEvent, options));
}

export function describeLifeEvents(): {
  lifeEvents: {
    id: string;
    version: number;
    questions: number;
    procedures: {
      id: string;
      agency: string;
      sector: "public" | "private";
      prerequisites: string[];
      form: { name: string; date: string; source: string; items: { item: string; dataItem: string | null; notNeededBecause: string | null }[] } | null;
    }[];
  }[];
} {
  return {
    lifeEvents: listLifeEventVersions().map((lifeEvent) => ({
      id: lifeEvent.id,
      version: lifeEvent.version,
      questions: lifeEvent.questions.length,
      procedures: lifeEvent.rules.map(({ procedure }) => ({
        id: procedure.id,
        agency: agencyDescription(procedure),
        sector: procedure.sector,
        prerequisites: procedure.prerequisites.filter((id) => lifeEvent.procedures.includes(id)),
        form: procedure.form
          ? {
              name: procedure.form.name,
              date: procedure.form.date,
              source: procedure.form.source,
              items: procedure.form.items.map(({ item, dataItem, notNeededBecause }) => ({ item, dataItem, notNeededBecause })),
            }
          : null,
      })),
    })),
  };
}
