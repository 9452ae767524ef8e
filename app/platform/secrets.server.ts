// The keys that must live outside the database: the session/CSRF signing secret, the field-encryption
// keys and the audit log's key. From environment variables in production; in demo mode from a key file in the data folder,
// generated on the first start (app/cli/prepare.ts), so a copy of the database alone reveals nothing.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseAuditKey, parsePreviousAuditKeys, provideAuditKeyring } from "../../db/audit-seal";
import { defaultDatabasePath } from "../../db/client.server";
import { isProductionMode } from "./mode.server";

export type EncryptionKeyring = {
  /** The key id new values are encrypted with. */
  currentKeyId: string;
  /** Every key that may still decrypt a stored value, by key id; each 32 bytes (AES-256). */
  keys: Record<string, Buffer>;
};

export type Secrets = {
  sessionSecret: string;
  encryption: EncryptionKeyring;
  auditKey: Buffer;
  /** Retired audit keys, kept to verify the older part of the chain (MADOGUCHI_AUDIT_PREVIOUS_KEYS). */
  previousAuditKeys: Buffer[];
};

type KeyFile = { sessionSecret: string; encryptionKeys: { current: string; keys: Record<string, string> }; auditKey?: string; previousAuditKeys?: string[] };

const fromEnvironment = () => Boolean(process.env.MADOGUCHI_SESSION_SECRET && process.env.MADOGUCHI_ENCRYPTION_KEYS && process.env.MADOGUCHI_AUDIT_KEY);

export function dataDirectory(): string {
  return process.env.MADOGUCHI_DATA_DIR ?? path.dirname(defaultDatabasePath());
}

export const keyFilePath = () => path.join(dataDirectory(), "keys.json");

/**
 * Parses MADOGUCHI_ENCRYPTION_KEYS: comma-separated `<keyId>:<base64 32-byte key>`; the FIRST is the
 * current key, the others only decrypt (rotation: put the new key first, keep the old ones after it).
 */
export function parseEncryptionKeys(value: string): EncryptionKeyring {
  const entries = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(":");
      if (at <= 0) throw new Error("MADOGUCHI_ENCRYPTION_KEYS: each key is <keyId>:<base64 key>");
      const id = part.slice(0, at);
      const key = Buffer.from(part.slice(at + 1), "base64");
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`MADOGUCHI_ENCRYPTION_KEYS: bad key id ${id}`);
      if (key.length !== 32) throw new Error(`MADOGUCHI_ENCRYPTION_KEYS: key ${id} must be 32 bytes`);
      return [id, key] as const;
    });
  if (entries.length === 0) throw new Error("MADOGUCHI_ENCRYPTION_KEYS is empty");
  return { currentKeyId: entries[0][0], keys: Object.fromEntries(entries) };
}

function newKeyFile(): KeyFile {
  return {
    sessionSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: { current: "k1", keys: { k1: randomBytes(32).toString("base64") } },
    auditKey: randomBytes(32).toString("base64"),
  };
}

/**
 * Creates the demo key file when it is missing, or adds the audit key to one an older version made (never
 * in production mode). Returns whether it wrote the file.
 */
export function ensureDemoKeyFile(): boolean {
  if (isProductionMode()) return false;
  if (fromEnvironment()) return false;
  const file = keyFilePath();
  if (existsSync(file)) {
    const existing = readKeyFile()!;
    if (existing.auditKey) return false;
    writeFileSync(file, JSON.stringify({ ...existing, auditKey: randomBytes(32).toString("base64") }, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    return true;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(newKeyFile(), null, 2), { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return true;
}

function readKeyFile(): KeyFile | undefined {
  const file = keyFilePath();
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as KeyFile;
}

let cached: { signature: string; secrets: Secrets } | undefined;

/** The secrets of this process: environment variables first, then the key file (created in demo mode). */
export function getSecrets(): Secrets {
  const { MADOGUCHI_SESSION_SECRET: session, MADOGUCHI_ENCRYPTION_KEYS: encryptionKeys, MADOGUCHI_AUDIT_KEY: audit, MADOGUCHI_AUDIT_PREVIOUS_KEYS: previous } = process.env;
  // The key file's place matters only when the environment does not hold every key (asked for on every audit
  // entry and every sealed value, so not worked out when it is not needed).
  const signature = [session, encryptionKeys, audit, previous, session && encryptionKeys && audit ? "" : keyFilePath()].join("|");
  if (cached?.signature === signature) return cached.secrets;
  let file: KeyFile | undefined;
  if (!fromEnvironment()) {
    ensureDemoKeyFile();
    file = readKeyFile();
    if (!file) {
      throw new Error(
        "No keys: set MADOGUCHI_SESSION_SECRET, MADOGUCHI_ENCRYPTION_KEYS and MADOGUCHI_AUDIT_KEY, or provide keys.json in the data folder (production mode never generates keys).",
      );
    }
  }
  const sessionSecret = process.env.MADOGUCHI_SESSION_SECRET ?? file!.sessionSecret;
  if (sessionSecret.length < 32) throw new Error("MADOGUCHI_SESSION_SECRET must be at least 32 characters");
  const encryption = process.env.MADOGUCHI_ENCRYPTION_KEYS
    ? parseEncryptionKeys(process.env.MADOGUCHI_ENCRYPTION_KEYS)
    : parseEncryptionKeys(
        [file!.encryptionKeys.current, ...Object.keys(file!.encryptionKeys.keys).filter((k) => k !== file!.encryptionKeys.current)]
          .map((id) => `${id}:${file!.encryptionKeys.keys[id]}`)
          .join(","),
      );
  const auditKeyText = process.env.MADOGUCHI_AUDIT_KEY ?? file?.auditKey;
  if (!auditKeyText) throw new Error("No audit key: set MADOGUCHI_AUDIT_KEY (base64 of 32 random bytes: `openssl rand -base64 32`) or add auditKey to keys.json.");
  const previousAuditKeys = parsePreviousAuditKeys(process.env.MADOGUCHI_AUDIT_PREVIOUS_KEYS ?? file?.previousAuditKeys?.join(","));
  cached = { signature, secrets: { sessionSecret, encryption, auditKey: parseAuditKey(auditKeyText), previousAuditKeys } };
  return cached.secrets;
}

// Every process of the portal that loads its secrets chains the audit log with the same key.
provideAuditKeyring(() => {
  const { auditKey, previousAuditKeys } = getSecrets();
  return { current: auditKey, previous: previousAuditKeys };
});
