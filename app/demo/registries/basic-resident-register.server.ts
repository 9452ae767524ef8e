// A simulated Basic Resident Register (住民基本台帳) and commercial register for the demo: the people and
// companies the portal knows before anyone types anything. Their values come from flows' demo records,
// the same ones the flow tests and the effort benchmark use.
import type { Tx } from "../../../db/client.server";
import { createDataSubject, writeRecordAttributes } from "../../../db/queries/records";
import { demoCompanyRecords, demoRecords, type HouseholdMember, type RecordValues } from "../../../flows";

/** When the register's values were last recorded, for the demo. */
export const registerDate = new Date("2026-04-01T00:00:00+09:00");

/** Household members who are people of the register in their own right (a family member may be acted for). */
const householdMemberIds: Record<string, Record<string, string>> = {
  "p-sato-kenji": { "佐藤 由美": "p-sato-yumi", "佐藤 大地": "p-sato-daichi", "佐藤 美緒": "p-sato-mio" },
};

const representativeKeys = new Set(["name.kanji", "name.kana", "birthDate", "address"]);

function memberRecord(head: RecordValues, member: HouseholdMember, others: HouseholdMember[]): RecordValues {
  return {
    "name.kanji": member.name,
    "name.kana": member.nameKana,
    birthDate: member.birthDate,
    nationality: head.nationality,
    address: head.address,
    household: others,
    healthInsurance: head.healthInsurance,
  };
}

export function seedBasicResidentRegister(tx: Tx, at: Date = registerDate): string[] {
  const seeded: string[] = [];
  for (const [personId, record] of Object.entries(demoRecords)) {
    createDataSubject(tx, { id: personId, kind: "person", at });
    writeRecordAttributes(tx, { subjectId: personId, values: record, source: { kind: "basicResidentRegister" }, at });
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
      writeRecordAttributes(tx, { subjectId: memberId, values: memberRecord(record, member, others), source: { kind: "basicResidentRegister" }, at });
      seeded.push(memberId);
    }
  }
  // A company being founded is not registered yet: its representative is a person of the register, and
  // what the founder already told the portal about the company (name, head office) is self-declared.
  for (const [companyId, record] of Object.entries(demoCompanyRecords)) {
    createDataSubject(tx, { id: companyId, kind: "company", at });
    const representative = Object.fromEntries(Object.entries(record).filter(([key]) => representativeKeys.has(key)));
    const declared = Object.fromEntries(Object.entries(record).filter(([key]) => !representativeKeys.has(key)));
    writeRecordAttributes(tx, { subjectId: companyId, values: representative, source: { kind: "basicResidentRegister" }, at });
    writeRecordAttributes(tx, { subjectId: companyId, values: declared, source: { kind: "selfDeclared" }, at });
    seeded.push(companyId);
  }
  return seeded;
}
