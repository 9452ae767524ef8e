import { describe, expect, it } from "vitest";
import { newRowId } from "./ids";

const version7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newRowId", () => {
  it("is a version 7 UUID whose first 48 bits are the time it was made, in milliseconds", () => {
    const before = Date.now();
    const id = newRowId();
    const after = Date.now();
    expect(id).toMatch(version7);
    const made = parseInt(id.replace(/-/g, "").slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(after);
  });

  it("keeps the order in which ids were made, within one millisecond too, and never repeats", () => {
    const ids = Array.from({ length: 2_000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
