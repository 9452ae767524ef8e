// Owning a car (自動車保有関係手続): buying a car, registering it and keeping it, in one submission. A standard car
// is certified a parking space by the police, then registered by the transport bureau and declared for the
// automobile tax at the prefecture; a kei car goes through the Light Motor Vehicle Inspection Organization, the
// police and the municipality.
import { keiParkingNotificationRequired, plateNameFor, plateNameOf, policeStationFor } from "../agencies";
import { both, defineLifeEvent, type ProcedureRule } from "../lib/life-event";
import { questionsFor, type AnswersOf } from "../lib/questions";
import type { AcquiredVehicle, FlowContext } from "../lib/types";
import { withinFilingWindows } from "../lib/answer-checks";
import { filedAt } from "../lib/filing";
import * as catalogue from "../procedures";
import { carOwnershipSamples } from "./samples";

const q = questionsFor("car-ownership");

const questions = [
  q.choice("vehicleKind", {
    hint: true,
    options: ["ordinary", "kei"],
    examples: ["ordinary", "kei"],
  }),
  q.choice("condition", {
    hint: true,
    options: ["new", "used"],
    examples: ["new", "used"],
  }),
  q.text("registrationNumber", {
    hint: true,
    maxLength: 30,
    pattern: /^\S+[\s\u3000]+\d{2,3}[\s\u3000]+\S[\s\u3000]+[\d・-]{1,5}$/,
    example: "品川 300 あ 12-34",
  }),
  q.date("acquisitionDate", { hint: true, example: "2026-03-15" }),
  // What the completion inspection certificate (new) or the inspection certificate (used) says of the car.
  q.group("vehicle", {
    hint: true,
    min: 1,
    max: 1,
    fields: (f) => [
      f.text("make", { maxLength: 30, example: "トヨタ" }),
      f.text("model", { maxLength: 30, example: "6AA-MXPK11" }),
      f.text("chassisNumber", {
        maxLength: 30,
        pattern: /^[A-Z0-9-]{4,30}$/,
        example: "MXPK11-1234567",
      }),
      f.number("lengthCm", { min: 100, max: 1300, examples: [394] }),
      f.number("widthCm", { min: 100, max: 300, examples: [169] }),
      f.number("heightCm", { min: 100, max: 400, examples: [150] }),
    ],
  }),
  // Most cars are kept at home: the address on record is offered, and a car park elsewhere is entered.
  q.address("parkingAddress", { hint: true, prefillFrom: "address" }),
  // The parking certificate's layout drawing and right of use, as one answer.
  q.group("parkingSpace", {
    hint: true,
    min: 1,
    max: 1,
    fields: (f) => [
      f.choice("right", { options: ["own", "rented"], examples: ["rented"] }),
      f.number("lengthCm", { min: 100, max: 2000, examples: [500] }),
      f.number("widthCm", { min: 100, max: 1000, examples: [250] }),
    ],
  }),
] as const;

export type CarOwnershipAnswers = AnswersOf<typeof questions>;
type Context = FlowContext<CarOwnershipAnswers>;

export const isStandardCar = ({ answers }: Context) => answers.vehicleKind === "ordinary";
export const isKeiCar = ({ answers }: Context) => answers.vehicleKind === "kei";
export const isNew = ({ answers }: Context) => answers.condition === "new";
export const isUsed = ({ answers }: Context) => answers.condition === "used";
/**
 * A used car keeps its number when its new base is in the area of the same place name (same registration office,
 * no local place name of its own); otherwise the change of owner gives it a new number and plates.
 */
export const changesPlates = ({ answers }: Context) =>
  !!answers.registrationNumber && !!answers.parkingAddress && plateNameOf(answers.registrationNumber) !== plateNameFor(answers.parkingAddress);

/**
 * A kei car's parking space is notified only where the law applies: the holder's base of use (使用の本拠の位置, a
 * private owner's address on record) in a special ward or a city the cabinet order lists (保管場所法附則第2項).
 */
export const mustNotifyKeiParking = ({ record }: Context) => !!record.address && keiParkingNotificationRequired(record.address);

function acquiredVehicle({ answers }: Context): AcquiredVehicle | undefined {
  const vehicle = answers.vehicle?.[0];
  if (!vehicle || !answers.vehicleKind || !answers.condition) return undefined;
  return {
    kind: answers.vehicleKind,
    condition: answers.condition,
    ...(answers.condition === "used" && answers.registrationNumber ? { registrationNumber: answers.registrationNumber } : {}),
    ...vehicle,
  };
}

