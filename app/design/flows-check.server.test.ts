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

  it("gives each procedure its official form, exactly {name, date, source, items: [{item, dataItem, notNeededBecause}]}", () => {
    const { lines } = run({ json: true, localesDir: real });
    const description = JSON.parse(lines[0]) as { lifeEvents: { id: string; procedures: { id: string; form: Record<string, unknown> }[] }[] };
    for (const event of description.lifeEvents) {
      for (const procedure of event.procedures) {
        expect(Object.keys(procedure.form), procedure.id).toEqual(["name", "date", "source", "items"]);
        for (const key of ["name", "date", "source"]) expect(typeof procedure.form[key]).toBe("string");
        for (const item of procedure.form.items as Record<string, unknown>[]) {
          expect(Object.keys(item)).toEqual(["item", "dataItem", "notNeededBecause"]);
          expect((item.dataItem === null) !== (item.notNeededBecause === null), `${procedure.id}: ${String(item.item)}`).toBe(true);
        }
      }
    }
    const moveIn = description.lifeEvents.find((event) => event.id === "relocation")!.procedures.find((procedure) => procedure.id === "move-in-notification")!;
    expect(moveIn.form.items).toEqual(expect.arrayContaining([{ item: "世帯主の氏名", dataItem: "householderName", notNeededBecause: null }]));
  });

  it("lists each procedure's form source and its items with their coverage", () => {
    const { lines } = run({ localesDir: real });
    expect(lines.some((line) => /^relocation v\d+ move-out-notification: 住民異動届（転出届） — \d+\/\d+ items filled, \d+ not needed \(.*住民基本台帳法/.test(line))).toBe(true);
    expect(lines).toContain("    署名・押印: not needed — The seal or signature is replaced by the electronic submission: the person signed in with verified identity and gave consent.");
  });
});
