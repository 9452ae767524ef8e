import { describe, expect, it } from "vitest";
import { listLifeEvents } from "../../flows";
import { journeyNamespaces } from "./namespaces";

describe("journey namespaces", () => {
  it("name the journey and every life event, so each journey page loads its translations", () => {
    expect([...journeyNamespaces].sort()).toEqual(["journey", ...new Set(listLifeEvents().map((lifeEvent) => lifeEvent.id))].sort());
  });
});
