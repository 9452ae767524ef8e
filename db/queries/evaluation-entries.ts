// What people enter beside the live figures: counter volumes (officers, per organisation, procedure and month),
// unit costs per channel (evaluators) and ministries' plan items (evaluators). No personal data in any of them.
import { and, asc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Tx } from "../client.server";
import { counterVolumes, planItems, unitCosts, type CostChannel } from "../schema";

export type CounterVolumeRow = typeof counterVolumes.$inferSelect;
export type UnitCostRow = typeof unitCosts.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;

/** Sets one month's counter volume of an organisation's procedure (a second entry for the same month replaces the first). */
export function upsertCounterVolume(tx: Tx, values: Omit<typeof counterVolumes.$inferInsert, "id">) {
  tx.insert(counterVolumes)
    .values(values)
    .onConflictDoUpdate({
      target: [counterVolumes.agencyId, counterVolumes.procedureId, counterVolumes.month],
      set: { count: values.count, enteredBy: values.enteredBy, updatedAt: values.updatedAt },
    })
    .run();
}

/** Counter volumes from one month to another (inclusive, YYYY-MM), optionally for some procedures and organisations. */
export function listCounterVolumes(tx: Tx, scope: { fromMonth: string; toMonth: string; procedureIds?: string[]; agencyIds?: string[] }) {
  const where: SQL[] = [gte(counterVolumes.month, scope.fromMonth), lte(counterVolumes.month, scope.toMonth)];
  if (scope.procedureIds) where.push(inArray(counterVolumes.procedureId, scope.procedureIds.length ? scope.procedureIds : [""]));
  if (scope.agencyIds) where.push(inArray(counterVolumes.agencyId, scope.agencyIds.length ? scope.agencyIds : [""]));
  return tx
    .select({ agencyId: counterVolumes.agencyId, procedureId: counterVolumes.procedureId, month: counterVolumes.month, count: counterVolumes.count })
    .from(counterVolumes)
    .where(and(...where))
    .all();
}

/** One organisation's latest counter volumes, newest month first. */
export function listAgencyCounterVolumes(tx: Tx, { agencyId, limit = 24 }: { agencyId: string; limit?: number }) {
  return tx
    .select({ procedureId: counterVolumes.procedureId, month: counterVolumes.month, count: counterVolumes.count, updatedAt: counterVolumes.updatedAt })
    .from(counterVolumes)
    .where(eq(counterVolumes.agencyId, agencyId))
    .orderBy(counterVolumes.month)
    .all()
    .reverse()
    .slice(0, limit);
}

export function listUnitCosts(tx: Tx): Pick<UnitCostRow, "channel" | "procedureId" | "yen" | "updatedAt">[] {
  return tx
    .select({ channel: unitCosts.channel, procedureId: unitCosts.procedureId, yen: unitCosts.yen, updatedAt: unitCosts.updatedAt })
    .from(unitCosts)
    .orderBy(asc(unitCosts.procedureId), asc(unitCosts.channel))
    .all();
}

/** Sets a channel's unit cost, the default (procedureId '') or a procedure's own. */
export function setUnitCost(tx: Tx, values: { channel: CostChannel; procedureId: string; yen: number; setBy: string; updatedAt: string }) {
  tx.insert(unitCosts)
    .values(values)
    .onConflictDoUpdate({ target: [unitCosts.channel, unitCosts.procedureId], set: { yen: values.yen, setBy: values.setBy, updatedAt: values.updatedAt } })
    .run();
}

export function deleteUnitCost(tx: Tx, { channel, procedureId }: { channel: CostChannel; procedureId: string }) {
  tx.delete(unitCosts)
    .where(and(eq(unitCosts.channel, channel), eq(unitCosts.procedureId, procedureId)))
    .run();
}

export function insertPlanItem(tx: Tx, values: Omit<typeof planItems.$inferInsert, "id">): number {
  return tx.insert(planItems).values(values).returning({ id: planItems.id }).get().id;
}

export function listPlanItems(tx: Tx, { ministryId }: { ministryId?: string } = {}): PlanItemRow[] {
  return tx
    .select()
    .from(planItems)
    .where(ministryId ? eq(planItems.ministryId, ministryId) : undefined)
    .orderBy(asc(planItems.ministryId), asc(planItems.dueDate), asc(planItems.id))
    .all();
}

export function deletePlanItem(tx: Tx, { id }: { id: number }): boolean {
  return tx.delete(planItems).where(eq(planItems.id, id)).run().changes === 1;
}
