// `npm run worker`: the dispatcher alone, for deployments that deliver outside the web server
// (start the server with DISPATCHER=off). Several workers may share a database: leases keep them apart.
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { Dispatcher } from "../delivery/dispatcher.server";
import { getSecrets } from "../platform/secrets.server";
import { isProductionMode } from "../platform/mode.server";
import { assertNoDemoLeftovers } from "../demo/production-guard.server";

// The keys first (the audit log is chained with one): a missing key stops here, saying which.
getSecrets();

const db = openDatabase(defaultDatabasePath(), { backgroundCheckpoints: true });
if (isProductionMode()) assertNoDemoLeftovers(db);
const dispatcher = new Dispatcher({ db });
dispatcher.start();
console.log(`worker: dispatching as ${dispatcher.owner}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void dispatcher.stop().then(() => {
      db.$client.close();
      process.exit(0);
    });
  });
}
