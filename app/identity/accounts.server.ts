// Accounts made by an operator, not by the demo seed: how production gets its first administrator (there
// is no sign-up for staff). The password is random, shown once to the operator, and stored only as a hash.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { createUser, getUserByLoginId } from "../../db/queries/users";
import type { Role } from "../../db/schema";
import { hashPasswordSync } from "./security/password.server";

export class AccountRefusedError extends Error {
  constructor(readonly refusal: "loginIdTaken" | "loginIdInvalid" | "nameMissing") {
    super(refusal);
    this.name = "AccountRefusedError";
  }
}

/** A password of 24 characters (144 random bits, base64url). */
const newPassword = () => randomBytes(18).toString("base64url");

/**
 * Creates a staff account with a random password and returns it (the only time it exists in clear). A role
 * that needs a second factor enrols its authenticator app at its first sign-in.
 */
export function createStaffAccount(db: Db, { loginId, displayName, role, actor }: { loginId: string; displayName: string; role: Extract<Role, "administrator" | "designer" | "evaluator">; actor: string }) {
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(loginId)) throw new AccountRefusedError("loginIdInvalid");
  if (!displayName.trim()) throw new AccountRefusedError("nameMissing");
  const password = newPassword();
  const passwordHash = hashPasswordSync(password);
  const user = db.transaction(
    (tx) => {
      if (getUserByLoginId(tx, { loginId })) throw new AccountRefusedError("loginIdTaken");
      const created = createUser(tx, { id: `u-${randomUUID()}`, loginId, displayName: displayName.trim(), role, passwordHash, createdAt: new Date().toISOString() });
      appendAuditEntry(tx, { actor, action: "account.created", subjectType: "user", subjectId: created.id, details: { role } });
      return created;
    },
    { behavior: "immediate" },
  );
  return { userId: user.id, password };
}
