// Designers' saved scenarios: a sample person with answers and record attributes replaced (synthetic only).
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client.server";
import { designScenarios } from "../schema";

export type DesignScenario = typeof designScenarios.$inferSelect;

export function insertDesignScenario(tx: Tx, scenario: Omit<typeof designScenarios.$inferInsert, "id">): DesignScenario {
  return tx.insert(designScenarios).values(scenario).returning().get();
}

/** A life event's saved scenarios, oldest first. */
export function listDesignScenarios(tx: Tx, { lifeEventId }: { lifeEventId: string }): DesignScenario[] {
  return tx.select().from(designScenarios).where(eq(designScenarios.lifeEventId, lifeEventId)).orderBy(asc(designScenarios.id)).all();
}

/** Deletes one of a life event's scenarios; returns it, or undefined when there was none. */
export function deleteDesignScenario(tx: Tx, { lifeEventId, id }: { lifeEventId: string; id: number }): DesignScenario | undefined {
  return tx
    .delete(designScenarios)
    .where(and(eq(designScenarios.lifeEventId, lifeEventId), eq(designScenarios.id, id)))
    .returning()
    .get();
}
