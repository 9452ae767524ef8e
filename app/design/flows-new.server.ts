// What `npm run flows:new -- <id>` does, as a function: write a new life event's folder (definition, samples,
// README, test) and its ja/en texts, and publish it in flows/catalogue.ts and the journey namespaces, so that
// `flows:check` and the new test pass at once and the designer starts from something that works.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A life event's id is its URL slug, its folder and its i18n namespace: lower-case words joined by hyphens. */
const idPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export type ScaffoldResult = { ok: true; written: string[]; changed: string[] } | { ok: false; problem: string };

function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Writes the life event `id` under `root` (the repository: flows/, public/locales/, app/journeys/). */
export function scaffoldLifeEvent({ id, root }: { id: string; root: string }): ScaffoldResult {
  if (!idPattern.test(id)) return { ok: false, problem: `"${id}" is not a life event id: use lower-case words joined by hyphens (e.g. birth, child-birth)` };
  const folder = path.join(root, "flows", id);
  if (existsSync(folder)) return { ok: false, problem: `flows/${id} already exists` };
  const catalogueFile = path.join(root, "flows", "catalogue.ts");
  const catalogue = readFileSync(catalogueFile, "utf8");
  const name = camelCase(id);
  const opening = "const published: Record<string, LifeEvent[]> = {\n";
  if (!catalogue.includes(opening)) return { ok: false, problem: "flows/catalogue.ts has no `published` list to add the life event to" };
  if (new RegExp(`^\\s*"?${id}"?:`, "m").test(catalogue.slice(catalogue.indexOf(opening)))) {
    return { ok: false, problem: `${id} is already published in flows/catalogue.ts` };
  }
  const localeFiles = (["ja", "en"] as const).map((lang) => path.join(root, "public", "locales", lang, `${id}.json`));
  const existing = localeFiles.find((file) => existsSync(file));
  if (existing) return { ok: false, problem: `${path.relative(root, existing)} already exists` };

  const files: [string, string][] = [
    [path.join(folder, "definition.ts"), definition(id, name)],
    [path.join(folder, "samples.ts"), samples(id, name)],
    [path.join(folder, "machine.test.ts"), test(id, name)],
    [path.join(folder, "README.md"), readme(id)],
    [localeFiles[0], `${JSON.stringify(texts(id).ja, null, 2)}\n`],
    [localeFiles[1], `${JSON.stringify(texts(id).en, null, 2)}\n`],
  ];
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of files) writeFileSync(file, content);

  // Publish it: the catalogue's list of versions, and the namespaces the journey pages load.
  const lastImport = catalogue.lastIndexOf("\nimport ");
  const afterImports = catalogue.indexOf("\n", lastImport + 1) + 1;
  let updated = `${catalogue.slice(0, afterImports)}import { ${name}Versions } from "./${id}/definition";\n${catalogue.slice(afterImports)}`;
  const listEnd = updated.indexOf("\n};", updated.indexOf(opening));
  updated = `${updated.slice(0, listEnd)}\n  ${/-/.test(id) ? `"${id}"` : id}: ${name}Versions,${updated.slice(listEnd)}`;
  writeFileSync(catalogueFile, updated);
  const changed = [catalogueFile];
  const namespacesFile = path.join(root, "app", "journeys", "namespaces.ts");
  if (existsSync(namespacesFile)) {
    const namespaces = readFileSync(namespacesFile, "utf8");
    const withId = namespaces.replace(/journeyNamespaces = \[([^\]]*)\]/, (_, list: string) => `journeyNamespaces = [${list}, "${id}"]`);
    if (withId !== namespaces) {
      writeFileSync(namespacesFile, withId);
      changed.push(namespacesFile);
    }
  }
  // The words the list of life events and its start page show (common:lifeEvents.<id>, journey:start.<id>), so no
  // raw key appears on any page: added at the start of each block, keeping each file's own layout.
  for (const lang of ["ja", "en"] as const) {
    for (const [namespace, block, entry] of [
      ["common", "lifeEvents", { title: texts(id).title[lang], summary: texts(id).description[lang] }],
      ["journey", "start", startTexts[lang]],
    ] as const) {
      const file = path.join(root, "public", "locales", lang, `${namespace}.json`);
      if (!existsSync(file)) continue;
      const content = readFileSync(file, "utf8");
      const opening = `\n  "${block}": {\n`;
      const at = content.indexOf(opening);
      if (at === -1 || (JSON.parse(content) as Record<string, Record<string, unknown>>)[block]?.[id]) continue;
      const line = `    ${JSON.stringify(id)}: ${JSON.stringify(entry).replace(/","/g, '", "').replace(/":"/g, '": "').replace(/^\{/, "{ ").replace(/\}$/, " }")},\n`;
      writeFileSync(file, content.slice(0, at + opening.length) + line + content.slice(at + opening.length));
      changed.push(file);
    }
  }
  return { ok: true, written: files.map(([file]) => path.relative(root, file)), changed: changed.map((file) => path.relative(root, file)) };
}

