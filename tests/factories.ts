// Test data: cases submitted from the flows' own samples, so tests exercise the real catalogue.
import { randomUUID } from "node:crypto";
import { getLifeEvent, selectProcedures } from "../flows";
import type { Db } from "../db/client.server";
import { submitCase, type SubmitCaseArgs } from "../app/cases/cases.server";
import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import { insertIdea, insertIdeaEvent } from "../db/queries/ideas";

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

/** A published idea about the pension office's address change, by 鈴木さん (name not shown). */
export function createSampleIdea(db: Db): number {
  const author = db.select({ id: users.id }).from(users).where(eq(users.loginId, "suzuki")).get();
  if (!author) throw new Error("seed the demo accounts first");
  const at = new Date().toISOString();
  const idea = insertIdea(db, {
    kind: "idea",
    title: "年金の住所変更も一緒に",
    body: "引っ越しのとき、年金の住所変更が自動で届くとうれしいです。",
    lifeEventId: "relocation",
    procedureId: "pension-recipient-address-change",
    authorId: author.id,
    status: "received",
    createdAt: at,
    updatedAt: at,
  });
  insertIdeaEvent(db, { ideaId: idea.id, kind: "received", toStatus: "received", actor: author.id, at });
  return idea.id;
}

/** A form as a browser posts it, from name–value pairs. */
export function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}
