import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../tests/setup/test-db";
import { isSeeded, seedDemoData } from "./seed.server";

const { db, close } = createTestDatabase();
afterAll(close);

describe("demo seed", () => {
  it("seeds an empty database once, and keeps the data on the next start", async () => {
    expect(isSeeded(db)).toBe(false);
    expect(await seedDemoData(db)).toBe(true);
    expect(isSeeded(db)).toBe(true);
    expect(await seedDemoData(db)).toBe(false);
  });
});
