// `flows:simulate` runs a designer's saved scenario from the database, by id or by name, exactly as the simulation
// page composes it, as text or JSON; a sample still needs no database; the npm script itself reads DATABASE_PATH.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { insertDesignScenario } from "../../db/queries/design-scenarios";
import { getLifeEvent } from "../../flows";
import { simulate } from "../../flows/design/simulate";
import { createTestDatabase } from "../../tests/setup/test-db";
import { runSimulateCommand } from "./simulate-command.server";
import { composePerson } from "./simulation.server";

const { db, file, close } = createTestDatabase();
afterAll(close);

const relocation = getLifeEvent("relocation")!;
const child = { name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" };
const scenario = insertDesignScenario(db, {
  lifeEventId: "relocation",
  name: "Foreign resident moving with a child",
  sampleId: "p-nguyen-thi-lan",
  answers: JSON.stringify({ movingMembers: [child] }),
  record: JSON.stringify({ household: [child] }),
  createdBy: "designer",
  createdAt: new Date().toISOString(),
});
insertDesignScenario(db, { lifeEventId: "relocation", name: "Twice", sampleId: "p-tanaka-ichiro", answers: null, record: null, createdBy: "designer", createdAt: new Date().toISOString() });
insertDesignScenario(db, { lifeEventId: "relocation", name: "Twice", sampleId: "p-tanaka-ichiro", answers: null, record: null, createdBy: "designer", createdAt: new Date().toISOString() });

function run(args: string[], openDb = () => openDatabase(file)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimulateCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line), openDb });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const expected = JSON.stringify(
  simulate(relocation, composePerson(relocation, { sampleId: "p-nguyen-thi-lan", answersText: scenario.answers, recordText: scenario.record })),
);

describe("flows:simulate --scenario", () => {
  it("runs a saved scenario by id or by name, as the simulation page composes it", () => {
    expect(run(["relocation", "--scenario", String(scenario.id), "--json"])).toEqual({ code: 0, out: expected, err: "" });
    expect(run(["relocation", "--scenario", "Foreign resident moving with a child", "--json"]).out).toBe(expected);
    const text = run(["relocation", "--scenario", String(scenario.id)]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`relocation v${relocation.version} / scenario ${scenario.id} "Foreign resident moving with a child"`);
    expect(text.out).toMatch(/child-allowance-claim -> .*\n\s+why: .*NGUYEN VAN AN/);
  });

  it("says which scenarios there are when none matches, and asks for the id when a name is not unique", () => {
    const missing = run(["relocation", "--scenario", "Nobody"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`no saved scenario "Nobody" for relocation (saved scenarios: ${scenario.id} "Foreign resident moving with a child"`);
    const twice = run(["relocation", "--scenario", "Twice"]);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/several saved scenarios of relocation are named "Twice": give the id \(\d+, \d+\)/);
    expect(run(["incorporation", "--scenario", String(scenario.id)]).code).toBe(1);
  });

  it("runs a sample without opening the database, and refuses a sample and a scenario at once", () => {
    const sample = run(["relocation", "p-nguyen-thi-lan", "--json"], () => {
      throw new Error("a sample must not need the database");
    });
    expect(sample.out).toBe(JSON.stringify(simulate(relocation, relocation.samples.find((candidate) => candidate.id === "p-nguyen-thi-lan")!)));
    expect(run(["relocation", "p-nguyen-thi-lan", "--scenario", "1"])).toMatchObject({ code: 2, err: expect.stringContaining("usage:") });
    expect(run(["relocation"])).toMatchObject({ code: 2, err: expect.stringContaining("samples of relocation: p-tanaka-ichiro") });
  });

  it("is what `npm run flows:simulate -- relocation --scenario <name> --json` prints, reading DATABASE_PATH", () => {
    const output = execFileSync(path.resolve("node_modules", ".bin", "tsx"), ["app/cli/flows-simulate.ts", "relocation", "--scenario", "Foreign resident moving with a child", "--json"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: file },
    });
    expect(output.trim()).toBe(expected);
  });
});
