// What `npm run flows:check` does, as a function: read the locale files, run the flows' checks, and say
// what is wrong in one line per problem (or describe the flows as JSON), returning the exit code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkLifeEvents, describeLifeEvents, type Locales } from "../../flows";

/** Every namespace file of ja and en in a locales folder (public/locales by default). */
export function readLocales(dir: string): Locales {
  const read = (lang: "ja" | "en") =>
    Object.fromEntries(
      readdirSync(path.join(dir, lang))
        .filter((file) => file.endsWith(".json"))
        .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, lang, file), "utf8")) as object]),
    );
  return { ja: read("ja"), en: read("en") };
}

export function runFlowsCheck({ json = false, localesDir, print }: { json?: boolean; localesDir: string; print: (line: string) => void }): number {
  if (json) {
    print(JSON.stringify(describeLifeEvents()));
    return 0;
  }
  let locales: Locales;
  try {
    locales = readLocales(localesDir);
  } catch (error) {
    print(`✗ cannot read the translations in ${localesDir}: ${(error as Error).message}`);
    return 1;
  }
  const problems = checkLifeEvents({ locales });
  for (const problem of problems) print(`✗ ${problem.lifeEventId}: ${problem.message}`);
  if (problems.length) {
    print(`flows:check: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  const { lifeEvents } = describeLifeEvents();
  // Each procedure's form: its source, and every item with what fills it or why it is not needed.
  for (const event of lifeEvents) {
    for (const procedure of event.procedures) {
      const form = procedure.form!;
      const filled = form.items.filter((item) => item.dataItem !== null).length;
      print(`${event.id} v${event.version} ${procedure.id}: ${form.name} — ${filled}/${form.items.length} items filled, ${form.items.length - filled} not needed (${form.source}; ${form.date})`);
      for (const item of form.items) print(`    ${item.item}: ${item.dataItem ?? `not needed — ${item.notNeededBecause}`}`);
    }
  }
  print(`flows:check: ok (${lifeEvents.map((event) => `${event.id} v${event.version}`).join(", ")})`);
  return 0;
}
