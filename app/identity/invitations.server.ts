// One-time invitation links for staff: a new account, or a second factor reset by an administrator. The
// invitee sets a password here and is then sent to the second-factor step, which enrols an authenticator
// app before anything else (the roles that need one); nothing else is reachable until both are done.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { getUserById, type User } from "../../db/queries/users";
import { invitations, users } from "../../db/schema";
import { hashPassword } from "./security/password.server";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 72 * 60 * 60_000;
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Writes a new invitation for `userId` (in the caller's transaction) and returns its token, which is
 * shown once and never stored. Earlier unused invitations of the account stop working, so only the
 * newest link can be used.
 */
export function createInvitation(tx: Tx, { userId, kind, createdBy, now = new Date() }: { userId: string; kind: "account" | "second-factor"; createdBy: string; now?: Date }) {
  const token = randomBytes(32).toString("base64url");
  tx.update(invitations).set({ usedAt: now.toISOString() }).where(and(eq(invitations.userId, userId), isNull(invitations.usedAt))).run();
  tx.insert(invitations)
    .values({
      id: randomUUID(),
      tokenHash: hashInvitationToken(token),
      userId,
      kind,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      createdBy,
      createdAt: now.toISOString(),
    })
    .run();
  return { token, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) };
}

export type InvitationCheck = { ok: true; user: User; kind: "account" | "second-factor" } | { ok: false; reason: "unknown" | "used" | "expired" | "deactivated" };

/** Whether a token is a live invitation: known, unused, unexpired, for an account that is not deactivated. */
export function checkInvitation(tx: Tx, { token, now = new Date() }: { token: string; now?: Date }): InvitationCheck {
  const row = tx.select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(token))).get();
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now.toISOString()) return { ok: false, reason: "expired" };
  const user = getUserById(tx, { userId: row.userId });
  if (!user) return { ok: false, reason: "unknown" };
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  return { ok: true, user, kind: row.kind };
}

/**
 * Uses an invitation: sets the password, clears any second factor (so the next step enrols a new one),
 * marks the link used, and audits it, in one transaction. Protects against a link used twice (the used
 * mark is set in a compare-and-set update) and against a reset leaving the old authenticator working.
 */
export async function acceptInvitation(db: Db, { token, password, now = new Date() }: { token: string; password: string; now?: Date }): Promise<InvitationCheck> {
  const passwordHash = await hashPassword(password);
  return db.transaction(
    (tx) => {
      const check = checkInvitation(tx, { token, now });
      if (!check.ok) return check;
      const used = tx
        .update(invitations)
        .set({ usedAt: now.toISOString() })
        .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), isNull(invitations.usedAt)))
        .returning()
        .all();
      if (used.length !== 1) return { ok: false as const, reason: "used" as const };
      tx.update(users).set({ passwordHash, totpSecret: null, totpLastStep: null }).where(eq(users.id, check.user.id)).run();
      appendAuditEntry(tx, { at: now, actor: check.user.id, action: "invitation.accepted", subjectType: "user", subjectId: check.user.id, details: { kind: check.kind } });
      return { ok: true as const, user: getUserById(tx, { userId: check.user.id })!, kind: check.kind };
    },
    { behavior: "immediate" },
  );
}
