import { describe, expect, it } from "vitest";
import { lookupPostalCode, normalisePostalCode } from "./postal.server";

describe("postal code look-up", () => {
  it("finds the prefecture, municipality code and town of a real postal code", () => {
    expect(lookupPostalCode("160-0023")).toEqual([
      { postalCode: "1600023", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿" },
    ]);
  });

  it("routes a ward of a designated city to the ward's code", () => {
    expect(lookupPostalCode("2310023")[0]).toMatchObject({ municipalityCode: "14104", municipality: "横浜市中区" });
  });

  it("accepts full-width digits and the postal mark", () => {
    expect(normalisePostalCode("〒１６０－００２３")).toBe("1600023");
  });

  it("returns nothing for malformed or unknown codes", () => {
    expect(lookupPostalCode("12345")).toEqual([]);
    expect(lookupPostalCode("<script>")).toEqual([]);
    expect(lookupPostalCode("0000000")).toEqual([]);
  });
});
