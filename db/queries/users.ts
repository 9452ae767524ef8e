// Accounts and who they may act for: small verb-noun queries for the identity code in app/.
import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../client.server";
import { preparedOnce } from "../prepared";
import { authorisations, users } from "../schema";

export type User = typeof users.$inferSelect;
export type Authorisation = typeof authorisations.$inferSelect;

// Every signed-in request reads its user and whom they may act for: these are built once (db/prepared.ts).
export function getUserById(tx: Tx, { userId }: { userId: string }): User | undefined {
  return preparedOnce(tx, getUserById, () => tx.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare()).get({ id: userId });
}

export function getUserByLoginId(tx: Tx, { loginId }: { loginId: string }): User | undefined {
  return tx.select().from(users).where(eq(users.loginId, loginId)).get();
}

export function createUser(tx: Tx, values: typeof users.$inferInsert): User {
  return tx.insert(users).values(values).returning().get();
}

export function setUserTotp(tx: Tx, { userId, totpSecret }: { userId: string; totpSecret: string | null }) {
  tx.update(users).set({ totpSecret, totpLastStep: null }).where(eq(users.id, userId)).run();
}

/** Records the TOTP time step just used; returns false when it (or a later one) was used before (a replay). */
export function claimTotpStep(tx: Tx, { userId, step }: { userId: string; step: number }): boolean {
  const user = getUserById(tx, { userId });
  if (!user || (user.totpLastStep !== null && step <= user.totpLastStep)) return false;
  tx.update(users).set({ totpLastStep: step }).where(eq(users.id, userId)).run();
  return true;
}

export function listAuthorisations(tx: Tx, { userId }: { userId: string }): Authorisation[] {
  return preparedOnce(tx, listAuthorisations, () =>
    tx.select().from(authorisations).where(eq(authorisations.userId, sql.placeholder("userId"))).orderBy(asc(authorisations.id)).prepare(),
  ).all({ userId });
}

export function findAuthorisation(tx: Tx, { userId, subjectId }: { userId: string; subjectId: string }): Authorisation | undefined {
  return preparedOnce(tx, findAuthorisation, () =>
    tx
      .select()
      .from(authorisations)
      .where(and(eq(authorisations.userId, sql.placeholder("userId")), eq(authorisations.subjectId, sql.placeholder("subjectId"))))
      .prepare(),
  ).get({ userId, subjectId });
}

export function createAuthorisation(tx: Tx, values: typeof authorisations.$inferInsert): Authorisation {
  return tx.insert(authorisations).values(values).returning().get();
}

/** Staff accounts (everyone but citizens and representatives), by login id. */
export function listStaffUsers(tx: Tx): User[] {
  return tx
    .select()
    .from(users)
    .where(notInArray(users.role, ["citizen", "representative"]))
    .orderBy(asc(users.loginId))
    .all();
}

export function updateUser(tx: Tx, { userId, changes }: { userId: string; changes: Partial<Omit<typeof users.$inferInsert, "id">> }) {
  tx.update(users).set(changes).where(eq(users.id, userId)).run();
}

/** Administrators who can still sign in (not deactivated). */
export function countActiveAdministrators(tx: Tx): number {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "administrator"), isNull(users.deactivatedAt)))
    .all().length;
}

/** The agencies that have at least one officer account. */
export function listAgenciesWithOfficers(tx: Tx): string[] {
  const rows = tx.select({ agencyId: users.agencyId }).from(users).where(eq(users.role, "officer")).all();
  return [...new Set(rows.flatMap((row) => (row.agencyId ? [row.agencyId] : [])))];
}
