// `npm run flows:simulate -- <life event> (<sample> | --scenario <id or name>) [--json]`: what the designers'
// simulation page shows, in a terminal: page by page what is asked (and why) and prefilled, the procedures selected
// and the rule's reading behind each, each organisation's exact payload checked against its schema, deadlines and
// the effort figure. A saved scenario is read from the portal's database (DATABASE_PATH, or data/madoguchi.db).
import { existsSync } from "node:fs";
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { runSimulateCommand } from "../design/simulate-command.server";

process.exitCode = runSimulateCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  openDb: () => {
    const file = defaultDatabasePath();
    // Reading scenarios must not create an empty database where the portal keeps none.
    if (!existsSync(file)) {
      console.error(`no database at ${file}: start the portal once, or set DATABASE_PATH to its database`);
      process.exit(1);
    }
    return openDatabase(file);
  },
});
