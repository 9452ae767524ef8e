// The effort benchmark's counting rules on small hand-made cases, and the shape of `bench:effort -- --json`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoRecords, getLifeEvent, getQuestion, listLifeEvents, type Address, type HouseholdMember } from "../../flows/index";
import { countFieldsTyped, countItemsEntered, measureEffort, runJourney, type PostalLookup } from "./effort-count";

const relocation = getLifeEvent("relocation")!;
const question = (id: string) => getQuestion(relocation, id)!;

const home: Address = {
  postalCode: "1010051",
  prefecture: "東京都",
  municipalityCode: "13101",
  municipality: "千代田区",
  town: "神田神保町",
  street: "二丁目3番4号",
  building: "神保町レジデンス502",
};

/** A look-up with one single-town code and one code shared by two towns. */
const lookup: PostalLookup = (postalCode) =>
  ({
    "1010051": [{ prefecture: "東京都", municipalityCode: "13101", municipality: "千代田区", town: "神田神保町" }],
    "1600023": [{ prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿" }],
    "9990000": [
      { prefecture: "山形県", municipalityCode: "06201", municipality: "山形市", town: "甲町" },
      { prefecture: "山形県", municipalityCode: "06201", municipality: "山形市", town: "乙町" },
    ],
  })[postalCode] ?? [];

const spouse: HouseholdMember = { name: "佐藤 由美", nameKana: "サトウ ユミ", birthDate: "1987-02-14", relationship: "spouse" };
const son: HouseholdMember = { name: "佐藤 大地", nameKana: "サトウ ダイチ", birthDate: "2015-06-20", relationship: "child" };

describe("counting what the person entered", () => {
  it("counts a confirmed prefill as 0, whatever the question type", () => {
    expect(countFieldsTyped(question("currentAddress"), { ...home }, home, lookup)).toBe(0);
    expect(countFieldsTyped(question("movingMembers"), [{ ...son }, { ...spouse }], [spouse, son], lookup)).toBe(0);
    expect(countFieldsTyped(question("phone"), "09012345678", "09012345678", lookup)).toBe(0);
    expect(countFieldsTyped(question("healthInsurance"), "nhi", "nhi", lookup)).toBe(0);
    expect(countFieldsTyped(question("ownsVehicle"), false, false, lookup)).toBe(0);
  });

  it("counts a scalar answer without a prefill, or one that changes it, as 1", () => {
    expect(countFieldsTyped(question("moveDate"), "2026-03-20", undefined, lookup)).toBe(1);
    expect(countFieldsTyped(question("phone"), "0311112222", "09012345678", lookup)).toBe(1);
    expect(countFieldsTyped(question("healthInsurance"), "employee", "nhi", lookup)).toBe(1);
    expect(countFieldsTyped(question("hasMyNumberCard"), false, undefined, lookup)).toBe(1);
  });

  it("counts only the typed parts of a changed address", () => {
    const address = question("currentAddress");
    expect(countFieldsTyped(address, { ...home, street: "二丁目3番5号" }, home, lookup)).toBe(1);
    const { building: _building, ...withoutBuilding } = home;
    expect(countFieldsTyped(address, withoutBuilding, home, lookup)).toBe(1);
    // Another postal code: the look-up fills prefecture, municipality and the single town.
    const shinjuku = { postalCode: "1600023", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿", street: "三丁目7番1号", building: "パークタワー1203" };
    expect(countFieldsTyped(address, shinjuku, home, lookup)).toBe(3);
    // A town the look-up did not give was typed.
    expect(countFieldsTyped(address, { ...shinjuku, town: "西新宿八丁目" }, home, lookup)).toBe(4);
  });

  it("counts a new address as postal code, street and building, and the town when the code has several", () => {
    const newAddress = question("newAddress");
    const { building: _building, ...withoutBuilding } = home;
    expect(countFieldsTyped(newAddress, home, undefined, lookup)).toBe(3);
    expect(countFieldsTyped(newAddress, withoutBuilding, undefined, lookup)).toBe(2);
    const twoTowns = { postalCode: "9990000", prefecture: "山形県", municipalityCode: "06201", municipality: "山形市", town: "乙町", street: "1番地" };
    expect(countFieldsTyped(newAddress, twoTowns, undefined, lookup)).toBe(3);
    // Without look-up data every part is typed.
    expect(countFieldsTyped(newAddress, withoutBuilding, undefined, () => [])).toBe(6);
  });

  it("uses Japan Post data by default", () => {
    expect(countFieldsTyped(question("newAddress"), { ...home, postalCode: "1600023", municipalityCode: "13104", municipality: "新宿区", town: "西新宿" }, undefined)).toBe(3);
  });

  it("counts the fields of an added household member, and the changed fields of an edited one", () => {
    const members = question("movingMembers");
    const daughter: HouseholdMember = { name: "佐藤 美緒", nameKana: "サトウ ミオ", birthDate: "2018-09-09", relationship: "child" };
    expect(countFieldsTyped(members, [spouse, son, daughter], [spouse, son], lookup)).toBe(4);
    const { nameKana: _nameKana, ...withoutKana } = daughter;
    expect(countFieldsTyped(members, [spouse, son, withoutKana], [spouse, son], lookup)).toBe(3);
    expect(countFieldsTyped(members, [spouse, { ...son, birthDate: "2015-06-21" }], [spouse, son], lookup)).toBe(1);
    expect(countFieldsTyped(members, [{ ...son, birthDate: "2015-06-21" }, spouse], [spouse, son], lookup)).toBe(1);
    expect(countFieldsTyped(members, [daughter], undefined, lookup)).toBe(4);
  });

  it("counts a removed member as one change", () => {
    expect(countFieldsTyped(question("movingMembers"), [spouse], [spouse, son], lookup)).toBe(1);
  });

  it("counts a multiple choice as one item per option ticked", () => {
    const services = question("services");
    expect(countFieldsTyped(services, [], undefined, lookup)).toBe(0);
    expect(countFieldsTyped(services, ["electricity", "gas", "mailForwarding"], undefined, lookup)).toBe(3);
    expect(countFieldsTyped(services, ["gas", "water"], ["gas", "electricity"], lookup)).toBe(2);
  });
});

describe("driving the real journey", () => {
  it("answers the questions the machine asks, and agrees with the machine on which questions were entered", () => {
    const sample = relocation.samples.find((candidate) => candidate.id === "p-tanaka-ichiro")!;
    const journey = runJourney(relocation, sample);
    expect(journey.asked[0]).toBe("moveDate");
    expect(journey.asked).not.toContain("vehicles");
    expect(journey.enteredQuestions).toEqual(expect.arrayContaining(["moveDate", "newAddress", "services"]));
    expect(journey.enteredQuestions).not.toContain("currentAddress");
  });

  it("keeps every person moving house under a tenth of what their procedures need (the issue's target)", () => {
    const runs = relocation.samples.map((sample) => measureEffort(relocation, sample));
    expect(runs.map((run) => run.persona)).toEqual(expect.arrayContaining(["p-ito-yuki", "p-sato-kenji"]));
    for (const run of runs) expect({ persona: run.persona, under10: run.itemsEntered / run.itemsNeeded < 0.1 }).toEqual({ persona: run.persona, under10: true });
  });

  it("keeps every company founder and every car buyer under a third of what their procedures need", () => {
    for (const id of ["incorporation", "car-ownership"]) {
      const lifeEvent = getLifeEvent(id)!;
      const runs = lifeEvent.samples.map((sample) => measureEffort(lifeEvent, sample));
      expect(runs.length, id).toBeGreaterThanOrEqual(2);
      for (const run of runs) expect({ id, persona: run.persona, underAThird: run.itemsEntered / run.itemsNeeded < 1 / 3 }).toEqual({ id, persona: run.persona, underAThird: true });
    }
  });

  it("refuses a sample whose answer the machine's schema rejects", () => {
    const sample = { id: "bad", record: demoRecords["p-tanaka-ichiro"], answers: { moveDate: "2026-02-30" } };
    expect(() => runJourney(relocation, sample)).toThrow(/moveDate is invalid/);
  });
});

describe("bench:effort -- --json", () => {
  it("prints one JSON object with one run per sample person of each life event", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const stdout = execFileSync(`${root}node_modules/.bin/tsx`, ["tests/bench/effort.ts", "--json"], { cwd: root, encoding: "utf8" });
    const output = JSON.parse(stdout) as { runs: { lifeEvent: string; persona: string; itemsNeeded: number; itemsEntered: number; ratio: number }[] };
    expect(Object.keys(output)).toEqual(["runs"]);
    const expected = listLifeEvents().flatMap((lifeEvent) => lifeEvent.samples.map((sample) => `${lifeEvent.id}/${sample.id}`));
    expect(output.runs.map((run) => `${run.lifeEvent}/${run.persona}`)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(["relocation/p-tanaka-ichiro", "incorporation/c-yamada-shoten", "incorporation/sample-godo-osaka", "car-ownership/p-takahashi-ken"]));
    for (const run of output.runs) {
      // A sample may select no procedure (a scaffold's "no" branch): nothing is needed, and the ratio is 0.
      expect(Number.isInteger(run.itemsNeeded) && run.itemsNeeded >= 0).toBe(true);
      expect(Number.isInteger(run.itemsEntered) && run.itemsEntered >= 0).toBe(true);
      expect(run.ratio).toBeCloseTo(run.itemsNeeded === 0 ? 0 : run.itemsEntered / run.itemsNeeded, 3);
    }
  });
});

describe("items entered, in the unit procedures need them", () => {
  const relocation = getLifeEvent("relocation")!;
  const q = (id: string) => getQuestion(relocation, id)!;
  const spouse = { name: "佐藤 由美", nameKana: "サトウ ユミ", birthDate: "1987-02-14", relationship: "spouse" };
  const son = { name: "佐藤 大地", nameKana: "サトウ ダイチ", birthDate: "2015-06-20", relationship: "child" };

  it("counts a confirmed prefill as nothing and any other answer as one item, an address included", () => {
    expect(countItemsEntered(q("phone"), "09012345678", "09012345678")).toBe(0);
    expect(countItemsEntered(q("moveDate"), "2026-03-20", undefined)).toBe(1);
    const address = { postalCode: "1600023", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿", street: "1-1" };
    expect(countItemsEntered(q("newAddress"), address, undefined)).toBe(1);
    expect(countItemsEntered(q("services"), ["electricity", "gas"], undefined)).toBe(1);
  });

  it("counts each added, changed or removed household member as one item", () => {
    expect(countItemsEntered(q("movingMembers"), [son, spouse], [spouse, son])).toBe(0);
    expect(countItemsEntered(q("movingMembers"), [spouse, son, { ...son, name: "佐藤 三郎" }], [spouse, son])).toBe(1);
    expect(countItemsEntered(q("movingMembers"), [spouse, { ...son, birthDate: "2015-06-21" }], [spouse, son])).toBe(1);
    expect(countItemsEntered(q("movingMembers"), [spouse], [spouse, son])).toBe(1);
  });
});
