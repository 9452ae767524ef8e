// `npm run demo:history`: adds two fiscal years of past cases (20,000 by default, seeded, with the March–April
// peak of moves) to the demo database, so the evaluation dashboard and yearly report have something to show.
// Running it again replaces what it made. Refused in production mode.
//
// Usage: npm run demo:history -- [--cases 20000] [--seed 2026] [--fiscal-years 2025,2026] [--remove]
//   DATABASE_PATH selects the database (default data/madoguchi.db).
import { parseArgs } from "node:util";
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { generateHistory, removeHistory } from "../demo/history.server";
import { isProductionMode } from "../platform/mode.server";
import { getSecrets } from "../platform/secrets.server";

const { values } = parseArgs({
  options: { cases: { type: "string" }, seed: { type: "string" }, "fiscal-years": { type: "string" }, remove: { type: "boolean" } },
});
if (isProductionMode()) {
  console.error("demo:history writes made-up cases: it does not run in production mode.");
  process.exit(1);
}
getSecrets();
const db = openDatabase(defaultDatabasePath());
try {
  if (values.remove) {
    removeHistory(db);
    console.log("Demo history removed.");
  } else {
    const started = Date.now();
    const result = generateHistory(db, {
      cases: values.cases ? Number(values.cases) : undefined,
      seed: values.seed ? Number(values.seed) : undefined,
      fiscalYears: values["fiscal-years"] ? values["fiscal-years"].split(",").map(Number) : undefined,
    });
    console.log(
      `Demo history: ${result.cases} cases, ${result.requests} procedure requests, ${result.journeys} journeys, counter volumes for ${result.counterVolumes} organisation-procedure-months, ${result.from} to ${result.to} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  }
} finally {
  db.$client.close();
}
