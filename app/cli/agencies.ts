// `npm run agencies`: the agency simulator on its own, playing every http-channel agency (see --help).
import { existsSync } from "node:fs";
import { defaultDatabasePath, openDatabase } from "../../db/client.server";
import { startAgencySimulator } from "../demo/simulator/agency-simulator.server";
import { portalAgencySecrets } from "../demo/simulator/portal-secrets.server";
import { simulatorOptions, simulatorUsage } from "../demo/simulator/config.server";

if (process.argv.includes("--help")) {
  console.log(simulatorUsage);
  process.exit(0);
}

let options;
try {
  options = simulatorOptions(process.env, process.argv.slice(2));
} catch (error) {
  console.error(`agencies: ${(error as Error).message}\n${simulatorUsage}`);
  process.exit(2);
}
// On the portal's machine, the simulated agencies read their secrets from its database (so they follow a
// rotation in the console); elsewhere they use the demo's derived secrets.
const databaseFile = defaultDatabasePath();
const secretsFor = existsSync(databaseFile) ? portalAgencySecrets(openDatabase(databaseFile)) : undefined;
const simulator = await startAgencySimulator({ ...options, secretsFor });
console.log(`agencies: simulating http-channel agencies at ${simulator.url} (deliveries: POST /agencies/:agencyId/deliveries, GET /stats, /admin/faults)`);
console.log(`agencies: decisions go to ${options.portalUrl}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
