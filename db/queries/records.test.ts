import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { createDataSubject, getRecordAttributes, getRecordValues, writeRecordAttributes } from "./records";

const { db, close } = createTestDatabase();
afterAll(close);

describe("records", () => {
  it("keeps each value with its source and time, and supersedes it when a case changes it", () => {
    createDataSubject(db, { id: "p-test", kind: "person" });
    writeRecordAttributes(db, {
      subjectId: "p-test",
      values: { "name.kanji": "試験 太郎", address: { municipalityCode: "13101" } },
      source: { kind: "basicResidentRegister" },
      at: new Date("2026-01-01T00:00:00Z"),
    });
    const changed = writeRecordAttributes(db, {
      subjectId: "p-test",
      values: { address: { municipalityCode: "13104" }, "name.kanji": "試験 太郎" },
      source: { kind: "case", ref: "MDG-1" },
      at: new Date("2026-02-01T00:00:00Z"),
    });
    expect(changed).toEqual(["address"]);
    expect(getRecordAttributes(db, { subjectId: "p-test" })).toEqual([
      { key: "address", value: { municipalityCode: "13104" }, source: { kind: "case", ref: "MDG-1" }, recordedAt: "2026-02-01T00:00:00.000Z" },
      { key: "name.kanji", value: "試験 太郎", source: { kind: "basicResidentRegister" }, recordedAt: "2026-01-01T00:00:00.000Z" },
    ]);
    expect(getRecordValues(db, { subjectId: "p-test" })).toEqual({ address: { municipalityCode: "13104" }, "name.kanji": "試験 太郎" });
  });

  it("refuses attributes for an unknown subject", () => {
    expect(() => writeRecordAttributes(db, { subjectId: "p-nobody", values: { a: 1 }, source: { kind: "selfDeclared" } })).toThrow(/FOREIGN KEY/);
  });
});
