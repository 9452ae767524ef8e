// `npm run admin -- <command>`: the operations console's actions for scripts (see app/admin/commands.server.ts
// and the README). Audited as cli:<operating-system user>.
import os from "node:os";
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { runAdminCommand } from "../admin/commands.server";
import { getSecrets } from "../platform/secrets.server";

// The keys first (the audit log is chained with one): a missing key stops here, saying which.
getSecrets();

const db = openDatabase(defaultDatabasePath());
try {
  process.exitCode = runAdminCommand(db, process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    actor: `cli:${os.userInfo().username}`,
    origin: process.env.MADOGUCHI_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`,
  });
} finally {
  db.$client.close();
}
