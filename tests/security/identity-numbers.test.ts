// Identity numbers are encrypted at rest in the once-only record (issue 11, item 5): the database file holds
// none of the demo people's numbers in clear, the portal reads them back, writing the same number again is
// no change, a ciphertext copied to another person does not open, and a number stored before is still read.
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDataSubject } from "../../db/queries/records";
import { recordAttributes } from "../../db/schema";
import { demoRecords, isIdentityNumberItem } from "../../flows";
import { seedBasicResidentRegister } from "../../app/demo/registries/basic-resident-register.server";
import { maskIdentityNumbers, readRecordAttributes, readRecordValues, writeRecord } from "../../app/identity/security/identity-numbers.server";
import { createTestDatabase } from "../setup/test-db";

const { db, file, close } = createTestDatabase();
afterAll(close);

const numbers = Object.entries(demoRecords).flatMap(([subjectId, record]) =>
  Object.entries(record)
    .filter(([key, value]) => isIdentityNumberItem(key) && typeof value === "string")
    .map(([key, value]) => ({ subjectId, key, value: value as string })),
);

describe("identity numbers in the record", () => {
  it("are not in the database file in clear, and read back in clear", () => {
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    seedBasicResidentRegister(db);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = readFileSync(file).toString("latin1");
    for (const { value } of numbers) expect(bytes.includes(value), value).toBe(false);
    for (const { subjectId, key, value } of numbers) expect(readRecordValues(db, { subjectId })[key]).toBe(value);
  });

  it("treats the same number written again as no change, so its source and date stay true", () => {
    const { subjectId, key, value } = numbers[0];
    expect(writeRecord(db, { subjectId, values: { [key]: value }, source: { kind: "selfDeclared" } })).toEqual([]);
    expect(writeRecord(db, { subjectId, values: { [key]: `${value.slice(0, -1)}0` === value ? `${value.slice(0, -1)}1` : `${value.slice(0, -1)}0` }, source: { kind: "selfDeclared" } })).toEqual([key]);
  });

  it("does not open a ciphertext copied to another person", () => {
    const { subjectId, key } = numbers[0];
    const stored = db.select().from(recordAttributes).where(and(eq(recordAttributes.subjectId, subjectId), eq(recordAttributes.key, key))).all()[0];
    createDataSubject(db, { id: "p-copy", kind: "person" });
    db.insert(recordAttributes).values({ ...stored, id: undefined, subjectId: "p-copy" }).run();
    expect(() => readRecordValues(db, { subjectId: "p-copy" })).toThrow();
  });

  it("reads a number stored in clear by an older version", () => {
    createDataSubject(db, { id: "p-old", kind: "person" });
    db.insert(recordAttributes).values({ subjectId: "p-old", key: "basicPensionNumber", value: JSON.stringify("1234567890"), sourceKind: "selfDeclared", recordedAt: "2026-01-01T00:00:00.000Z" }).run();
    expect(readRecordValues(db, { subjectId: "p-old" })).toEqual({ basicPensionNumber: "1234567890" });
  });

  it("are masked for pages: only the last four characters leave the server", () => {
    const { subjectId, key, value } = numbers.find((n) => n.subjectId !== numbers[0].subjectId || n.key !== numbers[0].key)!;
    const masked = maskIdentityNumbers(readRecordAttributes(db, { subjectId })).find((attribute) => attribute.key === key)!;
    expect(masked.value).toBe(`${"•".repeat(value.length - 4)}${value.slice(-4)}`);
  });
});
