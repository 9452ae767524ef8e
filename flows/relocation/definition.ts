// Moving house (引越し): one journey that tells the old and new municipality, the police, the
// transport bureau, the pension service, utilities, Japan Post and the bank, each only what it needs.
import { relationships, vehicleKinds, type FlowContext, type HouseholdMember } from "../lib/types";
import { both, defineLifeEvent, type ProcedureRule } from "../lib/life-event";
import { questionsFor, type AnswersOf } from "../lib/questions";
import { ageOn } from "../lib/dates";
import { bankIds, platesChange, policeStationFor } from "../agencies";
import * as catalogue from "../procedures";
import { isCareInsuranceAge, isChildAllowanceAge, isCompulsorySchoolAge } from "./eligibility";
import { relocationSamples } from "./samples";
import { withinFilingWindows } from "../lib/answer-checks";
import { filedAt, filedBy } from "../lib/filing";

const q = questionsFor("relocation");

export const services = ["water", "electricity", "gas", "internet", "mailForwarding", "bank"] as const;

// The registers are authoritative: no vehicle, dog or licence on record means none, which the person confirms;
// the yes or no about vehicles and dogs is prefilled from that register's record, so the page names the register
// that holds it (not the licence: a question prefilled from an identity number would be kept as one).
const ownsSome = (items: unknown[] | undefined) => (items ?? []).length > 0;

const questions = [
  q.date("moveDate", { hint: true, example: "2025-04-01" }),
  q.address("currentAddress", { hint: true, prefillFrom: "address" }),
  q.address("newAddress", { hint: true }),
  q.group("movingMembers", {
    hint: true,
    prefillFrom: "household",
    max: 15,
    fields: (f) => [
      f.text("name", { example: "佐藤 花子" }),
      f.text("nameKana", { example: "サトウ ハナコ" }),
      f.date("birthDate", { example: "2015-06-01" }),
      f.choice("relationship", { options: relationships, examples: ["child"] }),
    ],
    examples: [[], [{ name: "佐藤 花子", nameKana: "サトウ ハナコ", birthDate: "2015-06-01", relationship: "child" }]],
  }),
  q.text("currentSchool", { hint: true, maxLength: 100, example: "世田谷区立三軒茶屋小学校" }),
  q.yesNo("hasMyNumberCard", { hint: true, prefillFrom: "myNumberCard" }),
  q.text("residenceCardNumber", { hint: true, prefillFrom: "residenceCardNumber", pattern: /^[A-Z]{2}\d{8}[A-Z]{2}$/, example: "AB12345678CD" }),
  q.choice("healthInsurance", { hint: true, prefillFrom: "healthInsurance", options: ["nhi", "employee", "other"], examples: ["nhi", "employee"] }),
  q.choice("pension", { hint: true, prefillFrom: "pension", options: ["category1", "category2", "category3", "none"], examples: ["category1", "category2"] }),
  q.yesNo("receivesPension", { hint: true, prefillFrom: "receivesPension" }),
  q.text("basicPensionNumber", { hint: true, prefillFrom: "basicPensionNumber", pattern: /^\d{10}$/, example: "1234567890" }),
  q.yesNo("ownsVehicle", { prefillFrom: "vehicles", prefill: (record) => ownsSome(record.vehicles) }),
  q.group("vehicles", {
    hint: true,
    prefillFrom: "vehicles",
    // The register's details (make, chassis number, size) are not asked again: only what the page shows.
    prefill: (record) => record.vehicles?.map(({ registrationNumber, kind }) => ({ registrationNumber, kind })),
    min: 1,
    max: 5,
    fields: (f) => [
      f.text("registrationNumber", { example: "品川 300 あ 12-34" }),
      f.choice("kind", { options: vehicleKinds }),
    ],
  }),
  q.address("parkingAddress", { hint: true }),
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
  q.yesNo("hasDriversLicence", { prefill: (record) => Boolean(record.driversLicenceNumber) }),
  q.text("licenceNumber", { hint: true, prefillFrom: "driversLicenceNumber", pattern: /^\d{12}$/, example: "123456789012" }),
  q.yesNo("ownsDog", { prefillFrom: "dogs", prefill: (record) => ownsSome(record.dogs) }),
  q.group("dogs", {
    hint: true,
    prefillFrom: "dogs",
    min: 1,
    max: 5,
    fields: (f) => [
      f.text("name", { example: "ポチ" }),
      f.text("breed", { example: "柴犬" }),
      f.text("registrationNumber", { example: "第01-2345号" }),
    ],
  }),
  q.choice("services", { hint: true, multiple: true, options: services, examples: [[], [...services]] }),
  q.choice("bank", { options: bankIds }),
  q.text("phone", { hint: true, prefillFrom: "phone", pattern: /^0\d{9,10}$/, example: "0312345678" }),
] as const;

