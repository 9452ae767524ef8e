// Passkeys (WebAuthn credentials) and the single-use challenges of their ceremonies.
import { and, eq, lt } from "drizzle-orm";
import type { Tx } from "../client.server";
import { authChallenges, passkeys } from "../schema";

export type Passkey = typeof passkeys.$inferSelect;

export function createPasskey(tx: Tx, values: typeof passkeys.$inferInsert): Passkey {
  return tx.insert(passkeys).values(values).returning().get();
}

export function getPasskey(tx: Tx, { credentialId }: { credentialId: string }): Passkey | undefined {
  return tx.select().from(passkeys).where(eq(passkeys.id, credentialId)).get();
}

export function listPasskeys(tx: Tx, { userId }: { userId: string }): Passkey[] {
  return tx.select().from(passkeys).where(eq(passkeys.userId, userId)).all();
}

export function updatePasskeyUse(tx: Tx, { credentialId, counter, at }: { credentialId: string; counter: number; at: string }) {
  tx.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, credentialId)).run();
}

export function deletePasskey(tx: Tx, { userId, credentialId }: { userId: string; credentialId: string }): number {
  return tx
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, credentialId)))
    .run().changes;
}

export function createAuthChallenge(tx: Tx, values: typeof authChallenges.$inferInsert) {
  tx.delete(authChallenges).where(lt(authChallenges.expiresAt, new Date().toISOString())).run();
  tx.insert(authChallenges).values(values).run();
}

/** Reads and deletes a challenge in one step, so it can be used once only. Undefined when unknown or expired. */
export function takeAuthChallenge(tx: Tx, { id, purpose, now }: { id: string; purpose: "passkey-registration" | "passkey-sign-in" | "totp-enrolment"; now: string }) {
  const row = tx
    .delete(authChallenges)
    .where(and(eq(authChallenges.id, id), eq(authChallenges.purpose, purpose)))
    .returning()
    .get();
  if (!row || row.expiresAt < now) return undefined;
  return row;
}

/** Removes every passkey of a user (an administrator reset their second factor). */
export function deletePasskeysOfUser(tx: Tx, { userId }: { userId: string }): number {
  return tx.delete(passkeys).where(eq(passkeys.userId, userId)).run().changes;
}
