// Time-based one-time passwords (RFC 6238) with @epic-web/totp: the second factor of officers,
// designers and administrators, optional for everyone else.
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import type { Tx } from "../../../db/client.server";
import { claimTotpStep, type User } from "../../../db/queries/users";
import { decryptField } from "./field-encryption.server";

export const TOTP_PERIOD = 30;
export const TOTP_ISSUER = "Madoguchi";
// Authenticator apps expect SHA-1 and 6 digits; anything else is silently mis-read by many of them.
const options = { period: TOTP_PERIOD, digits: 6, algorithm: "SHA-1" } as const;

/** The associated data the TOTP secret is encrypted with: a ciphertext copied to another user fails. */
export const totpSecretContext = (userId: string) => `user:${userId}:totpSecret`;

/** A fresh secret with its otpauth:// URI (for an authenticator app) to show during enrolment. */
export async function newTotpEnrolment(accountName: string): Promise<{ secret: string; uri: string }> {
  const { secret } = await generateTOTP(options);
  return { secret, uri: getTOTPAuthUri({ ...options, secret, accountName, issuer: TOTP_ISSUER }) };
}

/** Whether a code is right for a secret now (one period of clock drift either way). Returns the time step. */
export async function checkTotpCode(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const otp = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(otp)) return null;
  const result = await verifyTOTP({ ...options, otp, secret, window: 1 });
  if (!result) return null;
  return Math.floor(now / 1000 / TOTP_PERIOD) + result.delta;
}

/**
 * Verifies a user's TOTP code and records its time step. Protects against replay: a code (or an older
 * one) that was accepted once is refused, so a code seen over someone's shoulder is useless after use.
 */
export async function verifyUserTotp(tx: Tx, user: User, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = await checkTotpCode(decryptField(user.totpSecret, totpSecretContext(user.id)), code);
  if (step === null) return false;
  return claimTotpStep(tx, { userId: user.id, step });
}

/** The current code for a secret: for tests and the README's instructions, never shown in the portal. */
export async function currentTotpCode(secret: string): Promise<string> {
  return (await generateTOTP({ ...options, secret })).otp;
}
