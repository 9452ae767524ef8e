// `npm run flows:new -- <id>`: scaffold a life event (definition, samples, README, test, ja/en texts) that passes
// `flows:check` and its own test at once, and publish it in flows/catalogue.ts.
import { scaffoldLifeEvent } from "../design/flows-new.server";

const id = process.argv[2];
if (!id || id.startsWith("-")) {
  console.log("usage: npm run flows:new -- <life event id>   (lower-case words joined by hyphens, e.g. birth)");
  process.exitCode = 1;
} else {
  const result = scaffoldLifeEvent({ id, root: process.cwd() });
  if (!result.ok) {
    console.log(`✗ ${result.problem}`);
    process.exitCode = 1;
  } else {
    for (const file of result.written) console.log(`wrote ${file}`);
    for (const file of result.changed) console.log(`changed ${file}`);
    console.log(`next: npm run flows:check, then npx vitest run --config .config/vitest.config.ts flows/${id}`);
  }
}
