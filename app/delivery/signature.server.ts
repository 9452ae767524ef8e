// Signs and verifies the messages between the portal and agency systems: deliveries, callbacks, and the
// simulator's side of both. One module, so both ends compute the signature the same way.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Madoguchi-Signature";
/** How far a signed timestamp may be from now, either way, before the message is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The hex HMAC-SHA256 of "<t>.<raw body>" under the secret. */
export function signatureOf({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/**
 * The header value `t=<unix seconds>,v1=<hex HMAC-SHA256>` for a raw body. During a secret's rotation the
 * body is signed with each secret in `alsoSignWith` too (one more v1 each), so a receiver that still holds
 * the old secret, or already holds the new one, accepts it.
 */
export function signBody({ secret, body, now = new Date(), alsoSignWith = [] }: { secret: string; body: string; now?: Date; alsoSignWith?: string[] }): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return [`t=${timestamp}`, ...[secret, ...alsoSignWith].map((key) => `v1=${signatureOf({ secret: key, timestamp, body })}`)].join(",");
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

/**
 * Verifies a signature header against the raw body. Protects against forged messages (HMAC under the
 * shared secret), tampered bodies (the body is signed byte for byte), replays of old messages (the signed
 * timestamp must be within the tolerance; callers also remember event ids and signatures), and timing
 * attacks on the comparison (constant-time compare of equal-length digests).
 */
export function verifySignature({
  secret,
  body,
  header,
  now = new Date(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: {
  secret: string;
  body: string;
  header: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parts = new Map<string, string[]>();
  for (const part of header.split(",")) {
    const index = part.indexOf("=");
    if (index <= 0) return { ok: false, reason: "malformed" };
    const key = part.slice(0, index).trim();
    parts.set(key, [...(parts.get(key) ?? []), part.slice(index + 1).trim()]);
  }
  const t = parts.get("t");
  const candidates = parts.get("v1") ?? [];
  if (!t || t.length !== 1 || !/^\d{1,12}$/.test(t[0]) || candidates.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t[0]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signatureOf({ secret, timestamp, body }), "hex");
  // Several v1 values allow a secret to be rotated: the sender signs with both during the change.
  const matches = candidates.some((candidate) => {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) return false;
    return timingSafeEqual(Buffer.from(candidate, "hex"), expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}

/** The demo secret of an agency: the seed and the simulator derive the same one without sharing a file. */
export function demoAgencySecret(agencyId: string, seed = process.env.AGENCY_SIMULATOR_SECRET ?? "madoguchi-demo-only"): string {
  return createHmac("sha256", seed).update(`agency:${agencyId}`).digest("hex");
}