/** A standard car's procedures, the same in both versions. */
const standardCarRules: ProcedureRule<CarOwnershipAnswers>[] = [
  { procedure: catalogue.parkingCertificatePurchase, when: isStandardCar },
  {
    procedure: catalogue.vehicleNewRegistration,
    when: both(isStandardCar, isNew),
  },
  {
    procedure: catalogue.vehicleTransferRegistration,
    when: both(isStandardCar, isUsed),
  },
  {
    procedure: catalogue.numberPlateChange,
    when: both(isStandardCar, isUsed, changesPlates),
  },
  { procedure: catalogue.automobileTaxAcquisition, when: isStandardCar },
];

const procedureRulesV1: ProcedureRule<CarOwnershipAnswers>[] = [
  ...standardCarRules,
  { procedure: catalogue.keiVehicleInspection, when: isKeiCar },
  { procedure: catalogue.keiParkingNotification, when: isKeiCar },
  { procedure: catalogue.keiVehicleTax, when: isKeiCar },
];

/**
 * Version 2 (2026-12-03, #17): a new kei car's inspection (no period after the purchase, 道路運送車両法第58条〜第60条)
 * and a used kei car's change of owner (15 days, 第67条) are two procedures, as a standard car's new registration and
 * change of owner are; and the kei car's parking notification is filed only where the law applies (保管場所法附則第2項).
 * A journey or case begun on version 1 goes on with its single kei procedure.
 */
const procedureRulesV2: ProcedureRule<CarOwnershipAnswers>[] = [
  ...standardCarRules,
  { procedure: catalogue.keiVehicleNewInspection, when: both(isKeiCar, isNew) },
  { procedure: catalogue.keiVehicleOwnerChange, when: both(isKeiCar, isUsed) },
  {
    procedure: catalogue.keiParkingNotification,
    when: both(isKeiCar, mustNotifyKeiParking),
  },
  { procedure: catalogue.keiVehicleTax, when: isKeiCar },
];

const defineCarOwnership = (version: number, procedures: ProcedureRule<CarOwnershipAnswers>[]) =>
  defineLifeEvent({
    id: "car-ownership",
    version,
    title: { ja: "自動車の保有（購入・登録）", en: "Owning a car" },
    description: {
      ja: "自動車を買ったときの車庫証明、新規登録・名義変更、自動車税の申告（軽自動車は検査・保管場所届出・軽自動車税）を一度にまとめて行います。",
      en: "When you buy a car: the parking space certificate, the registration or change of owner, and the automobile tax declaration (for a kei car: its inspection, parking notification and kei car tax), all at once.",
    },
    questions,
    askWhen: {
      registrationNumber: isUsed,
    },
    provides: {
      name: ({ record }) => record["name.kanji"],
      nameKana: ({ record }) => record["name.kana"],
      phone: ({ record }) => record.phone,
      // The base of use (使用の本拠の位置) of a private car is where its owner lives: the resident register's address.
      address: ({ record }) => record.address,
      parkingAddress: ({ answers }) => answers.parkingAddress,
      // The police station whose chief certifies the space: routed from where the car is kept, never asked.
      policeStation: ({ answers }) => (answers.parkingAddress ? policeStationFor(answers.parkingAddress) : undefined),
      parkingSpace: ({ answers }) => answers.parkingSpace?.[0],
      acquiredVehicle,
      acquisitionDate: ({ answers }) => answers.acquisitionDate,
      // A used standard car as the transport bureau registers it, for new plates when its place name changes.
      vehicles: (context) => {
        const vehicle = acquiredVehicle(context);
        if (!vehicle?.registrationNumber || vehicle.kind !== "ordinary") return undefined;
        const { condition: _condition, registrationNumber, kind, ...details } = vehicle;
        return [{ registrationNumber, kind, ...details }];
      },
      filedAt,
    },
    checks: {
      // The acquisition date must lie in the window of the procedures the answers select (asked after the kind of car
      // and whether it is new, so they are known): the parking certificate serves a registration within about a month,
      // a used car's change of owner is registered, and a used kei car's recorded, within 15 days (道路運送車両法第13条・
      // 第67条); a new car, standard or kei, has no period after its acquisition (第7条・第59条).
      acquisitionDate: withinFilingWindows("acquisitionDate"),
    },
    procedures,
    samples: carOwnershipSamples,
  });

export const carOwnershipV1 = defineCarOwnership(1, procedureRulesV1);
export const carOwnership = defineCarOwnership(2, procedureRulesV2);

/** Every published version; an old case is restored with the version that made it. */
export const carOwnershipVersions = [carOwnershipV1, carOwnership];
