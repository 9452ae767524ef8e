// `npm run flows:check`: the checks a service designer runs before publishing (translations, reachable
// questions, payloads that pass their schemas, prerequisites without cycles). `--json` describes the flows.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkLifeEvents, describeLifeEvents, type Locales } from "../../flows";

const localesDir = path.resolve(process.cwd(), "public", "locales");

/** Every namespace file of every language in public/locales. */
export function readLocales(dir: string = localesDir): Locales {
  const read = (lang: "ja" | "en") =>
    Object.fromEntries(
      readdirSync(path.join(dir, lang))
        .filter((file) => file.endsWith(".json"))
        .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, lang, file), "utf8")) as object]),
    );
  return { ja: read("ja"), en: read("en") };
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(describeLifeEvents()));
} else {
  const problems = checkLifeEvents({ locales: readLocales() });
  for (const problem of problems) console.log(`✗ ${problem.lifeEventId}: ${problem.message}`);
  if (problems.length) {
    console.log(`flows:check: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    process.exitCode = 1;
  } else {
    const { lifeEvents } = describeLifeEvents();
    console.log(`flows:check: ok (${lifeEvents.map((event) => `${event.id} v${event.version}`).join(", ")})`);
  }
}
