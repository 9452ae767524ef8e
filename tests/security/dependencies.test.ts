// The offline dependency check (issue 11): every package version in package-lock.json is checked against
// the committed list of known-vulnerable versions (.config/known-vulnerable.json), since the registry's
// advisory endpoint cannot be reached where the tests run. A listed version fails the test unless the
// entry is accepted, with a reason, until a date that has not passed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Advisory = { id: string; cve?: string; package: string; vulnerable: string; severity: string; summary: string; accepted?: { until: string; reason: string } };
type Lock = { packages: Record<string, { version?: string }> };

const parse = (version: string) => version.split("-")[0].split(".").map(Number);
function compare(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Whether `version` is inside a range of space-separated comparators: "<3.0.0", ">=2.10.0 <2.17.5", "=1.2.3". */
export function inRange(version: string, range: string): boolean {
  return range.split(/\s+/).every((comparator) => {
    const [, op, bound] = /^(<=|>=|<|>|=)?(\d+\.\d+\.\d+)$/.exec(comparator) ?? [];
    if (!bound) throw new Error(`Unsupported range: ${range}`);
    const c = compare(version, bound);
    return { "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0, "=": c === 0 }[op ?? "="];
  });
}

/** Every locked package version an advisory covers, with whether it is accepted today. */
export function findVulnerable(lock: Lock, advisories: Advisory[], today = new Date().toISOString().slice(0, 10)) {
  return Object.entries(lock.packages).flatMap(([path, entry]) => {
    const name = path.replace(/^.*node_modules\//, "");
    if (!path || !entry.version) return [];
    return advisories
      .filter((advisory) => advisory.package === name && inRange(entry.version!, advisory.vulnerable))
      .map((advisory) => ({ path, version: entry.version!, advisory: advisory.id, accepted: advisory.accepted !== undefined && advisory.accepted.until >= today }));
  });
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lock;
const { advisories } = JSON.parse(readFileSync(".config/known-vulnerable.json", "utf8")) as { advisories: Advisory[] };

describe("known-vulnerable dependencies", () => {
  it("package-lock.json holds no listed version, except those accepted with a reason until a future date", () => {
    const found = findVulnerable(lock, advisories);
    expect(found.filter((hit) => !hit.accepted)).toEqual([]);
    for (const advisory of advisories.filter((a) => a.accepted)) expect(advisory.accepted!.reason.length).toBeGreaterThan(40);
  });

  it("finds a listed version, and stops accepting it after its date", () => {
    const fake: Lock = { packages: { "": {}, "node_modules/turbo-stream": { version: "2.4.1" }, "node_modules/a/node_modules/react-router": { version: "7.13.1" } } };
    expect(findVulnerable(fake, advisories, "2026-12-02").map((hit) => [hit.advisory, hit.accepted])).toEqual([
      ["GHSA-rxv8-25v2-qmq8", true],
      ["GHSA-49rj-9fvp-4h2h", false],
      ["GHSA-rxv8-25v2-qmq8/react-router", false],
    ]);
    expect(findVulnerable(fake, advisories, "2027-04-01").filter((hit) => hit.accepted)).toEqual([]);
    expect(inRange("2.17.5", ">=2.10.0 <2.17.5")).toBe(false);
    expect(inRange("2.17.4", ">=2.10.0 <2.17.5")).toBe(true);
  });
});
