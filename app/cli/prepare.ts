// `npm start`'s first step: build the portal when its sources are newer than the build, then create,
// migrate and seed the database, so that a fresh clone runs with two commands.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DatabaseNotWritableError, defaultDatabasePath, openDatabase, type Db } from "../../db/client.server";
import { isDemoMode, isProductionMode } from "../platform/mode.server";
import { ensureDemoKeyFile, getSecrets, keyFilePath } from "../platform/secrets.server";
import { addMissingDemoAccounts, seedAgencyEndpoints, seedDemoData } from "../demo/seed.server";
import { seedCounterSlots } from "../demo/counter-slots.server";
import { demoLeftovers } from "../demo/production-guard.server";
import { encryptPlainAgencySecrets } from "../delivery/endpoints.server";
import { sealStoredIdentityNumbers } from "../identity/security/identity-numbers.server";

const root = process.cwd();
const buildEntry = path.join(root, "build", "server", "index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.endsWith(".test.ts") || entry.name.endsWith(".test.tsx")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(buildEntry)) return true;
  const built = statSync(buildEntry).mtimeMs;
  const sources = ["app", "flows", "db", "public"].map((d) => newestMtime(path.join(root, d)));
  const files = ["package-lock.json", ".config/vite.config.ts"].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  return Math.max(...sources, ...files) > built;
}

if (process.env.SKIP_BUILD !== "1" && needsBuild()) {
  console.log("madoguchi: building the portal…");
  const result = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build", "--config", ".config/vite.config.ts"], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Keys live outside the database: generated into the data folder on the first demo start; in production
// they must be given (environment or an existing key file), and getSecrets() fails loudly if they are not.
if (ensureDemoKeyFile()) console.log(`madoguchi: wrote demo keys to ${path.relative(root, keyFilePath())}`);
try {
  getSecrets();
} catch (error) {
  console.error(`madoguchi: ${(error as Error).message}`);
  process.exit(1);
}

const file = defaultDatabasePath();
let db: Db;
try {
  db = openDatabase(file);
} catch (error) {
  // A database that cannot be written is refused here, before the portal says it is ready.
  if (!(error instanceof DatabaseNotWritableError)) throw error;
  console.error(`madoguchi: ${error.message}`);
  process.exit(1);
}
// Production never starts on what the demo left: its accounts' passwords and its agency secrets are public.
const leftovers = isProductionMode() ? demoLeftovers(db) : [];
if (leftovers.length > 0) {
  db.$client.close();
  console.error(`madoguchi: production mode does not start on ${path.relative(root, file) || file}:\n${leftovers.map((problem) => `  - ${problem}`).join("\n")}`);
  process.exit(1);
}
// Demo accounts have published passwords: production mode never seeds them.
const seeded = isDemoMode() ? await seedDemoData(db) : false;
const added = isDemoMode() && !seeded ? await addMissingDemoAccounts(db) : [];
if (added.length > 0) console.log(`madoguchi: added demo accounts ${added.join(", ")}`);
// Agency secrets written in plain text by an earlier version are encrypted before anything reads them.
const encryptedSecrets = encryptPlainAgencySecrets(db);
if (encryptedSecrets > 0) console.log(`madoguchi: encrypted ${encryptedSecrets} agency secrets stored in plain text`);
// So are identity numbers an earlier version kept in clear (journeys, cases, payloads, the record).
const sealedRows = db.transaction((tx) => sealStoredIdentityNumbers(tx), { behavior: "immediate" });
if (sealedRows > 0) console.log(`madoguchi: encrypted the identity numbers of ${sealedRows} rows stored in clear`);
// Outside production, http-channel agencies are played by the simulator that the server starts.
if (isDemoMode()) seedAgencyEndpoints(db);
// The demo municipalities offer counter visit slots for the next 60 days.
if (isDemoMode()) seedCounterSlots(db);
db.$client.close();
console.log(`madoguchi: database ready at ${path.relative(root, file) || file}${seeded ? " (demo data seeded)" : ""}${isDemoMode() ? " [demo mode]" : " [production mode]"}`);
