import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scaffoldLifeEvent } from "./flows-new.server";

// A copy of the parts of the repository the scaffold writes to, so the real flows/ and locales stay untouched.
const repo = path.resolve(".");
const root = mkdtempSync(path.join(os.tmpdir(), "madoguchi-flows-new-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(path.join(repo, "flows"), path.join(root, "flows"), { recursive: true });
cpSync(path.join(repo, "public", "locales"), path.join(root, "public", "locales"), { recursive: true });
for (const file of ["journeys/namespaces.ts", "cli/flows-check.ts", "design/flows-check.server.ts"]) cpSync(path.join(repo, "app", file), path.join(root, "app", file));
symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");

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
      changed: ["flows/catalogue.ts", "app/journeys/namespaces.ts"],
    });
    expect(readFileSync(path.join(root, "app", "journeys", "namespaces.ts"), "utf8")).toContain(`"having-a-baby"]`);

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
  });

  it("refuses an id that is not a slug, or a life event that exists", () => {
    expect(scaffoldLifeEvent({ id: "Having a baby", root })).toMatchObject({ ok: false, problem: expect.stringContaining("not a life event id") });
    expect(scaffoldLifeEvent({ id: "relocation", root })).toEqual({ ok: false, problem: "flows/relocation already exists" });
    expect(existsSync(path.join(root, "flows", "Having a baby"))).toBe(false);
  });
});
