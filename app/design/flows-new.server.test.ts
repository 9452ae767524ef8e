import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scaffoldLifeEvent } from "./flows-new.server";

// A copy of the repository's code (not its node_modules, build or test artifacts), so the scaffold is written there
// and the real flows/, locales and app/ stay untouched, and the tests can run in it with the scaffold present.
const repo = path.resolve(".");
const root = mkdtempSync(path.join(os.tmpdir(), "madoguchi-flows-new-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const folder of ["flows", "app", "db", "public", "tests", ".config"]) {
  cpSync(path.join(repo, folder), path.join(root, folder), { recursive: true, filter: (source) => !source.includes(`${path.sep}.artifacts`) });
}
for (const file of ["package.json", "tsconfig.json"]) cpSync(path.join(repo, file), path.join(root, file));
symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");

/**
 * The tests that go over every published life event (catalogue, translations, the start and journey pages with no
 * raw key, payloads, simulation, effort, checks, the designers' pages): with a scaffold present they must still pass.
 */
const everyLifeEventTests = [
  "flows/catalogue.test.ts",
  "flows/design",
  "flows/procedures/payloads.test.ts",
  "app/journeys/namespaces.test.ts",
  "app/design/flows-check.server.test.ts",
  "app/design/simulation.server.test.ts",
  "app/design/scenarios.server.test.ts",
  "app/routes/design.test.ts",
  "app/platform/i18n",
  "tests/pages",
  "tests/bench/effort.test.ts",
];

describe("flows:new", () => {
  it("scaffolds a life event that passes the flow checks and its own test at once", async () => {
    const result = scaffoldLifeEvent({ id: "having-a-baby", root });
    expect(result).toEqual({
      ok: true,
      written: [
        "flows/having-a-baby/definition.ts",
        "flows/having-a-baby/samples.ts",
        "flows/having-a-baby/machine.test.ts",
        "flows/having-a-baby/README.md",
        "public/locales/ja/having-a-baby.json",
        "public/locales/en/having-a-baby.json",
      ],
      changed: [
        "flows/catalogue.ts",
        "app/journeys/namespaces.ts",
        "public/locales/ja/common.json",
        "public/locales/ja/journey.json",
        "public/locales/en/common.json",
        "public/locales/en/journey.json",
      ],
    });
    expect(readFileSync(path.join(root, "app", "journeys", "namespaces.ts"), "utf8")).toContain(`"having-a-baby"]`);
    // The list of life events and the start page have its words; the files keep their layout (one line added).
    const common = JSON.parse(readFileSync(path.join(root, "public", "locales", "en", "common.json"), "utf8")) as { lifeEvents: Record<string, unknown> };
    expect(common.lifeEvents["having-a-baby"]).toEqual({ title: "having-a-baby (working title)", summary: expect.any(String) });
    const journeyBefore = readFileSync(path.join(repo, "public", "locales", "ja", "journey.json"), "utf8").split("\n").length;
    expect(readFileSync(path.join(root, "public", "locales", "ja", "journey.json"), "utf8").split("\n").length).toBe(journeyBefore + 1);

    // flows:check itself, in the copy: every published life event with the copy's translations.
    const check = execFileSync(path.join(repo, "node_modules", ".bin", "tsx"), ["app/cli/flows-check.ts"], { cwd: root, encoding: "utf8" });
    expect(check.trim().split("\n").at(-1)).toMatch(/^flows:check: ok \(.*having-a-baby v1/);

    // Its own test, run as a designer runs it.
    const output = execFileSync(path.join(repo, "node_modules", ".bin", "vitest"), ["run", "--root", root, "flows/having-a-baby"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CI: "true", NO_COLOR: "1" },
    });
    expect(output).toMatch(/Tests\s+3 passed \(3\)/);

    // Every test that goes over all life events, in the copy with the scaffold present (a failure throws, with
    // vitest's report in the error).
    // Asynchronously: a run this long must not block the worker, which reports to vitest while it waits.
    const { stdout: every } = await promisify(execFile)(path.join(repo, "node_modules", ".bin", "vitest"), ["run", "--config", ".config/vitest.config.ts", ...everyLifeEventTests], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: "true", NO_COLOR: "1" },
    });
    expect(every).toMatch(/Tests\s+\d+ passed \(\d+\)/);
  }, 900_000);

  it("refuses an id that is not a slug, or a life event that exists", () => {
    expect(scaffoldLifeEvent({ id: "Having a baby", root })).toMatchObject({ ok: false, problem: expect.stringContaining("not a life event id") });
    expect(scaffoldLifeEvent({ id: "relocation", root })).toEqual({ ok: false, problem: "flows/relocation already exists" });
    expect(existsSync(path.join(root, "flows", "Having a baby"))).toBe(false);
  });
});
