// Once only: when an organisation accepts a procedure that establishes a new fact (the new municipality
// accepts the move-in), the fact is written back to the person's record with the case as its source,
// so the next journey prefills it.
import type { Tx } from "../../db/client.server";
import { findDataSubject } from "../../db/queries/records";
import { writeRecord } from "../identity/security/identity-numbers.server";

type Answers = Record<string, unknown>;

/** Which record attributes each accepted procedure establishes, from the case's answers. */
const writeBacks: Record<string, (answers: Answers) => Record<string, unknown>> = {
  "move-in-notification": (answers) => ({ address: answers.newAddress, household: answers.movingMembers }),
  "change-of-address-notification": (answers) => ({ address: answers.newAddress, household: answers.movingMembers }),
};

export function writeBackOnAcceptance(
  tx: Tx,
  { procedureId, applicantId, caseReference, answers, at }: { procedureId: string; applicantId: string; caseReference: string; answers: Answers; at?: Date },
): string[] {
  const build = writeBacks[procedureId];
  // Only people and companies of the register have a record to write back to.
  if (!build || !findDataSubject(tx, { id: applicantId })) return [];
  return writeRecord(tx, { subjectId: applicantId, values: build(answers), source: { kind: "case", ref: caseReference }, at });
}
