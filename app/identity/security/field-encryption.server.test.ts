import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEncryptionKeys } from "../../platform/secrets.server";
import { decryptField, encryptField, isEncryptedField, needsReencryption } from "./field-encryption.server";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

describe("field encryption (AES-256-GCM)", () => {
  it("round-trips a My Number, in the v1:<keyId>:<iv>:<tag>:<ciphertext> format", () => {
    const keyring = parseEncryptionKeys(`k1:${k1}`);
    const stored = encryptField("123456789012", "person:p-tanaka-ichiro:myNumber", keyring);
    expect(stored).toMatch(/^v1:k1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain("123456789012");
    expect(isEncryptedField(stored)).toBe(true);
    expect(decryptField(stored, "person:p-tanaka-ichiro:myNumber", keyring)).toBe("123456789012");
  });

  it("uses a fresh IV each time", () => {
    const keyring = parseEncryptionKeys(`k1:${k1}`);
    expect(encryptField("same", "", keyring)).not.toBe(encryptField("same", "", keyring));
  });

  it("rotates keys: encrypts with the first key, decrypts with any known key", () => {
    const old = encryptField("0001234567", "bank", parseEncryptionKeys(`k1:${k1}`));
    const rotated = parseEncryptionKeys(`k2:${k2},k1:${k1}`);
    expect(decryptField(old, "bank", rotated)).toBe("0001234567");
    expect(needsReencryption(old, rotated)).toBe(true);
    const fresh = encryptField("0001234567", "bank", rotated);
    expect(fresh.split(":")[1]).toBe("k2");
    expect(needsReencryption(fresh, rotated)).toBe(false);
  });

  it("refuses a tampered value, a value moved to another field, and an unknown key", () => {
    const keyring = parseEncryptionKeys(`k1:${k1}`);
    const stored = encryptField("123456789012", "person:p-a:myNumber", keyring);
    const parts = stored.split(":");
    const flipped = Buffer.from(parts[4], "base64url");
    flipped[0] ^= 1;
    parts[4] = flipped.toString("base64url");
    expect(() => decryptField(parts.join(":"), "person:p-a:myNumber", keyring)).toThrow();
    expect(() => decryptField(stored, "person:p-b:myNumber", keyring)).toThrow();
    expect(() => decryptField(stored, "person:p-a:myNumber", parseEncryptionKeys(`k9:${k2}`))).toThrow(/Unknown encryption key id/);
  });

  it("rejects malformed key configuration", () => {
    expect(() => parseEncryptionKeys("k1:short")).toThrow(/32 bytes/);
    expect(() => parseEncryptionKeys("")).toThrow();
  });
});
