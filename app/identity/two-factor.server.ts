// Enrolling a TOTP authenticator: a new secret is held (encrypted, single use, 10 minutes) until the
// person proves their app produces its codes, and only then becomes the account's second factor.
import { randomBytes } from "node:crypto";
import type { Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { createAuthChallenge, takeAuthChallenge } from "../../db/queries/passkeys";
import { setUserTotp, claimTotpStep, type User } from "../../db/queries/users";
import { decryptField, encryptField } from "./security/field-encryption.server";
import { checkTotpCode, newTotpEnrolment, totpSecretContext } from "./security/totp.server";

const ENROLMENT_MS = 10 * 60_000;
const enrolmentContext = (id: string, userId: string) => `totp-enrolment:${id}:${userId}`;

export async function startTotpEnrolment(tx: Tx, user: User) {
  const { secret, uri } = await newTotpEnrolment(user.loginId);
  const enrolmentId = randomBytes(18).toString("base64url");
  createAuthChallenge(tx, {
    id: enrolmentId,
    purpose: "totp-enrolment",
    challenge: encryptField(secret, enrolmentContext(enrolmentId, user.id)),
    userId: user.id,
    expiresAt: new Date(Date.now() + ENROLMENT_MS).toISOString(),
  });
  return { enrolmentId, secret, uri };
}

/** Saves the pending secret as the user's second factor if `code` is right for it. One attempt per secret. */
export async function finishTotpEnrolment(tx: Tx, user: User, { enrolmentId, code }: { enrolmentId: string; code: string }) {
  const pending = takeAuthChallenge(tx, { id: enrolmentId, purpose: "totp-enrolment", now: new Date().toISOString() });
  if (!pending || pending.userId !== user.id) return false;
  const secret = decryptField(pending.challenge, enrolmentContext(enrolmentId, user.id));
  const step = await checkTotpCode(secret, code);
  if (step === null) return false;
  setUserTotp(tx, { userId: user.id, totpSecret: encryptField(secret, totpSecretContext(user.id)) });
  claimTotpStep(tx, { userId: user.id, step });
  appendAuditEntry(tx, { actor: user.id, action: "account.totp-enrolled", subjectType: "user", subjectId: user.id });
  return true;
}
