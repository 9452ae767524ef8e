// `npm run audit:verify`: walks the whole hash-chained audit log and fails, naming the first broken entry,
// when an entry was changed or removed. Exit 0 with the count when the chain is intact.
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { verifyAuditChain } from "../../db/queries/audit";

const file = process.argv[2] ?? defaultDatabasePath();
const db = openDatabase(file);
try {
  const result = verifyAuditChain(db);
  if (result.ok) {
    console.log(`audit:verify: OK — ${result.entries} entries, chain intact`);
    process.exitCode = 0;
  } else {
    console.error(`audit:verify: BROKEN at entry id ${result.brokenAt} (${result.reason}) after checking ${result.entries} entries`);
    process.exitCode = 1;
  }
} finally {
  db.$client.close();
}
