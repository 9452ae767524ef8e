// The IDEA BOX's reads and writes: ideas, their supports, and their events (answers, status changes,
// merges, hiding). Small verb-noun functions; the rules live in app/ideas.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client.server";
import { ideaEvents, ideas, ideaSupports, procedureRequests, users, type IdeaStatus } from "../schema";

export type IdeaRow = typeof ideas.$inferSelect;
export type IdeaEventRow = typeof ideaEvents.$inferSelect;

export function insertIdea(tx: Tx, values: typeof ideas.$inferInsert): IdeaRow {
  return tx.insert(ideas).values(values).returning().get();
}

export function getIdea(tx: Tx, { id }: { id: number }): IdeaRow | undefined {
  return tx.select().from(ideas).where(eq(ideas.id, id)).get();
}

export function updateIdea(tx: Tx, { id, values }: { id: number; values: Partial<typeof ideas.$inferInsert> }) {
  tx.update(ideas).set(values).where(eq(ideas.id, id)).run();
}

export type IdeaListFilter = { status?: IdeaStatus; lifeEventId?: string; procedureId?: string; questionId?: string; limit?: number };

/** Published ideas (not hidden), newest first, with their number of supports and, when shown, the author's name. */
export function listPublicIdeas(tx: Tx, filter: IdeaListFilter = {}) {
  const where: SQL[] = [isNull(ideas.hiddenAt)];
  if (filter.status) where.push(eq(ideas.status, filter.status));
  if (filter.lifeEventId) where.push(eq(ideas.lifeEventId, filter.lifeEventId));
  if (filter.procedureId) where.push(eq(ideas.procedureId, filter.procedureId));
  if (filter.questionId) where.push(eq(ideas.questionId, filter.questionId));
  return tx
    .select({
      idea: ideas,
      supports: sql<number>`(select count(*) from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`,
      authorName: sql<string | null>`case when ${ideas.showAuthorName} then ${users.displayName} else null end`,
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(and(...where))
    .orderBy(desc(ideas.createdAt), desc(ideas.id))
    .limit(filter.limit ?? 200)
    .all();
}

export function listIdeasOfAuthor(tx: Tx, { authorId }: { authorId: string }): IdeaRow[] {
  return tx.select().from(ideas).where(eq(ideas.authorId, authorId)).orderBy(desc(ideas.createdAt), desc(ideas.id)).all();
}

export function authorNameOf(tx: Tx, idea: IdeaRow): string | null {
  if (!idea.showAuthorName) return null;
  return tx.select({ name: users.displayName }).from(users).where(eq(users.id, idea.authorId)).get()?.name ?? null;
}

export function insertIdeaEvent(tx: Tx, values: typeof ideaEvents.$inferInsert) {
  tx.insert(ideaEvents).values(values).run();
}

export function listIdeaEvents(tx: Tx, { ideaIds }: { ideaIds: number[] }): IdeaEventRow[] {
  if (ideaIds.length === 0) return [];
  return tx.select().from(ideaEvents).where(inArray(ideaEvents.ideaId, ideaIds)).orderBy(asc(ideaEvents.id)).all();
}

/** The newest events of published ideas, for the Atom feed. */
export function listRecentIdeaEvents(tx: Tx, { limit }: { limit: number }) {
  return tx
    .select({ event: ideaEvents, idea: ideas })
    .from(ideaEvents)
    .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
    .where(and(isNull(ideas.hiddenAt), inArray(ideaEvents.kind, ["received", "answered", "mergedInto"])))
    .orderBy(desc(ideaEvents.at), desc(ideaEvents.id))
    .limit(limit)
    .all();
}

export function countSupports(tx: Tx, { ideaId }: { ideaId: number }): number {
  return tx.select({ n: count() }).from(ideaSupports).where(eq(ideaSupports.ideaId, ideaId)).get()?.n ?? 0;
}

export function hasSupported(tx: Tx, { ideaId, userId }: { ideaId: number; userId: string }): boolean {
  return !!tx
    .select({ id: ideaSupports.id })
    .from(ideaSupports)
    .where(and(eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.userId, userId)))
    .get();
}

/** Adds a support; false when this user already supports the idea (once each). */
export function insertSupport(tx: Tx, { ideaId, userId, at }: { ideaId: number; userId: string; at: string }): boolean {
  const result = tx.insert(ideaSupports).values({ ideaId, userId, createdAt: at }).onConflictDoNothing().run();
  return result.changes === 1;
}

/** Moves the supports of one idea to another; a person who supports both keeps one support. */
export function moveSupports(tx: Tx, { fromIdeaId, toIdeaId }: { fromIdeaId: number; toIdeaId: number }) {
  tx.run(
    // "where true" lets SQLite parse ON CONFLICT after a SELECT; the statement is also valid PostgreSQL.
    sql`insert into ${ideaSupports} (idea_id, user_id, created_at) select ${toIdeaId}, user_id, created_at from ${ideaSupports} where idea_id = ${fromIdeaId} and true on conflict do nothing`,
  );
  tx.delete(ideaSupports).where(eq(ideaSupports.ideaId, fromIdeaId)).run();
}

/** The ideas merged into this one, for traceability from the surviving idea. */
export function listMergedInto(tx: Tx, { ideaId }: { ideaId: number }): IdeaRow[] {
  return tx.select().from(ideas).where(eq(ideas.mergedIntoId, ideaId)).orderBy(asc(ideas.id)).all();
}

/** Whether an organisation has ever been sent this procedure (for procedures routed by address). */
export function agencyHasHandled(tx: Tx, { agencyId, procedureId }: { agencyId: string; procedureId: string }): boolean {
  return !!tx
    .select({ id: procedureRequests.id })
    .from(procedureRequests)
    .where(and(eq(procedureRequests.agencyId, agencyId), eq(procedureRequests.procedureId, procedureId)))
    .limit(1)
    .get();
}
