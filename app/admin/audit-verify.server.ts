// audit:verify's work (app/cli/audit-verify.ts is its command line): walks the whole audit log, checks
// each entry's HMAC under the audit key and its link to the one before, and checks the tail against the
// anchor kept outside the database. Never creates a file, except with reanchor: after a backup was
// restored, or the anchor lost, it checks the chain and anchors its present head (which blesses the
// present tail: find out first why the anchor did not match).
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { existsSync } from "node:fs";
import { auditAnchorPath, readAuditAnchor, writeAuditAnchor, type AuditAnchor } from "../../db/audit-seal";
import type { Db } from "../../db/client.server";
import { findAuditHead, verifyAuditChain, type AuditVerification } from "../../db/queries/audit";
import * as schema from "../../db/schema";

const reasons: Record<Exclude<AuditVerification, { ok: true }>["reason"], string> = {
  missing: "an entry was removed",
  link: "an entry does not follow the one before (removed or reordered)",
  hash: "an entry was changed, or the chain was made with another key",
  truncated: "entries were removed from the end of the log",
  unanchored: "the log has entries but no anchor",
  anchor: "the entry the anchor names was changed",
  rotation: "a key rotation entry does not hold (changed, or the key it hands over to is not among the audit keys)",
};

/**
 * Verifies the log of one database file; returns the exit code and the one line to print. `key` is the
 * current audit key, `previousKeys` the retired ones that made older parts of the chain.
 */
export function verifyAuditLogFile({
  file,
  anchorFile,
  key,
  previousKeys = [],
  reanchor = false,
}: {
  file: string;
  anchorFile?: string;
  key: Buffer;
  previousKeys?: Buffer[];
  reanchor?: boolean;
}): {
  ok: boolean;
  message: string;
} {
  const failed = (message: string) => ({ ok: false, message: `audit:verify: FAILED — ${message}` });
  if (!existsSync(file)) return failed(`there is no database at ${file}`);
  const anchorPath = anchorFile ?? auditAnchorPath(file);
  let anchor: AuditAnchor | null | undefined;
  try {
    anchor = reanchor ? undefined : readAuditAnchor(anchorPath, [key, ...previousKeys]);
  } catch (error) {
    return failed((error as Error).message);
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    const result = verifyAuditChain(db, { anchor, keys: [key, ...previousKeys] });
    if (!result.ok) {
      return {
        ok: false,
        message: `audit:verify: BROKEN at entry id ${result.brokenAt}: ${reasons[result.reason]} (${result.reason}), after checking ${result.entries} entries`,
      };
    }
    const head = findAuditHead(db);
    if (reanchor && head) writeAuditAnchor(anchorPath, head, key);
    // Entries after the anchored one: written since, or by a process stopped between its commit and the anchor.
    const lag = result.afterAnchor > 0 ? ` (${result.afterAnchor} after it, not yet anchored)` : "";
    const anchored = reanchor && head ? `, anchored anew at entry id ${head.id}` : anchor ? `, anchored at entry id ${anchor.id}${lag}` : "";
    return { ok: true, message: `audit:verify: OK — ${result.entries} entries, chain intact${anchored}` };
  } catch (error) {
    return failed(`${file} is not a Madoguchi database (${(error as Error).message})`);
  } finally {
    sqlite?.close();
  }
}
