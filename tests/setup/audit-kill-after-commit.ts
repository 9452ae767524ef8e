// A process that commits audit entries and is killed at once, before the anchor is written (the anchor is
// written once the transaction is over, in a microtask: a synchronous SIGKILL right after the commit lands
// in the window between them). Used by tests/audit-verify.test.ts.
import { openDatabase } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";

const [file, count = "3"] = process.argv.slice(2);
const db = openDatabase(file);
db.transaction((tx) => {
  for (let i = 0; i < Number(count); i++) appendAuditEntry(tx, { actor: "system:test", action: "record.read", subjectType: "test", subjectId: `killed-${i}` });
});
process.kill(process.pid, "SIGKILL");
