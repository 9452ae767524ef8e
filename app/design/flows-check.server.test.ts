import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runFlowsCheck } from "./flows-check.server";

const real = path.resolve("public/locales");
const broken = mkdtempSync(path.join(os.tmpdir(), "madoguchi-locales-"));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

function run(options: { json?: boolean; localesDir: string }) {
  const lines: string[] = [];
  const code = runFlowsCheck({ ...options, print: (line) => lines.push(line) });
  return { code, lines };
}

describe("flows:check", () => {
  it("passes the published flows with their translations", () => {
    const { code, lines } = run({ localesDir: real });
    expect(lines.at(-1)).toMatch(/^flows:check: ok \(/);
    expect(code).toBe(0);
  });

  it("names each missing translation on its own line and fails", () => {
    cpSync(real, broken, { recursive: true });
    const file = path.join(broken, "en", "relocation.json");
    writeFileSync(file, JSON.stringify({}));
    const { code, lines } = run({ localesDir: broken });
    expect(code).toBe(1);
    expect(lines.some((line) => /^✗ relocation(@\d+)?: question \S+: no en translation for relocation:/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^flows:check: \d+ problems?$/);
    expect(JSON.parse(readFileSync(path.join(broken, "ja", "relocation.json"), "utf8"))).not.toEqual({});
  });

  it("describes the flows as one JSON object", () => {
    const { code, lines } = run({ json: true, localesDir: real });
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const description = JSON.parse(lines[0]) as { lifeEvents: { id: string; procedures: unknown[] }[] };
    expect(description.lifeEvents.map((event) => event.id)).toEqual(expect.arrayContaining(["relocation", "incorporation"]));
  });
});
