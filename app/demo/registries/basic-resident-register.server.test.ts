import { afterAll, describe, expect, it } from "vitest";
import { getRecordAttributes, getRecordValues } from "../../../db/queries/records";
import { demoRecords } from "../../../flows";
import { createTestDatabase } from "../../../tests/setup/test-db";
import { seedBasicResidentRegister } from "./basic-resident-register.server";

const { db, close } = createTestDatabase();
afterAll(close);

describe("simulated Basic Resident Register", () => {
  const seeded = seedBasicResidentRegister(db);

  it("holds at least six varied people and a company being founded", () => {
    const people = seeded.filter((id) => id.startsWith("p-"));
    expect(people.length).toBeGreaterThanOrEqual(6);
    expect(seeded).toContain("c-yamada-shoten");
    const nationalities = new Set(people.map((id) => getRecordValues(db, { subjectId: id }).nationality));
    expect(nationalities.size).toBeGreaterThan(1);
  });

  it("gives every value its true source and a date: the register, the person, or the organisation that holds it", () => {
    const attributes = getRecordAttributes(db, { subjectId: "p-tanaka-ichiro" });
    expect(attributes.length).toBeGreaterThan(5);
    const sourceOf = (key: string) => attributes.find((a) => a.key === key)?.source;
    for (const attribute of attributes) expect(attribute.recordedAt).toBe("2026-03-31T15:00:00.000Z");
    expect(sourceOf("address")).toEqual({ kind: "basicResidentRegister" });
    expect(sourceOf("name.kanji")).toEqual({ kind: "basicResidentRegister" });
    expect(sourceOf("phone")).toEqual({ kind: "selfDeclared" });
    expect(sourceOf("myNumberCard")).toEqual({ kind: "organisation", ref: "jlis" });
    const takahashi = getRecordAttributes(db, { subjectId: "p-takahashi-ken" });
    expect(takahashi.find((a) => a.key === "vehicles")?.source).toEqual({ kind: "organisation", ref: "transport" });
    expect(takahashi.find((a) => a.key === "dogs")?.source).toEqual({ kind: "organisation", ref: "municipality" });
    expect(takahashi.find((a) => a.key === "driversLicenceNumber")?.source).toEqual({ kind: "organisation", ref: "police" });
    expect(getRecordValues(db, { subjectId: "p-tanaka-ichiro" })).toMatchObject({ "name.kanji": demoRecords["p-tanaka-ichiro"]["name.kanji"] });
  });

  it("registers the Sato family members as people who can be acted for", () => {
    expect(getRecordValues(db, { subjectId: "p-sato-yumi" })).toMatchObject({ "name.kanji": "佐藤 由美", address: demoRecords["p-sato-kenji"].address });
    expect(getRecordValues(db, { subjectId: "p-sato-mio" })["household"]).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "佐藤 健二", relationship: "parent" })]),
    );
  });

  it("marks what a founder declared about a company that is not registered yet as self-declared", () => {
    const attributes = getRecordAttributes(db, { subjectId: "c-yamada-shoten" });
    expect(attributes.find((a) => a.key === "company.name")?.source).toEqual({ kind: "selfDeclared" });
    expect(attributes.find((a) => a.key === "name.kanji")?.source).toEqual({ kind: "basicResidentRegister" });
  });
});
