// The audit log's seal: the key its chain is made with (an HMAC, so nobody without the key can recompute
// the chain after an edit) and the anchor, a signed note of the chain's head kept OUTSIDE the database
// (so deleting entries at the end, or all of them, is detected). The key never lives in the database.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The key new entries are chained with, and the retired keys that made older parts of the chain (kept only
 * to verify them; see "Rotating the audit key" in the README).
 */
export type AuditKeyring = { current: Buffer; previous: Buffer[] };

let provider: (() => AuditKeyring) | undefined;

/**
 * Where the keys come from: the portal's secrets (environment or key file, app/platform/secrets.server.ts)
 * register themselves here; without them, MADOGUCHI_AUDIT_KEY (base64, at least 32 bytes) and
 * MADOGUCHI_AUDIT_PREVIOUS_KEYS (comma-separated, the retired ones) are read.
 */
export function provideAuditKeyring(get: () => AuditKeyring) {
  provider = get;
}

/** Parses MADOGUCHI_AUDIT_KEY: base64 of at least 32 random bytes. */
export function parseAuditKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length < 32) throw new Error("MADOGUCHI_AUDIT_KEY must be at least 32 bytes, base64 (e.g. `openssl rand -base64 32`)");
  return key;
}

/** Parses MADOGUCHI_AUDIT_PREVIOUS_KEYS: comma-separated base64 keys, each at least 32 bytes. */
export function parsePreviousAuditKeys(value: string | undefined): Buffer[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseAuditKey);
}

/** Every audit key this process knows; fails, saying what to do, when there is none. */
export function auditKeyring(): AuditKeyring {
  if (provider) return provider();
  if (process.env.MADOGUCHI_AUDIT_KEY) return { current: parseAuditKey(process.env.MADOGUCHI_AUDIT_KEY), previous: parsePreviousAuditKeys(process.env.MADOGUCHI_AUDIT_PREVIOUS_KEYS) };
  throw new Error("The audit log has no key: set MADOGUCHI_AUDIT_KEY (base64, 32 bytes: `openssl rand -base64 32`) or put auditKey in keys.json.");
}

/** The key the audit chain and its anchor are made with now. */
export function auditKey(): Buffer {
  return auditKeyring().current;
}

/** A key's public name in the log (a rotation entry says from which key to which): a hash, revealing nothing of it. */
export function auditKeyId(key: Buffer): string {
  return createHash("sha256").update("madoguchi audit key id").update(key).digest("hex").slice(0, 16);
}

/** The HMAC-SHA-256 of a text under the audit key, hex. */
export function auditMac(text: string, key: Buffer = auditKey()): string {
  return createHmac("sha256", key).update(text).digest("hex");
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The head of the chain as the anchor records it: the last entry's id and hash, and the anchor's own MAC. */
export type AuditAnchor = { version: 1; id: number; hash: string; at: string; mac: string };

const anchorText = (a: Pick<AuditAnchor, "id" | "hash" | "at">) => `madoguchi-audit-anchor|1|${a.id}|${a.hash}|${a.at}`;

/**
 * The anchor file of a database file: beside it (`<file>.audit-anchor.json`), or, with
 * MADOGUCHI_AUDIT_ANCHOR_DIR, in that folder (another disk, a mounted append-only or remote store), so a
 * person who can replace the database file cannot also put back an older anchor.
 */
export function auditAnchorPath(databaseFile: string): string {
  const dir = process.env.MADOGUCHI_AUDIT_ANCHOR_DIR;
  return dir ? path.join(dir, `${path.basename(databaseFile)}.audit-anchor.json`) : `${databaseFile}.audit-anchor.json`;
}

/** Writes the anchor atomically (a new file renamed over the old one), readable by the owner only. */
export function writeAuditAnchor(file: string, head: { id: number; hash: string }, key: Buffer = auditKey()) {
  const at = new Date().toISOString();
  const anchor: AuditAnchor = { version: 1, id: head.id, hash: head.hash, at, mac: auditMac(anchorText({ ...head, at }), key) };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/**
 * Reads an anchor: null when there is none; throws when it is unreadable or its MAC holds under none of
 * `keys` (the current key, or a retired one: an anchor written before a rotation).
 */
export function readAuditAnchor(file: string, keys: Buffer | Buffer[] = auditKey()): AuditAnchor | null {
  if (!existsSync(file)) return null;
  let anchor: AuditAnchor;
  try {
    anchor = JSON.parse(readFileSync(file, "utf8")) as AuditAnchor;
  } catch {
    throw new Error(`the anchor ${file} is not readable`);
  }
  if (anchor?.version !== 1 || !Number.isInteger(anchor.id) || typeof anchor.hash !== "string" || typeof anchor.mac !== "string") {
    throw new Error(`the anchor ${file} is not an audit anchor`);
  }
  const candidates = Array.isArray(keys) ? keys : [keys];
  if (!candidates.some((key) => sameMac(auditMac(anchorText(anchor), key), anchor.mac))) throw new Error(`the anchor ${file} was not made with this audit key`);
  return anchor;
}