export type RelocationAnswers = AnswersOf<typeof questions>;
type Context = FlowContext<RelocationAnswers>;

// --- Who is moving, and what follows from it ---------------------------------------------------

const members = ({ answers }: Context): HouseholdMember[] => answers.movingMembers ?? [];

export const movesToAnotherMunicipality = ({ answers }: Context) =>
  !!answers.currentAddress && !!answers.newAddress && answers.currentAddress.municipalityCode !== answers.newAddress.municipalityCode;

export const movesWithinMunicipality = ({ answers }: Context) =>
  !!answers.currentAddress && !!answers.newAddress && answers.currentAddress.municipalityCode === answers.newAddress.municipalityCode;

const children = (context: Context) =>
  context.answers.moveDate
    ? members(context).filter(
        (member) => ["child", "grandchild"].includes(member.relationship) && isChildAllowanceAge(member.birthDate, context.answers.moveDate!),
      )
    : [];

const schoolChildren = (context: Context) =>
  context.answers.moveDate ? members(context).filter((member) => isCompulsorySchoolAge(member.birthDate, context.answers.moveDate!)) : [];

const careInsuredPersons = (context: Context) => {
  const { answers, record } = context;
  if (!answers.moveDate) return [];
  const applicant = record["name.kanji"] && record.birthDate ? [{ name: record["name.kanji"], birthDate: record.birthDate }] : [];
  const everyone = [...applicant, ...members(context).map(({ name, birthDate }) => ({ name, birthDate }))];
  return everyone.filter((person) => isCareInsuranceAge(person.birthDate, answers.moveDate!));
};

export const movesWithChildren = (context: Context) => children(context).length > 0;
export const movesWithSchoolChildren = (context: Context) => schoolChildren(context).length > 0;
export const movesSomeoneAged65OrOver = (context: Context) => careInsuredPersons(context).length > 0;
export const isForeignResident = ({ record }: Context) => !!record.nationality && record.nationality !== "JP";
export const isAged60OrOver = ({ answers, record }: Context) =>
  !!answers.moveDate && !!record.birthDate && ageOn(record.birthDate, answers.moveDate) >= 60;
export const hasMyNumberCard = ({ answers }: Context) => answers.hasMyNumberCard === true;
/** The online move-out notification is signed with the card's certificate; without a card it goes by post or at the counter. */
export const lacksMyNumberCard = ({ answers }: Context) => answers.hasMyNumberCard === false;
export const isNhiInsured = ({ answers }: Context) => answers.healthInsurance === "nhi";
export const isPensionCategory1 = ({ answers }: Context) => answers.pension === "category1";
export const receivesPension = ({ answers }: Context) => answers.receivesPension === true;
export const ownsVehicle = ({ answers }: Context) => answers.ownsVehicle === true;
export const ownsCar = ({ answers }: Context) => (answers.vehicles ?? []).some((vehicle) => vehicle.kind !== "motorcycle");
/** Kei cars are registered with the Light Motor Vehicle Inspection Organization, outside this catalogue. */
export const ownsRegisteredCar = ({ answers }: Context) => (answers.vehicles ?? []).some((vehicle) => vehicle.kind === "ordinary");
/**
 * The car's base moves to another registration office's area (or to a municipality with its own place name on
 * the plates), so its number and plates change: 千代田 → 新宿 (品川 → 練馬, both in Tokyo) does, 千代田 → 渋谷
 * (both 品川) does not.
 */
