// The relocation rules, person by person: who receives what, and why not more.
import { describe, expect, it } from "vitest";
import { getLifeEvent, getProcedure, selectProcedures, type SelectedProcedure } from "../index";
import type { Answers, RecordValues } from "../lib/types";
import { demoAddresses, demoRecords, relocationSamples } from "./samples";

const relocation = getLifeEvent("relocation")!;
const sample = (id: string) => relocationSamples.find((candidate) => candidate.id === id)!;

function select(id: string, change: Answers = {}, record: RecordValues = sample(id).record, optOut?: string[]) {
  return selectProcedures({ lifeEvent: relocation, answers: { ...sample(id).answers, ...change }, record, optOut });
}
const ids = (selected: SelectedProcedure[]) => selected.map((procedure) => procedure.procedureId);
const find = (selected: SelectedProcedure[], procedureId: string) => selected.find((procedure) => procedure.procedureId === procedureId)!;

describe("relocation: who receives what", () => {
  it("Tanaka, alone from Chiyoda to Shinjuku: move-out at Chiyoda, move-in at Shinjuku, utilities and post", () => {
    const selected = select("p-tanaka-ichiro");
    expect(ids(selected)).toEqual([
      "move-out-notification",
      "move-in-notification",
      "my-number-card-address-update",
      "electricity-move",
      "gas-move",
      "internet-move",
      "mail-forwarding",
    ]);
    expect(find(selected, "move-out-notification").agencyId).toBe("municipality-13101");
    expect(find(selected, "move-in-notification").agencyId).toBe("municipality-13104");
    expect(find(selected, "move-in-notification").inPerson).toBe(true);
    expect(find(selected, "move-in-notification").prerequisites).toEqual(["move-out-notification"]);
    expect(find(selected, "electricity-move").agencyId).toBe("tepco-energy-partner");
    expect(find(selected, "gas-move").agencyId).toBe("tokyo-gas");
    expect(find(selected, "internet-move").agencyId).toBe("ntt-east");
  });

  it("the Sato family, to Yokohama with two school children: NHI, pension, child allowance, school, licence, water", () => {
    const selected = select("p-sato-kenji");
    expect(ids(selected)).toEqual(
      expect.arrayContaining(["nhi-withdrawal", "nhi-enrolment", "national-pension-address-change", "child-allowance-claim", "school-transfer", "drivers-licence-address-change", "water-stop", "water-start", "bank-address-change"]),
    );
    expect(find(selected, "nhi-withdrawal").agencyId).toBe("municipality-13112");
    expect(find(selected, "nhi-enrolment").agencyId).toBe("municipality-14104");
    expect(find(selected, "child-allowance-claim").payload).toMatchObject({ children: [{ name: "佐藤 大地" }, { name: "佐藤 美緒" }] });
    expect(find(selected, "school-transfer").payload).toMatchObject({ schoolChildren: [{ name: "佐藤 大地" }, { name: "佐藤 美緒" }] });
    expect(find(selected, "drivers-licence-address-change").agencyId).toBe("police-14");
    expect(find(selected, "water-stop").agencyId).toBe("tokyo-waterworks");
    expect(find(selected, "water-start").agencyId).toBe("municipality-14100");
    expect(find(selected, "bank-address-change").agencyId).toBe("japan-post-bank");
    expect(ids(selected)).not.toContain("long-term-care-insurance");
  });

  it("Suzuki, aged 72, to Kyoto: long-term care insurance and the pension recipient's address", () => {
    const selected = select("p-suzuki-haruko");
    expect(find(selected, "long-term-care-insurance").agencyId).toBe("municipality-26104");
    expect(find(selected, "long-term-care-insurance").payload).toMatchObject({ careInsuredPersons: [{ name: "鈴木 春子", birthDate: "1953-07-07" }] });
    expect(find(selected, "pension-recipient-address-change").agencyId).toBe("japan-pension-service");
    expect(find(selected, "electricity-move").agencyId).toBe("kansai-electric");
    expect(find(selected, "gas-move").agencyId).toBe("osaka-gas");
    expect(ids(selected)).not.toContain("child-allowance-claim");
  });

  it("Takahashi, with a car and a dog, to Fukuoka: licence, parking certificate, registration, dog", () => {
    const selected = select("p-takahashi-ken");
    expect(find(selected, "drivers-licence-address-change").agencyId).toBe("police-40");
    expect(find(selected, "parking-certificate").agencyId).toBe("police-40");
    expect(find(selected, "vehicle-registration-change").agencyId).toBe("transport-40");
    expect(find(selected, "vehicle-registration-change").prerequisites).toEqual(["parking-certificate"]);
    expect(find(selected, "dog-registration-change").agencyId).toBe("municipality-40133");
    expect(find(selected, "internet-move").agencyId).toBe("ntt-west");
    // From Sapporo's registration office to Fukuoka's: a new number and plates, sealed at the new office.
    expect(find(selected, "number-plate-change")).toMatchObject({ agencyId: "transport-40", inPerson: true, prerequisites: ["vehicle-registration-change"], deadline: find(selected, "vehicle-registration-change").deadline });
    // The automobile tax follows the car's base: Fukuoka's prefectural tax office, once the registration is changed.
    expect(find(selected, "automobile-tax-address-change")).toMatchObject({ agencyId: "prefectural-tax-40", prerequisites: ["vehicle-registration-change"], deadline: null });
    expect(find(selected, "automobile-tax-address-change").payload).toMatchObject({ parkingAddress: demoAddresses.takahashiParking, currentAddress: demoAddresses.takahashiOld });
    expect(ids(selected)).not.toContain("my-number-card-address-update");
  });

  it("Nguyen, a foreign resident: the move-in notification carries the residence card number", () => {
    const selected = select("p-nguyen-thi-lan");
    expect(find(selected, "move-in-notification").payload).toMatchObject({ residenceCardNumber: "AB12345678CD", nationality: "VN" });
    expect(find(selected, "move-in-notification").agencyId).toBe("municipality-13113");
  });

  it("Ito, moving within Shibuya: the change-of-address notification, not move-out and move-in", () => {
    const selected = select("p-ito-yuki");
    expect(ids(selected)).toContain("change-of-address-notification");
    expect(ids(selected)).not.toContain("move-out-notification");
    expect(ids(selected)).not.toContain("move-in-notification");
    expect(find(selected, "change-of-address-notification").agencyId).toBe("municipality-13113");
    expect(find(selected, "my-number-card-address-update").prerequisites).toEqual(["change-of-address-notification"]);
  });
});

