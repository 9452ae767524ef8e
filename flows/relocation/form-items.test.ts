// Items every resident registration form asks that the registers, not the person, supply: the householder and
// the relationship to them, a foreign resident's status of residence and period of stay, and when and by whom
// the notification is filed (the person, or someone acting for them).
import { describe, expect, it } from "vitest";
import { getLifeEvent, selectProcedures, type Filing } from "../index";
import { demoRecords, relocationSamples } from "./samples";

const relocation = getLifeEvent("relocation")!;
const sample = (id: string) => relocationSamples.find((candidate) => candidate.id === id)!;
const moveIn = (id: string, options: { filing?: Filing; record?: Record<string, unknown> } = {}) =>
  selectProcedures({ lifeEvent: relocation, answers: sample(id).answers, record: { ...sample(id).record, ...options.record }, filing: options.filing }).find(
    (selected) => selected.procedureId === "move-in-notification",
  )!.payload as Record<string, unknown>;

describe("resident registration forms: what the registers fill", () => {
  it("names the householder and the relationship to them from the resident register, never from a question", () => {
    expect(moveIn("p-tanaka-ichiro")).toMatchObject({ householderName: "田中 一郎", relationshipToHouseholder: "世帯主" });
    const wife = { "householder.name": "佐藤 健二", "householder.relationship": "妻" };
    expect(moveIn("p-tanaka-ichiro", { record: wife })).toMatchObject({ householderName: "佐藤 健二", relationshipToHouseholder: "妻" });
    for (const question of relocation.questions) expect(question.id).not.toMatch(/householder/i);
  });

  it("gives a foreign resident's status of residence and period of stay, and never a Japanese national's", () => {
    expect(moveIn("p-nguyen-thi-lan")).toMatchObject({ nationality: "VN", residenceStatus: "技術・人文知識・国際業務", periodOfStay: "2028-03-31" });
    const lingering = { residenceStatus: "永住者", periodOfStayUntil: "2030-01-01" };
    const tanaka = moveIn("p-tanaka-ichiro", { record: lingering });
    expect(tanaka).not.toHaveProperty("residenceStatus");
    expect(tanaka).not.toHaveProperty("periodOfStay");
    expect(demoRecords["p-tanaka-ichiro"].nationality).toBe("JP");
  });

  it("says when it was filed and by whom: the person, or the family member acting for them", () => {
    expect(moveIn("p-tanaka-ichiro", { filing: { date: "2026-03-10", by: { kind: "self" } } })).toMatchObject({
      filedAt: "2026-03-10",
      filedBy: { kind: "self", name: "田中 一郎" },
    });
    const forYumi = moveIn("p-sato-kenji", { filing: { date: "2026-03-10", by: { kind: "representative", name: "佐藤 健二" } }, record: { "name.kanji": "佐藤 由美" } });
    expect(forYumi.filedBy).toEqual({ kind: "representative", name: "佐藤 健二", forName: "佐藤 由美" });
    // A preview before submission has neither.
    const preview = moveIn("p-tanaka-ichiro");
    expect(preview).not.toHaveProperty("filedAt");
    expect(preview).not.toHaveProperty("filedBy");
  });
});