const startTexts = {
  ja: { need: "必要なものを書いてください。", time: "約5分。回答はページごとに保存されるので、途中でやめて後から続けられます。" },
  en: { need: "Say what the person needs to hand.", time: "About 5 minutes. Your answers are saved after every page, so you can stop and come back later." },
};

function definition(id: string, name: string): string {
  return `// ${id}: a new life event, scaffolded by \`npm run flows:new\`. Replace the example question, rule and
// procedure with the service's own (see flows/README.md), keeping flows:check and machine.test.ts green.
import { defineLifeEvent } from "../lib/life-event";
import { questionsFor, type AnswersOf } from "../lib/questions";
import type { FlowContext } from "../lib/types";
import * as catalogue from "../procedures";
import { ${name}Samples } from "./samples";

const q = questionsFor("${id}");

const questions = [
  q.date("eventDate", { hint: true, example: "2026-04-01" }),
  q.yesNo("closesWater", { hint: true }),
] as const;

export type ${name[0].toUpperCase()}${name.slice(1)}Answers = AnswersOf<typeof questions>;
type Context = FlowContext<${name[0].toUpperCase()}${name.slice(1)}Answers>;

export const closesWater = ({ answers }: Context) => answers.closesWater === true;

export const ${name} = defineLifeEvent({
  id: "${id}",
  version: 1,
  title: ${JSON.stringify(texts(id).title)},
  description: ${JSON.stringify(texts(id).description)},
  questions,
  askWhen: {},
  provides: {
    name: ({ record }) => record["name.kanji"],
    phone: ({ record }) => record.phone,
    currentAddress: ({ record }) => record.address,
    moveDate: ({ answers }) => answers.eventDate,
  },
  procedures: [{ procedure: catalogue.waterStop, when: closesWater }],
  samples: ${name}Samples,
});

export const ${name}Versions = [${name}];
`;
}

function samples(id: string, name: string): string {
  return `// The people ${id} is tried with: one who closes the water contract and one who does not, so every rule is tried
// both ways. Samples are synthetic: the demo people of the simulated registers.
import type { Sample } from "../lib/life-event";
import { demoRecords } from "../relocation/samples";

export const ${name}Samples: Sample[] = [
  {
    id: "p-tanaka-ichiro",
    description: "Closes the water contract.",
    record: demoRecords["p-tanaka-ichiro"],
    answers: { eventDate: "2026-04-01", closesWater: true },
  },
  {
    id: "p-tanaka-ichiro-no-water",
    description: "Keeps the water contract.",
    record: demoRecords["p-tanaka-ichiro"],
    answers: { eventDate: "2026-04-01", closesWater: false },
  },
];
`;
}

