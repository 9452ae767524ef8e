// Which data items a submission's person typed: read off the answers against the prefills, item by item.
import { describe, expect, it } from "vitest";
import { getLifeEvent } from "../index";
import { enteredQuestions, typedDataItems } from "./once-only";

const relocation = getLifeEvent("relocation")!;
const tanaka = relocation.samples.find((sample) => sample.id === "p-tanaka-ichiro")!;

describe("the once-only count", () => {
  it("counts as entered only answers that differ from their prefill", () => {
    expect(enteredQuestions(relocation, tanaka.answers, tanaka.record)).toEqual(["moveDate", "newAddress", "services"]);
    // Changing the prefilled current address makes it entered.
    const moved = { ...tanaka.answers, currentAddress: { ...(tanaka.answers.currentAddress as object), building: "別館" } };
    expect(enteredQuestions(relocation, moved, tanaka.record)).toContain("currentAddress");
  });

  it("marks typed the items derived from an entered answer, and not those from the record or a confirmed prefill", () => {
    const typed = typedDataItems({ lifeEvent: relocation, answers: tanaka.answers, record: tanaka.record });
    expect(typed.has("moveDate")).toBe(true);
    expect(typed.has("newAddress")).toBe(true);
    expect(typed.has("name")).toBe(false);
    expect(typed.has("birthDate")).toBe(false);
    // The current address was prefilled and confirmed.
    expect(typed.has("currentAddress")).toBe(false);
  });
});
