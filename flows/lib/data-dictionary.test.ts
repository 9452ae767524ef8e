import { describe, expect, it } from "vitest";
import { dataDictionary, identityNumberItems, isIdentityNumberItem } from "./data-dictionary";

describe("identity numbers in the data dictionary", () => {
  it("marks the numbers that identify a person, and nothing else", () => {
    expect([...identityNumberItems].sort()).toEqual(["basicPensionNumber", "driversLicenceNumber", "individualNumber", "labourInsuranceNumber", "residenceCardNumber"]);
    expect(isIdentityNumberItem("basicPensionNumber")).toBe(true);
    expect(isIdentityNumberItem("name")).toBe(false);
    expect(isIdentityNumberItem("not-an-item")).toBe(false);
    expect(dataDictionary.phone.sensitivity).toBeUndefined();
  });
});
