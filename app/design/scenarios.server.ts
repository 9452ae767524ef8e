// Designers' saved scenarios: a composed person (a sample with answers and record attributes replaced) saved from
// the simulation page, listed there to run again or delete, and run by coverage beside the samples. Synthetic
// only: a scenario starts from a flows sample and may not carry an identity number. Saving and deleting are audited.
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deleteDesignScenario, insertDesignScenario, listDesignScenarios, type DesignScenario } from "../../db/queries/design-scenarios";
import { identityNumberFields, type LifeEvent } from "../../flows";
import type { Scenario } from "../../flows/design/coverage";
import { auditActorOf, type AuthContext } from "~/identity/auth.server";
import { isHostileText } from "~/platform/hostile-text";
import { composePerson, type SimulationInput } from "./simulation.server";

export const maxScenarioNameLength = 100;

export type SaveScenarioResult = { ok: true; id: number } | { ok: false; errors: Record<string, string[]> };

/** Whether any key of a JSON value, at any depth, is a field that holds an identity number. */
function holdsIdentityNumber(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsIdentityNumber);
  if (!value || typeof value !== "object") return false;
  return Object.entries(value).some(([key, inner]) => identityNumberFields().has(key) || holdsIdentityNumber(inner));
}

export function saveScenario(db: Db, auth: AuthContext, lifeEvent: LifeEvent, form: SimulationInput & { name: string }): SaveScenarioResult {
  const errors: Record<string, string[]> = {};
  const name = form.name.trim();
  if (!name) errors.name = ["design:scenarios.errors.nameRequired"];
  else if (name.length > maxScenarioNameLength) errors.name = ["design:scenarios.errors.nameTooLong"];
  else if (isHostileText(name)) errors.name = ["design:scenarios.errors.nameHostile"];
  const person = composePerson(lifeEvent, form);
  if (person.answersError) errors.answers = ["design:scenarios.errors.notAnObject"];
  else if (form.answersText && holdsIdentityNumber(JSON.parse(form.answersText))) errors.answers = ["design:scenarios.errors.identityNumber"];
  if (person.recordError) errors.record = ["design:scenarios.errors.notAnObject"];
  else if (form.recordText && holdsIdentityNumber(JSON.parse(form.recordText))) errors.record = ["design:scenarios.errors.identityNumber"];
  if (Object.keys(errors).length) return { ok: false, errors };
  return db.transaction((tx) => {
    const at = new Date();
    const scenario = insertDesignScenario(tx, {
      lifeEventId: lifeEvent.id,
      name,
      sampleId: person.sample.id,
      answers: form.answersText,
      record: form.recordText,
      createdBy: auth.user.id,
      createdAt: at.toISOString(),
    });
    appendAuditEntry(tx, {
      ...auditActorOf(auth),
      action: "design.scenario.saved",
      subjectType: "lifeEvent",
      subjectId: lifeEvent.id,
      details: { scenario: scenario.id, name, sample: scenario.sampleId },
      at,
    });
    return { ok: true, id: scenario.id };
  });
}

/** Deletes a saved scenario, audited; false when the life event has no such scenario. */
export function deleteScenario(db: Db, auth: AuthContext, lifeEvent: LifeEvent, id: number): boolean {
  return db.transaction((tx) => {
    const deleted = deleteDesignScenario(tx, { lifeEventId: lifeEvent.id, id });
    if (!deleted) return false;
    appendAuditEntry(tx, {
      ...auditActorOf(auth),
      action: "design.scenario.deleted",
      subjectType: "lifeEvent",
      subjectId: lifeEvent.id,
      details: { scenario: deleted.id, name: deleted.name, sample: deleted.sampleId },
      at: new Date(),
    });
    return true;
  });
}

const inputOf = (scenario: DesignScenario): SimulationInput => ({ sampleId: scenario.sampleId, answersText: scenario.answers, recordText: scenario.record });

/** The simulation page's address that runs a scenario again. */
export function simulationHref(lifeEvent: LifeEvent, input: SimulationInput): string {
  const query = new URLSearchParams({ sample: input.sampleId });
  if (input.answersText) query.set("answers", input.answersText);
  if (input.recordText) query.set("record", input.recordText);
  return `/design/life-events/${lifeEvent.id}/simulate?${query.toString()}`;
}

/** A life event's saved scenarios whose sample still exists (a sample removed from flows/ leaves its scenarios out). */
function usableScenarios(db: Db, lifeEvent: LifeEvent): DesignScenario[] {
  return listDesignScenarios(db, { lifeEventId: lifeEvent.id }).filter((scenario) => lifeEvent.samples.some((sample) => sample.id === scenario.sampleId));
}

export function savedScenariosView(db: Db, lifeEvent: LifeEvent) {
  return usableScenarios(db, lifeEvent).map((scenario) => ({ id: scenario.id, name: scenario.name, href: simulationHref(lifeEvent, inputOf(scenario)) }));
}

/** Every sample and every saved scenario, as coverage runs them, with the name each is shown by. */
export function coverageScenarios(db: Db, lifeEvent: LifeEvent): { scenarios: Scenario[]; names: Map<string, string> } {
  const saved = usableScenarios(db, lifeEvent);
  const scenarios: Scenario[] = [
    ...lifeEvent.samples,
    ...saved.map((scenario) => {
      const { record, answers } = composePerson(lifeEvent, inputOf(scenario));
      return { id: `scenario-${scenario.id}`, record, answers };
    }),
  ];
  const names = new Map([
    ...lifeEvent.samples.map((sample) => [sample.id, String(sample.record["name.kanji"] ?? sample.record["company.name"] ?? "")] as const),
    ...saved.map((scenario) => [`scenario-${scenario.id}`, scenario.name] as const),
  ]);
  return { scenarios, names };
}
