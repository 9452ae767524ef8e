// The published catalogue: versions, look-ups, and the contract the portal and dispatcher code against.
import { describe, expect, it } from "vitest";
import * as flows from "./index";

describe("the flows catalogue", () => {
  it("lists the latest version of each life event, with titles in both languages", () => {
    const lifeEvents = flows.listLifeEvents();
    // The three the service started with, in order; a life event scaffolded by `flows:new` comes after them.
    expect(lifeEvents.map((lifeEvent) => lifeEvent.id).slice(0, 3)).toEqual(["relocation", "incorporation", "car-ownership"]);
    for (const lifeEvent of lifeEvents) {
      expect(lifeEvent.title.ja && lifeEvent.title.en && lifeEvent.description.ja && lifeEvent.description.en).toBeTruthy();
      expect(lifeEvent.procedures.every((id) => flows.getProcedure(id))).toBe(true);
    }
  });

  it("finds a life event by id and version, and nothing for an unknown one", () => {
    expect(flows.getLifeEvent("relocation", 1)?.version).toBe(1);
    expect(flows.getLifeEvent("relocation")).toBe(flows.getLifeEvent("relocation", 2));
    expect(flows.getLifeEvent("relocation", 99)).toBeUndefined();
    expect(flows.getLifeEvent("toString")).toBeUndefined();
  });

  it("keeps version 1 of moving house as it was published: without the three procedures version 2 added", () => {
    const added = ["child-allowance-end", "number-plate-change", "automobile-tax-address-change"];
    const [v1, v2] = [flows.getLifeEvent("relocation", 1)!, flows.getLifeEvent("relocation", 2)!];
    expect(added.filter((id) => v1.procedures.includes(id))).toEqual([]);
    expect(added.every((id) => v2.procedures.includes(id))).toBe(true);
    expect(v2.procedures.filter((id) => !added.includes(id))).toEqual(v1.procedures);
    expect(v1.questions.map((question) => question.id)).toEqual(v2.questions.map((question) => question.id));
  });

  it("compiles each version's machines once", () => {
    const relocation = flows.getLifeEvent("relocation")!;
    expect(flows.createJourneyMachine(relocation)).toBe(flows.createJourneyMachine(relocation));
    expect(flows.createCaseMachine(relocation).id).toBe("relocation-case-v2");
  });

  it("describes an address question with its postal code part first", () => {
    const newAddress = flows.getQuestion(flows.getLifeEvent("relocation")!, "newAddress")!;
    expect(newAddress.postalCode?.id).toBe("postalCode");
    expect(newAddress.postalCode?.schema.safeParse("160-0023").success).toBe(true);
    expect(newAddress.i18nKey).toBe("relocation:newAddress");
    expect(newAddress.texts.title).toBe("relocation:newAddress.title");
  });

  it("marks prefilled questions with the record attribute they start from", () => {
    const relocation = flows.getLifeEvent("relocation")!;
    const prefilled = relocation.questions.filter((question) => question.prefillFrom).map((question) => question.id);
    expect(prefilled).toEqual(expect.arrayContaining(["currentAddress", "movingMembers", "vehicles", "dogs", "healthInsurance"]));
    const tanaka = flows.demoRecords["p-tanaka-ichiro"];
    expect(flows.prefillValue(flows.getQuestion(relocation, "currentAddress")!, tanaka)).toEqual(tanaka.address);
  });

  it("exports the final statuses of a procedure request", () => {
    expect(flows.caseStatusFinal).toEqual(["notSelected", "accepted", "rejected", "cancelled", "closedOutside"]);
  });
});

describe("identity-number fields", () => {
  it("names every data item and question that holds one (licenceNumber is prefilled from driversLicenceNumber)", () => {
    const fields = flows.identityNumberFields();
    for (const item of flows.identityNumberItems) expect(fields.has(item), item).toBe(true);
    expect(fields.has("licenceNumber")).toBe(true);
    expect(fields.has("newAddress")).toBe(false);
  });

  it("holds every answer an identity number in a sample's payloads came from", () => {
    const fields = flows.identityNumberFields();
    for (const lifeEvent of flows.listLifeEventVersions()) {
      for (const sample of lifeEvent.samples) {
        const sent = flows
          .selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record })
          .flatMap((procedure) => Object.entries(procedure.payload as Record<string, unknown>))
          .filter(([key, value]) => flows.isIdentityNumberItem(key) && typeof value === "string")
          .map(([, value]) => value);
        for (const [questionId, answer] of Object.entries(sample.answers)) {
          if (sent.includes(answer as string)) expect(fields.has(questionId), `${lifeEvent.id}/${sample.id}: ${questionId}`).toBe(true);
        }
      }
    }
  });
});