describe("relocation: one rule at a time", () => {
  it("care insurance turns on at 65 on the move date, not before", () => {
    const turns65 = { ...demoRecords["p-tanaka-ichiro"], birthDate: "1961-03-20" };
    expect(ids(select("p-tanaka-ichiro", {}, turns65))).toContain("long-term-care-insurance");
    expect(ids(select("p-tanaka-ichiro", { moveDate: "2026-03-19" }, turns65))).not.toContain("long-term-care-insurance");
  });

  it("care insurance also covers a household member of 65 or over who moves", () => {
    const members = [{ name: "田中 一", birthDate: "1950-01-01", relationship: "parent" }];
    expect(find(select("p-tanaka-ichiro", { movingMembers: members }), "long-term-care-insurance").payload).toMatchObject({
      careInsuredPersons: [{ name: "田中 一" }],
    });
  });

  it("NHI and National Pension only for those enrolled", () => {
    const tanaka = ids(select("p-tanaka-ichiro"));
    expect(tanaka).not.toContain("nhi-enrolment");
    expect(tanaka).not.toContain("national-pension-address-change");
    const enrolled = ids(select("p-tanaka-ichiro", { healthInsurance: "nhi", pension: "category1" }));
    expect(enrolled).toEqual(expect.arrayContaining(["nhi-withdrawal", "nhi-enrolment", "national-pension-address-change"]));
  });

  it("child allowance and school only with children who move; a child of 19 counts for neither", () => {
    const adultChild = [{ name: "田中 大", birthDate: "2006-01-01", relationship: "child" }];
    const selected = ids(select("p-tanaka-ichiro", { movingMembers: adultChild }));
    expect(selected).not.toContain("child-allowance-claim");
    expect(selected).not.toContain("school-transfer");
    const toddler = [{ name: "田中 小", birthDate: "2023-01-01", relationship: "child" }];
    const withToddler = ids(select("p-tanaka-ichiro", { movingMembers: toddler }));
    expect(withToddler).toContain("child-allowance-claim");
    expect(withToddler).not.toContain("school-transfer");
  });

  it("vehicle procedures only for vehicle owners; a motorcycle needs neither certificate nor registration change", () => {
    expect(ids(select("p-tanaka-ichiro"))).not.toContain("parking-certificate");
    const motorcycle = { ownsVehicle: true, vehicles: [{ registrationNumber: "千代田 あ 12-34", kind: "motorcycle" }], parkingAddress: demoAddresses.tanakaNew };
    const selected = ids(select("p-tanaka-ichiro", motorcycle));
    expect(selected).not.toContain("parking-certificate");
    expect(selected).not.toContain("vehicle-registration-change");
  });

  it("new plates only when the car's base moves to another registration office's area; the automobile tax always follows a standard car", () => {
    const car = { ownsVehicle: true, vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }], parkingAddress: demoAddresses.tanakaNew, parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }] };
    // Chiyoda to Shibuya: both in the area of the Tokyo branch office (品川 plates), so the plates stay.
    const shibuya = { ...demoAddresses.itoNew };
    const withinShinagawa = ids(select("p-tanaka-ichiro", { ...car, parkingAddress: shibuya }));
    expect(withinShinagawa).toEqual(expect.arrayContaining(["vehicle-registration-change", "automobile-tax-address-change"]));
    expect(withinShinagawa).not.toContain("number-plate-change");
    // Chiyoda to Shinjuku: still Tokyo, but Shinjuku is registered at the Nerima office (練馬 plates): new plates there.
    const toNerima = select("p-tanaka-ichiro", car);
    expect(find(toNerima, "number-plate-change").agencyId).toBe("transport-13-nerima");
    expect(find(toNerima, "vehicle-registration-change").agencyId).toBe("transport-13-nerima");
    // Into Setagaya, at the same office as Chiyoda but with its own place name (世田谷): new plates too.
    const setagaya = select("p-tanaka-ichiro", { ...car, newAddress: demoAddresses.satoOld, parkingAddress: demoAddresses.satoOld });
    expect(find(setagaya, "number-plate-change").agencyId).toBe("transport-13");
    // Kept in Yokohama after a move inside Tokyo: the Kanagawa office registers it, with new plates.
    const keptInKanagawa = select("p-tanaka-ichiro", { ...car, parkingAddress: demoAddresses.satoNew });
    expect(find(keptInKanagawa, "number-plate-change").agencyId).toBe("transport-14");
    expect(find(keptInKanagawa, "automobile-tax-address-change").agencyId).toBe("prefectural-tax-14");
    // A kei car is registered and taxed elsewhere (the Light Motor Vehicle Inspection Organization, the municipality).
    const kei = ids(select("p-takahashi-ken", { vehicles: [{ registrationNumber: "札幌 580 あ 12-34", kind: "kei" }] }));
    expect(kei).not.toContain("number-plate-change");
    expect(kei).not.toContain("automobile-tax-address-change");
  });

  it("the old municipality hears that the child allowance ends there, the new one receives the claim", () => {
    const toddler = [{ name: "田中 小", birthDate: "2023-01-01", relationship: "child" }];
    const selected = select("p-tanaka-ichiro", { movingMembers: toddler });
    expect(find(selected, "child-allowance-end")).toMatchObject({ agencyId: "municipality-13101", deadline: null, prerequisites: [] });
    expect(find(selected, "child-allowance-end").payload).toMatchObject({ children: toddler, currentAddress: demoAddresses.tanakaOld, newAddress: demoAddresses.tanakaNew });
    expect(find(selected, "child-allowance-claim").agencyId).toBe("municipality-13104");
    // Within one municipality the entitlement continues: neither notice.
    expect(ids(select("p-ito-yuki", { movingMembers: toddler }))).not.toContain("child-allowance-end");
  });

  it("dog registration only for dog owners", () => {
    expect(ids(select("p-takahashi-ken", { ownsDog: false }))).not.toContain("dog-registration-change");
  });

  it("private services only when picked, and not when unticked at consent", () => {
    expect(ids(select("p-tanaka-ichiro", { services: [] }))).not.toContain("electricity-move");
    const optedOut = ids(select("p-tanaka-ichiro", {}, undefined, ["gas-move", "move-in-notification"]));
    expect(optedOut).not.toContain("gas-move");
    expect(optedOut).toContain("move-in-notification");
  });

  it("computes deadlines from the move date", () => {
    const selected = select("p-tanaka-ichiro");
    expect(find(selected, "move-out-notification").deadline).toBe("2026-03-20");
    expect(find(selected, "move-in-notification").deadline).toBe("2026-04-03");
    // Japan Post forwards from when it has registered the request; no law sets a deadline.
    expect(find(selected, "mail-forwarding").deadline).toBeNull();
  });

  it("meets the catalogue's size: 14+ procedures, 10+ organisations, 4+ private", () => {
    const procedures = relocation.procedures.map((id) => getProcedure(id)!);
    expect(procedures.length).toBeGreaterThanOrEqual(14);
    expect(procedures.filter((procedure) => procedure.sector === "private").length).toBeGreaterThanOrEqual(4);
    const organisations = new Set(
      relocationSamples.flatMap((person) => select(person.id).map((procedure) => procedure.agencyId)),
    );
    expect(organisations.size).toBeGreaterThanOrEqual(10);
  });
});
