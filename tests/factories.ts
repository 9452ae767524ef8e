// Test data: cases submitted from the flows' own samples, so tests exercise the real catalogue.
import { randomUUID } from "node:crypto";
import { getLifeEvent, selectProcedures } from "../flows";
import type { Db } from "../db/client.server";
import { submitCase, type SubmitCaseArgs } from "../app/cases/cases.server";

export function sampleOf(lifeEventId: string, sampleId: string) {
  const lifeEvent = getLifeEvent(lifeEventId);
  const sample = lifeEvent?.samples.find((candidate) => candidate.id === sampleId);
  if (!lifeEvent || !sample) throw new Error(`No sample ${lifeEventId}/${sampleId}`);
  return { lifeEvent, sample };
}

/** The arguments of a submit for a flows sample, consenting to every procedure it selects. */
export function sampleSubmission(lifeEventId: string, sampleId: string, overrides: Partial<SubmitCaseArgs> = {}): SubmitCaseArgs {
  const { lifeEvent, sample } = sampleOf(lifeEventId, sampleId);
  const selected = selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record });
  return {
    lifeEventId,
    answers: sample.answers,
    record: sample.record,
    applicantId: sample.id,
    actorId: `user:${sample.id}`,
    submissionToken: randomUUID(),
    consent: { procedureIds: selected.map((procedure) => procedure.procedureId), givenAt: new Date() },
    maxAttempts: 3,
    ...overrides,
  };
}

export function submitSampleCase(db: Db, lifeEventId = "relocation", sampleId = "p-tanaka-ichiro", overrides: Partial<SubmitCaseArgs> = {}) {
  return submitCase(db, sampleSubmission(lifeEventId, sampleId, overrides));
}
