// The car ownership journey and its rules: model-based walks of every path, and who receives what.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { completePayload, createCaseMachine, createJourneyMachine, getLifeEvent, getProcedure, procedureStatuses, selectProcedures } from "../index";
import { exploreJourneys } from "../lib/checks";
import { walkJourney } from "../lib/test-helpers";
import { carOwnershipSamples } from "./samples";

const carOwnership = getLifeEvent("car-ownership")!;
const machine = createJourneyMachine(carOwnership);
const [tanaka, takahashi, ito, suzuki] = carOwnershipSamples;
const filing = { date: "2026-03-01", by: { kind: "self" as const } };
const select = (sample: (typeof carOwnershipSamples)[number], change: Record<string, unknown> = {}) =>
  selectProcedures({ lifeEvent: carOwnership, answers: { ...sample.answers, ...change }, record: sample.record, filing });
const ids = (selected: { procedureId: string }[]) => selected.map((procedure) => procedure.procedureId);
const find = (selected: ReturnType<typeof select>, id: string) => selected.find((procedure) => procedure.procedureId === id)!;

describe("car ownership journey, model-based", () => {
  const walk = walkJourney(carOwnership, machine, tanaka.record);

  it("reaches every question, check answers and confirmed", () => {
    for (const question of carOwnership.questions) expect(walk.reachedStates, question.id).toContain(question.id);
    expect(walk.reachedStates).toContain("checkingAnswers");
    expect(walk.reachedStates).toContain("confirmed");
  });

  it("ends every path of answers in 'confirmed', and a real actor agrees", () => {
    expect(walk.deadEnds.every((state) => state === "confirmed")).toBe(true);
    expect(walk.completePaths.length).toBe(exploreJourneys(carOwnership, tanaka.record).paths);
    for (const path of walk.completePaths) {
      const actor = createActor(machine, { input: { record: tanaka.record } }).start();
      for (const step of path.steps) actor.send(step.event);
      expect(actor.getSnapshot().value).toBe("confirmed");
    }
  });

  it("asks a used car's number and seller, never a new car's", () => {
    const actor = createActor(machine, { input: { record: tanaka.record } }).start();
    actor.send({ type: "answer.submitted", questionId: "vehicleKind", value: "ordinary" });
    actor.send({ type: "answer.submitted", questionId: "condition", value: "new" });
    expect(actor.getSnapshot().value).toBe("acquisitionDate");
    actor.send({ type: "back" });
    actor.send({ type: "answer.submitted", questionId: "condition", value: "used" });
    expect(actor.getSnapshot().value).toBe("registrationNumber");
  });
});