function test(id: string, name: string): string {
  return `// ${id}: the flow checks pass with its translations, every path of its journey ends in "confirmed", and each
// sample selects the procedures its answers call for.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { checkLifeEvents, createJourneyMachine, getLifeEvent, selectProcedures } from "../index";
import { walkJourney } from "../lib/test-helpers";
import ja from "../../public/locales/ja/${id}.json";
import en from "../../public/locales/en/${id}.json";
import jaJourney from "../../public/locales/ja/journey.json";
import enJourney from "../../public/locales/en/journey.json";
import { ${name}Samples } from "./samples";

const lifeEvent = getLifeEvent("${id}")!;
const machine = createJourneyMachine(lifeEvent);
const locales = { ja: { "${id}": ja, journey: jaJourney }, en: { "${id}": en, journey: enJourney } };

describe("${id}", () => {
  it("passes the flow checks", () => {
    expect(checkLifeEvents({ locales, lifeEvents: [lifeEvent] })).toEqual([]);
  });

  it("ends every path of example answers in 'confirmed'", () => {
    const walk = walkJourney(lifeEvent, machine, ${name}Samples[0].record);
    for (const question of lifeEvent.questions) expect(walk.reachedStates, question.id).toContain(question.id);
    expect(walk.deadEnds.every((state) => state === "confirmed")).toBe(true);
    for (const path of walk.completePaths) {
      const actor = createActor(machine, { input: { record: ${name}Samples[0].record } }).start();
      for (const step of path.steps) actor.send(step.event);
      expect(actor.getSnapshot().value).toBe("confirmed");
    }
  });

  it("selects the water contract's end only for a person who closes it", () => {
    const selected = (index: number) =>
      selectProcedures({ lifeEvent, answers: ${name}Samples[index].answers, record: ${name}Samples[index].record }).map((procedure) => procedure.procedureId);
    expect(selected(0)).toEqual(["water-stop"]);
    expect(selected(1)).toEqual([]);
  });
});
`;
}

function readme(id: string): string {
  return `# ${id}

Scaffolded by \`npm run flows:new -- ${id}\`. Replace this page with the life event's own: the user need, the
questions, the procedures and who receives what (see \`../relocation/README.md\`).

- **Questions**: \`eventDate\` (the day it happens), \`closesWater\` (yes or no).
- **Procedures**: \`water-stop\` at the waterworks of the current address, when \`closesWater\` is yes. It receives
  the name, phone number, current address and the date.
- **Samples**: one person who closes the water contract and one who does not.

Texts: \`public/locales/ja/${id}.json\` and \`public/locales/en/${id}.json\`.
`;
}

function texts(id: string) {
  const title = { ja: `${id}（仮の題名）`, en: `${id} (working title)` };
  const description = { ja: "この手続の説明を書いてください。", en: "Describe what this life event takes care of." };
  const errors = {
    ja: { required: "{{what}}を入力してください", invalidDate: "{{what}}を正しい日付で入力してください（例：2026年4月1日）", yesNo: "{{what}}を選んでください" },
    en: { required: "Enter {{what}}", invalidDate: "Enter {{what}} as a real date, for example 1 April 2026", yesNo: "Select {{what}}" },
  };
  return {
    title,
    description,
    ja: {
      eventDate: { title: "それはいつですか", hint: "手続の期限はこの日から数えます。", what: "日付" },
      closesWater: { title: "水道の契約を止めますか", hint: "「はい」を選ぶと、今の住所の水道局に使用中止を届け出ます。", what: "水道の契約を止めるかどうか" },
      yesNo: { yes: "はい", no: "いいえ" },
      errors: errors.ja,
    },
    en: {
      eventDate: { title: "When does it happen?", hint: "Deadlines are counted from this day.", what: "the date" },
      closesWater: { title: "Do you want to close your water contract?", hint: "If you choose yes, we tell the waterworks of your current address to stop the supply.", what: "whether to close your water contract" },
      yesNo: { yes: "Yes", no: "No" },
      errors: errors.en,
    },
  };
}
