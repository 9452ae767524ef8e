// `npm run audit:verify [-- <database file>] [--anchor <anchor file>] [--reanchor]`: checks the audit log
// (app/admin/audit-verify.server.ts). Exit 0 with the count when all holds; 1 naming the first broken entry
// (changed, reordered, removed, cut off at the end) or a missing database or anchor.
import { defaultDatabasePath } from "../../db/client.server";
import { verifyAuditLogFile } from "../admin/audit-verify.server";
import { getSecrets } from "../platform/secrets.server";

const args = process.argv.slice(2);
const anchorAt = args.indexOf("--anchor");
const file = args.find((arg, i) => !arg.startsWith("--") && (anchorAt < 0 || i !== anchorAt + 1)) ?? defaultDatabasePath();
const result = verifyAuditLogFile({
  file,
  anchorFile: anchorAt >= 0 ? args[anchorAt + 1] : undefined,
  key: getSecrets().auditKey,
  previousKeys: getSecrets().previousAuditKeys,
  reanchor: args.includes("--reanchor"),
});
if (result.ok) console.log(result.message);
else console.error(result.message);
process.exitCode = result.ok ? 0 : 1;