describe("car ownership: who receives what", () => {
  it("a new standard car: parking certificate from the police, then registration and the automobile tax", () => {
    const selected = select(tanaka);
    expect(ids(selected)).toEqual(["parking-certificate-purchase", "vehicle-new-registration", "automobile-tax-acquisition"]);
    expect(find(selected, "parking-certificate-purchase")).toMatchObject({ agencyId: "police-13", prerequisites: [], deadline: null });
    // No registration without the parking certificate; the tax follows the registration.
    expect(find(selected, "vehicle-new-registration")).toMatchObject({ agencyId: "transport-13", prerequisites: ["parking-certificate-purchase"], inPerson: true });
    expect(find(selected, "automobile-tax-acquisition")).toMatchObject({ agencyId: "prefectural-tax-13", prerequisites: ["vehicle-new-registration"] });
    expect(find(selected, "parking-certificate-purchase").payload).toMatchObject({
      name: "田中 一郎",
      address: tanaka.record.address,
      nameKana: "タナカ イチロウ",
      phone: "09012345678",
      parkingSpace: { right: "rented", lengthCm: 500, widthCm: 250 },
      acquiredVehicle: { kind: "ordinary", condition: "new", make: "トヨタ", chassisNumber: "MXPK11-1234567", lengthCm: 394 },
      filedAt: "2026-03-01",
    });
    expect(find(selected, "parking-certificate-purchase").payload).not.toHaveProperty("acquisitionDate");
    // Received by the Metropolitan Police, decided by the station of the parking place (神田神保町: 神田警察署).
    expect(find(selected, "parking-certificate-purchase").agencyId).toBe("police-13");
    expect(find(selected, "parking-certificate-purchase").payload).toMatchObject({ policeStation: { code: "police-13:kanda", name: { ja: "神田警察署" } } });
  });

  it("a used car from Tokyo kept in Sapporo: change of owner within 15 days, and new plates at the Sapporo office", () => {
    const selected = select(takahashi);
    expect(ids(selected)).toEqual(["parking-certificate-purchase", "vehicle-transfer-registration", "number-plate-change", "automobile-tax-acquisition"]);
    // 「その事由があつた日から15日以内」: bought on 10 March, due on 25 March.
    expect(find(selected, "vehicle-transfer-registration")).toMatchObject({ agencyId: "transport-01", deadline: "2026-03-25", inPerson: false });
    expect(find(selected, "vehicle-transfer-registration").payload).toMatchObject({ acquisitionDate: "2026-03-10", acquiredVehicle: { condition: "used", registrationNumber: "品川 300 あ 56-78" } });
    expect(find(selected, "number-plate-change")).toMatchObject({ agencyId: "transport-01", inPerson: true, prerequisites: ["vehicle-transfer-registration"] });
    expect(find(selected, "automobile-tax-acquisition").prerequisites).toEqual(["vehicle-transfer-registration"]);
  });

  it("a used car whose place name stays the same keeps its plates", () => {
    expect(ids(select(takahashi, { registrationNumber: "札幌 330 さ 12-34" }))).not.toContain("number-plate-change");
    // Tokyo to Tokyo, but from Shinagawa's area to Nerima's: new plates.
    const shinjuku = { postalCode: "1600023", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "西新宿", street: "三丁目7番1号" };
    expect(find(select(takahashi, { parkingAddress: shinjuku }), "number-plate-change").agencyId).toBe("transport-13-nerima");
    expect(ids(select(takahashi, { parkingAddress: shinjuku, registrationNumber: "練馬 300 あ 12-34" }))).not.toContain("number-plate-change");
  });

  it("a new kei car: its new inspection (no period after the purchase), then the police notification and the municipality's tax", () => {
    const selected = select(ito);
    expect(ids(selected)).toEqual(["kei-vehicle-new-inspection", "kei-parking-notification", "kei-vehicle-tax"]);
    expect(find(selected, "kei-vehicle-new-inspection")).toMatchObject({ agencyId: "light-vehicle-13", prerequisites: [], deadline: null, inPerson: true });
    // 保管場所法第5条 sets no number of days: the notification is made when the car starts being used.
    expect(find(selected, "kei-parking-notification")).toMatchObject({ agencyId: "police-13", prerequisites: ["kei-vehicle-new-inspection"], deadline: null });
    // 神南 is not in the table of stations: the notification names the place, and the Metropolitan Police assign it.
    expect(find(selected, "kei-parking-notification").payload).toMatchObject({ policeStation: { code: null, name: { ja: "渋谷区神南を管轄する警察署" } } });
    expect(find(selected, "kei-vehicle-tax")).toMatchObject({ agencyId: "municipality-13113", prerequisites: ["kei-vehicle-new-inspection"] });
    expect(find(selected, "kei-vehicle-tax").payload).toMatchObject({ nameKana: "イトウ ユキ" });
    expect(ids(selected)).not.toContain("parking-certificate-purchase");
  });

  it("a used kei car (鈴木さん in Osaka): its change of owner within 15 days of the purchase, with its number", () => {
    const selected = select(suzuki);
    expect(ids(selected)).toEqual(["kei-vehicle-owner-change", "kei-parking-notification", "kei-vehicle-tax"]);
    // Bought on 20 February 2026: 15 days from the next day, due on 7 March (2026 is not a leap year).
    expect(find(selected, "kei-vehicle-owner-change")).toMatchObject({ agencyId: "light-vehicle-27", prerequisites: [], deadline: "2026-03-07", inPerson: false });
    expect(find(selected, "kei-vehicle-owner-change").payload).toMatchObject({ acquiredVehicle: { kind: "kei", condition: "used", registrationNumber: "なにわ 580 あ 12-34" } });
    expect(find(selected, "kei-parking-notification")).toMatchObject({ agencyId: "police-27", prerequisites: ["kei-vehicle-owner-change"] });
    // 本町 is not in the table of stations: the Osaka Prefectural Police are named the place, in both languages.
    expect(find(selected, "kei-parking-notification").payload).toMatchObject({
      policeStation: { code: null, name: { ja: "大阪市中央区本町を管轄する警察署", en: "The police station with jurisdiction over 大阪市中央区本町 (Chuo Ward, Osaka)" } },
    });
    expect(find(selected, "kei-vehicle-tax")).toMatchObject({ agencyId: "municipality-27128", prerequisites: ["kei-vehicle-owner-change"] });
  });

  it("notifies a kei car's parking space only where the owner's base of use is in an area the cabinet order lists", () => {
    // 姫路市 is listed without its former towns: an owner living in 家島町 notifies nothing, one in the city centre does.
    const himeji = (town: string) => ({ postalCode: "6700012", prefecture: "兵庫県", municipalityCode: "28201", municipality: "姫路市", town, street: "1番地" });
    const withAddress = (address: ReturnType<typeof himeji>) => ({ ...ito, record: { ...ito.record, address } });
    expect(ids(select(withAddress(himeji("家島町真浦")), { parkingAddress: himeji("家島町真浦") }))).toEqual(["kei-vehicle-new-inspection", "kei-vehicle-tax"]);
    expect(ids(select(withAddress(himeji("本町")), { parkingAddress: himeji("本町") }))).toContain("kei-parking-notification");
    // The base of use decides, not the parking place: a car kept in 家島町 by an owner living in the centre is notified.
    expect(ids(select(withAddress(himeji("本町")), { parkingAddress: himeji("家島町真浦") }))).toContain("kei-parking-notification");
    // Version 1 notified everywhere; it goes on so for the journeys and cases it began.
    const v1 = getLifeEvent("car-ownership", 1)!;
    expect(selectProcedures({ lifeEvent: v1, answers: { ...ito.answers, parkingAddress: himeji("家島町真浦") }, record: { ...ito.record, address: himeji("家島町真浦") }, filing }).map((p) => p.procedureId)).toEqual([
      "kei-vehicle-inspection",
      "kei-parking-notification",
      "kei-vehicle-tax",
    ]);
  });

  it("runs the case in order: nothing is registered until the parking space is certified", () => {
    const selected = select(tanaka);
    const actor = createActor(createCaseMachine(carOwnership), {
      input: { caseId: "C-CAR-1", selected: selected.map(({ procedureId, prerequisites }) => ({ procedureId, prerequisites })), maxAttempts: 3 },
    }).start();
    const settle = (procedureId: string) => {
      actor.send({ type: "delivery.started", procedureId });
      actor.send({ type: "delivery.succeeded", procedureId });
      actor.send({ type: "agency.accepted", procedureId });
    };
    expect(procedureStatuses(actor.getSnapshot())["vehicle-new-registration"]).toBe("waiting");
    settle("parking-certificate-purchase");
    expect(procedureStatuses(actor.getSnapshot())["vehicle-new-registration"]).toBe("queued");
    expect(procedureStatuses(actor.getSnapshot())["automobile-tax-acquisition"]).toBe("waiting");
    settle("vehicle-new-registration");
    settle("automobile-tax-acquisition");
    expect(actor.getSnapshot().status).toBe("done");
  });

  it("a rejected parking certificate cancels the registration and the tax", () => {
    const selected = select(tanaka);
    const actor = createActor(createCaseMachine(carOwnership), {
      input: { caseId: "C-CAR-2", selected: selected.map(({ procedureId, prerequisites }) => ({ procedureId, prerequisites })), maxAttempts: 3 },
    }).start();
    actor.send({ type: "delivery.started", procedureId: "parking-certificate-purchase" });
    actor.send({ type: "delivery.succeeded", procedureId: "parking-certificate-purchase" });
    actor.send({ type: "agency.rejected", procedureId: "parking-certificate-purchase", reason: "parking-unsuitable" });
    const statuses = procedureStatuses(actor.getSnapshot());
    expect(statuses["vehicle-new-registration"]).toBe("cancelled");
    expect(statuses["automobile-tax-acquisition"]).toBe("cancelled");
  });

  it("every procedure carries its official form and legal basis", () => {
    for (const id of carOwnership.procedures) {
      const procedure = getProcedure(id)!;
      expect(procedure.form?.items.length, id).toBeGreaterThan(0);
      expect(procedure.legalBasis.ja, id).toMatch(/法/);
    }
    expect(completePayload({ procedure: getProcedure("automobile-tax-acquisition")!, payload: find(select(tanaka), "automobile-tax-acquisition").payload, references: {} })).toMatchObject({ parkingAddress: tanaka.answers.parkingAddress });
  });
});