export const changesRegistrationOffice = ({ answers }: Context) => {
  const base = answers.parkingAddress ?? answers.newAddress;
  return !!answers.currentAddress && !!base && platesChange(answers.currentAddress, base);
};
export const hasDriversLicence = ({ answers }: Context) => answers.hasDriversLicence === true;
export const ownsDog = ({ answers }: Context) => answers.ownsDog === true;
export const picked = (service: (typeof services)[number]) => ({ answers }: Context) => (answers.services ?? []).includes(service);
const pickedAnyService = ({ answers }: Context) => (answers.services ?? []).length > 0;

/** Which procedures a move can set off, and the rule that selects each, in the order the pages list them. */
const procedureRules: ProcedureRule<RelocationAnswers>[] = [
  { procedure: catalogue.moveOutNotification, when: movesToAnotherMunicipality, offline: lacksMyNumberCard },
  { procedure: catalogue.moveInNotification, when: movesToAnotherMunicipality },
  { procedure: catalogue.changeOfAddressNotification, when: movesWithinMunicipality },
  { procedure: catalogue.myNumberCardAddressUpdate, when: hasMyNumberCard },
  { procedure: catalogue.nhiWithdrawal, when: both(isNhiInsured, movesToAnotherMunicipality) },
  { procedure: catalogue.nhiEnrolment, when: both(isNhiInsured, movesToAnotherMunicipality) },
  { procedure: catalogue.nationalPensionAddressChange, when: isPensionCategory1 },
  { procedure: catalogue.pensionRecipientAddressChange, when: receivesPension },
  { procedure: catalogue.longTermCareInsurance, when: both(movesSomeoneAged65OrOver, movesToAnotherMunicipality) },
  { procedure: catalogue.childAllowanceEnd, when: both(movesWithChildren, movesToAnotherMunicipality) },
  { procedure: catalogue.childAllowanceClaim, when: both(movesWithChildren, movesToAnotherMunicipality) },
  { procedure: catalogue.schoolTransfer, when: movesWithSchoolChildren },
  { procedure: catalogue.dogRegistrationChange, when: ownsDog },
  { procedure: catalogue.driversLicenceAddressChange, when: hasDriversLicence },
  { procedure: catalogue.parkingCertificate, when: both(ownsVehicle, ownsCar) },
  { procedure: catalogue.vehicleRegistrationChange, when: both(ownsVehicle, ownsRegisteredCar) },
  { procedure: catalogue.numberPlateChange, when: both(ownsVehicle, ownsRegisteredCar, changesRegistrationOffice) },
  { procedure: catalogue.automobileTaxAddressChange, when: both(ownsVehicle, ownsRegisteredCar) },
  { procedure: catalogue.waterStop, when: picked("water") },
  { procedure: catalogue.waterStart, when: picked("water") },
  { procedure: catalogue.electricityMove, when: picked("electricity") },
  { procedure: catalogue.gasMove, when: picked("gas") },
  { procedure: catalogue.internetMove, when: picked("internet") },
  { procedure: catalogue.mailForwarding, when: picked("mailForwarding") },
  { procedure: catalogue.bankAddressChange, when: picked("bank") },
];

/**
 * Procedures version 2 added (2026-12-02, #17): the child allowance's end at the old municipality, new number plates,
 * and the automobile tax's change of address. A journey or case begun on version 1 goes on without them.
 */
const addedInVersion2 = new Set([catalogue.childAllowanceEnd.id, catalogue.numberPlateChange.id, catalogue.automobileTaxAddressChange.id]);

