// A simulated Basic Resident Register (住民基本台帳) for the demo, with what other organisations hold about the
// same people (the pension service, the police, the transport bureau, the municipality…): the people and
// companies the portal knows before anyone types anything. Their values come from flows' demo records, the
// same ones the flow tests and the effort benchmark use; each value is recorded with who really holds it.
import type { Tx } from "../../../db/client.server";
import { createDataSubject, writeRecordAttributes, type RecordSource } from "../../../db/queries/records";
import { demoCompanyRecords, demoRecords, type HouseholdMember, type RecordAttribute, type RecordValues } from "../../../flows";

/** When the register's values were last recorded, for the demo. */
export const registerDate = new Date("2026-04-01T00:00:00+09:00");

/** Household members who are people of the register in their own right (a family member may be acted for). */
const householdMemberIds: Record<string, Record<string, string>> = {
  "p-sato-kenji": { "佐藤 由美": "p-sato-yumi", "佐藤 大地": "p-sato-daichi", "佐藤 美緒": "p-sato-mio" },
};

const representativeKeys = new Set(["name.kanji", "name.kana", "birthDate", "address"]);

const residentRegister: RecordSource = { kind: "basicResidentRegister" };
const organisation = (ref: string): RecordSource => ({ kind: "organisation", ref });

/** Who holds each value that the resident register does not: the person, or another organisation. */
const heldBy: Partial<Record<RecordAttribute, RecordSource>> = {
  phone: { kind: "selfDeclared" },
  email: { kind: "selfDeclared" },
  vehicles: organisation("transport"),
  driversLicenceNumber: organisation("police"),
  dogs: organisation("municipality"),
  childAllowance: organisation("municipality"),
  longTermCareInsured: organisation("municipality"),
  healthInsurance: organisation("healthInsurer"),
  pension: organisation("pension"),
  basicPensionNumber: organisation("pension"),
  receivesPension: organisation("pension"),
  myNumberCard: organisation("jlis"),
  residenceCardNumber: organisation("immigration"),
  residenceStatus: organisation("immigration"),
  periodOfStayUntil: organisation("immigration"),
};

/** How the register writes a member's relationship to the householder (続柄). */
const relationshipInRegister = (member: HouseholdMember, head: RecordValues): string =>
  member.relationship === "spouse" ? (head.gender === "female" ? "夫" : "妻") : member.relationship === "child" ? "子" : member.relationship === "parent" ? "父母" : "縁故者";

/** Writes a person's values, each with the source that holds it. */
function writeWithSources(tx: Tx, subjectId: string, record: RecordValues, at: Date) {
  const bySource = new Map<string, { source: RecordSource; values: Record<string, unknown> }>();
  for (const [key, value] of Object.entries(record)) {
    const source = heldBy[key as RecordAttribute] ?? residentRegister;
    const id = `${source.kind}:${source.ref ?? ""}`;
    if (!bySource.has(id)) bySource.set(id, { source, values: {} });
    bySource.get(id)!.values[key] = value;
  }
  for (const { source, values } of bySource.values()) writeRecordAttributes(tx, { subjectId, values, source, at });
}

function memberRecord(head: RecordValues, member: HouseholdMember, others: HouseholdMember[]): RecordValues {
  return {
    "name.kanji": member.name,
    "name.kana": member.nameKana,
    birthDate: member.birthDate,
    nationality: head.nationality,
    address: head.address,
    household: others,
    healthInsurance: head.healthInsurance,
    "householder.name": head["householder.name"] ?? head["name.kanji"],
    "householder.relationship": relationshipInRegister(member, head),
  };
}

export function seedBasicResidentRegister(tx: Tx, at: Date = registerDate): string[] {
  const seeded: string[] = [];
  for (const [personId, record] of Object.entries(demoRecords)) {
    createDataSubject(tx, { id: personId, kind: "person", at });
    writeWithSources(tx, personId, record, at);
    seeded.push(personId);
    const memberIds = householdMemberIds[personId] ?? {};
    const household = record.household ?? [];
    for (const member of household) {
      const memberId = memberIds[member.name];
      if (!memberId) continue;
      const head: HouseholdMember = {
        name: record["name.kanji"] ?? "",
        nameKana: record["name.kana"],
        birthDate: record.birthDate ?? "",
        relationship: member.relationship === "child" ? "parent" : member.relationship === "spouse" ? "spouse" : "other",
      };
      const others = [head, ...household.filter((m) => m !== member)];
      createDataSubject(tx, { id: memberId, kind: "person", at });
      writeWithSources(tx, memberId, memberRecord(record, member, others), at);
      seeded.push(memberId);
    }
  }
  // A company being founded is not registered yet: its representative is a person of the register, and
  // what the founder already told the portal about the company (name, head office) is self-declared.
  for (const [companyId, record] of Object.entries(demoCompanyRecords)) {
    createDataSubject(tx, { id: companyId, kind: "company", at });
    const representative = Object.fromEntries(Object.entries(record).filter(([key]) => representativeKeys.has(key)));
    const declared = Object.fromEntries(Object.entries(record).filter(([key]) => !representativeKeys.has(key)));
    writeRecordAttributes(tx, { subjectId: companyId, values: representative, source: residentRegister, at });
    writeRecordAttributes(tx, { subjectId: companyId, values: declared, source: { kind: "selfDeclared" }, at });
    seeded.push(companyId);
  }
  return seeded;
}
