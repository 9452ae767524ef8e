import { describe, expect, it } from "vitest";
import { relocation } from "../relocation/definition";
import { coverage } from "./coverage";

const sample = (id: string) => relocation.samples.find((candidate) => candidate.id === id)!;

describe("coverage", () => {
  it("shows the branches one scenario leaves untried, and fills them as scenarios are added", () => {
    const alone = coverage(relocation, [sample("p-tanaka-ichiro")]);
    // 田中さん has no dog: the dog question and procedure were seen false, never true.
    expect(alone.questions.find((entry) => entry.id === "dogs")).toEqual({ id: "dogs", whenTrue: [], whenFalse: ["p-tanaka-ichiro"] });
    expect(alone.untried).toContainEqual({ kind: "question", id: "dogs", value: true });
    expect(alone.untried).toContainEqual({ kind: "procedure", id: "dog-registration-change", value: true });
    expect(alone.untried).not.toContainEqual({ kind: "procedure", id: "dog-registration-change", value: false });
    // Questions always asked have no branch.
    expect(alone.questions.map((entry) => entry.id)).not.toContain("moveDate");

    const withDog = coverage(relocation, [sample("p-tanaka-ichiro"), sample("p-takahashi-ken")]);
    expect(withDog.procedures.find((entry) => entry.id === "dog-registration-change")).toEqual({
      id: "dog-registration-change",
      whenTrue: ["p-takahashi-ken"],
      whenFalse: ["p-tanaka-ichiro"],
    });
    expect(withDog.untried.filter((entry) => entry.id === "dog-registration-change" || entry.id === "dogs")).toEqual([]);
  });

  it("lists as untried exactly the branches no sample reached", () => {
    const all = coverage(relocation, relocation.samples);
    expect(all.scenarios).toHaveLength(relocation.samples.length);
    expect(all.incomplete).toEqual([]);
    for (const entry of [...all.questions, ...all.procedures]) {
      const kind = all.questions.includes(entry) ? "question" : "procedure";
      expect(all.untried.some((gap) => gap.kind === kind && gap.id === entry.id && gap.value === true)).toBe(entry.whenTrue.length === 0);
      expect(all.untried.some((gap) => gap.kind === kind && gap.id === entry.id && gap.value === false)).toBe(entry.whenFalse.length === 0);
    }
    // Every sample moves, so the move-in or the change of address is always selected somewhere, and never both.
    const moveIn = all.procedures.find((entry) => entry.id === "move-in-notification")!;
    const change = all.procedures.find((entry) => entry.id === "change-of-address-notification")!;
    expect(new Set([...moveIn.whenTrue, ...change.whenTrue]).size).toBe(relocation.samples.length);
  });

  it("counts a scenario that stops at an open question only as far as it got", () => {
    const open = { id: "open", record: sample("p-tanaka-ichiro").record, answers: { moveDate: "2026-03-20" } };
    const result = coverage(relocation, [open]);
    expect(result.incomplete).toEqual(["open"]);
    expect(result.procedures.every((entry) => entry.whenTrue.length === 0 && entry.whenFalse.length === 0)).toBe(true);
  });
});