function defineRelocation(version: number, procedures: ProcedureRule<RelocationAnswers>[]) {
  return defineLifeEvent({
    id: "relocation",
    version,
    title: { ja: "引越し（転居・転入・転出）", en: "Moving house" },
    description: {
      ja: "引越しに伴う住民票の異動、マイナンバーカード、健康保険・年金、児童手当・転校、運転免許・自動車、ペット、電気・ガス・水道・郵便・銀行の手続を一度にまとめて行います。",
      en: "Move your resident registration and tell the My Number Card, health insurance and pension, child allowance and schools, your driving licence and vehicles, your dog's registration, and water, energy, post and bank, all at once.",
    },
    questions,
    askWhen: {
      currentSchool: movesWithSchoolChildren,
      residenceCardNumber: isForeignResident,
      receivesPension: isAged60OrOver,
      basicPensionNumber: receivesPension,
      vehicles: ownsVehicle,
      parkingAddress: ownsVehicle,
      parkingSpace: ownsVehicle,
      licenceNumber: hasDriversLicence,
      dogs: ownsDog,
      bank: picked("bank"),
      phone: pickedAnyService,
    },
    provides: {
      name: ({ record }) => record["name.kanji"],
      nameKana: ({ record }) => record["name.kana"],
      birthDate: ({ record }) => record.birthDate,
      gender: ({ record }) => record.gender,
      nationality: ({ record }) => record.nationality,
      email: ({ record }) => record.email,
      phone: ({ answers, record }) => answers.phone ?? record.phone,
      // Never for a Japanese national, even if an answer lingers: they have no residence card.
      residenceCardNumber: ({ answers, record }) => (record.nationality && record.nationality !== "JP" ? answers.residenceCardNumber : undefined),
      moveDate: ({ answers }) => answers.moveDate,
      currentAddress: ({ answers }) => answers.currentAddress,
      newAddress: ({ answers }) => answers.newAddress,
      movingMembers: ({ answers }) => answers.movingMembers,
      children,
      schoolChildren,
      currentSchool: ({ answers }) => answers.currentSchool,
      careInsuredPersons,
      basicPensionNumber: ({ answers }) => answers.basicPensionNumber,
      driversLicenceNumber: ({ answers }) => answers.licenceNumber,
      // Each vehicle with the details the transport bureau's register holds for it (the parking certificate asks them).
      vehicles: ({ answers, record }) =>
        answers.vehicles?.map((vehicle) => ({ ...record.vehicles?.find((known) => known.registrationNumber === vehicle.registrationNumber), ...vehicle })),
      parkingAddress: ({ answers }) => answers.parkingAddress,
      // The police station whose chief certifies the space: routed from where the car is kept, never asked.
      policeStation: ({ answers }) => {
        const place = answers.parkingAddress ?? answers.newAddress;
        return place ? policeStationFor(place) : undefined;
      },
      parkingSpace: ({ answers }) => answers.parkingSpace?.[0],
      householderName: ({ record }) => record["householder.name"],
      relationshipToHouseholder: ({ record }) => record["householder.relationship"],
      residenceStatus: ({ record }) => (record.nationality && record.nationality !== "JP" ? record.residenceStatus : undefined),
      periodOfStay: ({ record }) => (record.nationality && record.nationality !== "JP" ? record.periodOfStayUntil : undefined),
      filedAt,
      filedBy,
      dogs: ({ answers }) => answers.dogs,
    },
    checks: {
      // The move date must lie in the window of the resident registration procedures the answers select; every
      // move is notified to a municipality (in or within it), so before the addresses are known their window holds.
      moveDate: withinFilingWindows("moveDate", { oneOf: [catalogue.moveInNotification, catalogue.changeOfAddressNotification] }),
    },
    procedures,
    samples: relocationSamples,
  });
}

export const relocationV1 = defineRelocation(
  1,
  procedureRules.filter(({ procedure }) => !addedInVersion2.has(procedure.id)),
);
export const relocation = defineRelocation(2, procedureRules);

/** Every published version; an old journey or case is restored with the version that made it. */
export const relocationVersions = [relocationV1, relocation];
