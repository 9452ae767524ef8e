// Encryption at rest for the most sensitive items (Individual Number / My Number, bank account numbers,
// TOTP secrets): AES-256-GCM under keys kept outside the database, with the key id beside each value.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { getSecrets, type EncryptionKeyring } from "../../platform/secrets.server";

const PREFIX = "v1";

/**
 * Encrypts one value as `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts) with the current key.
 * Protects against a leaked database file or backup revealing the value; the GCM tag detects tampering.
 * `context` (e.g. "person:p-tanaka-ichiro:myNumber") is bound as associated data, so a ciphertext copied
 * to another row or field does not decrypt.
 */
export function encryptField(plaintext: string, context = "", keyring: EncryptionKeyring = getSecrets().encryption, iv: Buffer = randomBytes(12)): string {
  const keyId = keyring.currentKeyId;
  const cipher = createCipheriv("aes-256-gcm", keyring.keys[keyId], iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [PREFIX, keyId, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/**
 * The same, with the nonce derived from the key, the context and the value (an HMAC), as in SIV modes: one
 * value in one context always gives one ciphertext, so "is it the same number as before?" needs no
 * decryption, and a nonce is never reused for two different values. It reveals only that two stored values
 * in the same context are equal.
 */
export function encryptFieldDeterministic(plaintext: string, context: string, keyring: EncryptionKeyring = getSecrets().encryption): string {
  // A key of its own for the nonces, derived from the encryption key (one key, one use).
  const nonceKey = createHmac("sha256", keyring.keys[keyring.currentKeyId]).update("madoguchi field nonce key").digest();
  const iv = createHmac("sha256", nonceKey).update(`${context}\u0000${plaintext}`).digest().subarray(0, 12);
  return encryptField(plaintext, context, keyring, iv);
}

/** Decrypts a value made by encryptField with whichever known key made it; throws when it was altered. */
export function decryptField(stored: string, context = "", keyring: EncryptionKeyring = getSecrets().encryption): string {
  const parts = stored.split(":");
  if (parts.length !== 5 || parts[0] !== PREFIX) throw new Error("Not an encrypted field");
  const [, keyId, iv, tag, ciphertext] = parts;
  const key = keyring.keys[keyId];
  if (!key) throw new Error(`Unknown encryption key id: ${keyId}`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value was encrypted with a key other than the current one (and should be re-encrypted). */
export function needsReencryption(stored: string, keyring: EncryptionKeyring = getSecrets().encryption): boolean {
  return stored.split(":")[1] !== keyring.currentKeyId;
}

export const isEncryptedField = (value: string) => value.startsWith(`${PREFIX}:`) && value.split(":").length === 5;
