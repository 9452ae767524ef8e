// Crash test of submitting (issue 11, item 7): a process that submits journeys one after another is killed
// with SIGKILL at 50 different points (it counts its writes and kills itself at the one chosen, so the test
// waits on no clock). After every kill, before anything repairs it, each case has its consent.given entry
// and its journey marked submitted (one transaction); after the start-up's recovery,
// no journey is stuck: the person can start the life event again. A journey left half-way by an older
// version (three transactions) is finished by itself.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import path from "node:path";
import { eq } from "drizzle-orm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.server";
import { verifyAuditChain } from "../db/queries/audit";
import { auditEntries, cases, journeys } from "../db/schema";
import { seedBasicResidentRegister } from "../app/demo/registries/basic-resident-register.server";
import { findJourneyView, recoverInterruptedSubmissions, startOrResumeJourney } from "../app/journeys/journeys.server";
import { submitSampleCase } from "./factories";
import { setJourneySubmissionToken } from "../db/queries/journeys";
import type { Db } from "../db/client.server";

const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-submission-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, MADOGUCHI_LOG: "silent", MADOGUCHI_DATA_DIR: dir };
// The child is bundled once (our TypeScript only; packages stay in node_modules) and run with plain node:
// fifty starts through tsx would spend most of the test transforming the same files again.
const childScript = path.join("tests", ".artifacts", "submission-child.mjs");
beforeAll(async () => {
  await build({ entryPoints: ["tests/chaos/submission-child.ts"], bundle: true, platform: "node", format: "esm", packages: "external", outfile: childScript, logLevel: "error" });
}, 120_000);

/** Cases without consent.given, and cases whose journey is not marked submitted with them. */
function incomplete(db: Db) {
  const consented = new Set(db.select().from(auditEntries).where(eq(auditEntries.action, "consent.given")).all().map((entry) => entry.subjectId));
  const journeyOf = new Map(db.select().from(journeys).all().map((journey) => [journey.submissionToken, journey]));
  return db
    .select()
    .from(cases)
    .all()
    .flatMap((kase) => [
      ...(consented.has(kase.id) ? [] : [`${kase.reference}: no consent.given`]),
      ...(journeyOf.get(kase.submissionToken)?.caseId === kase.id ? [] : [`${kase.reference}: journey not submitted`]),
    ]);
}

/**
 * Runs the submitting process until it kills itself at its `killAtWrite`-th write; says whether the kill fell
 * while a submission was under way (after "submitting n", before "submitted n"). No clock decides anything.
 */
function runUntilKilled(file: string, killAtWrite: number): Promise<{ duringSubmit: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, file, String(killAtWrite)], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let last = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on("line", (line) => (last = line));
    child.on("close", (code, signal) =>
      signal === "SIGKILL" ? resolve({ duringSubmit: last.startsWith("submitting") }) : reject(new Error(`child ended by itself (${code}): ${stderr}`)),
    );
  });
}

describe("submitting survives a killed server", () => {
  // Fifty kills, each at a chosen write (1, 3, 5 ... 99 writes after start; one submission is about forty),
  // so every step of a submission, inside its transaction and between transactions, is hit on any machine.
  it("leaves every case complete with its consent entry, after 50 kills, and no journey stuck", async () => {
    const file = path.join(dir, "crash.db");
    const db = openDatabase(file);
    seedBasicResidentRegister(db);
    db.$client.close();
    const trials = 50;
    let caseCount = 0;
    let duringSubmit = 0;
    const problems: string[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const killAtWrite = 1 + 2 * trial;
      const run = await runUntilKilled(file, killAtWrite);
      if (run.duringSubmit) duringSubmit += 1;
      const after = openDatabase(file);
      const at = `kill at write ${killAtWrite}`;
      problems.push(...incomplete(after).map((problem) => `${at}, before recovery: ${problem}`));
      recoverInterruptedSubmissions(after);
      problems.push(...incomplete(after).map((problem) => `${at}, after recovery: ${problem}`));
      const inProgress = findJourneyView(after, { subjectId: "p-tanaka-ichiro", lifeEventId: "relocation" });
      const token = inProgress?.submissionToken;
      if (token && after.select().from(cases).where(eq(cases.submissionToken, token)).get()) problems.push(`${at}: journey stuck on a submitted case`);
      caseCount = after.select().from(cases).all().length;
      after.$client.close();
    }
    const db2 = openDatabase(file);
    expect(problems).toEqual([]);
    expect(caseCount).toBeGreaterThan(trials / 5); // kills fell after whole submissions, too
    expect(duringSubmit).toBeGreaterThan(3); // and in the middle of submitting
    expect(verifyAuditChain(db2).ok).toBe(true);
    db2.$client.close();
    // As every crash test: the limit only stops a hang (fifty process starts take minutes on a busy machine).
  }, 900_000);
});

describe("a journey left half-way by an older version", () => {
  it("is finished by itself: journey submitted, consent recorded once, and the person can start again", () => {
    const file = path.join(dir, "half.db");
    const db = openDatabase(file);
    seedBasicResidentRegister(db);
    // What the old three-transaction submit left after a crash between the case and the journey: a journey
    // in progress whose token made a case, and no consent.given.
    const journey = startOrResumeJourney(db, { subjectId: "p-tanaka-ichiro", actorId: "u-tanaka-ichiro", lifeEventId: "relocation" });
    const token = "half-way-token";
    setJourneySubmissionToken(db, { id: journey.id, token });
    const { case: kase } = submitSampleCase(db, "relocation", "p-tanaka-ichiro", { submissionToken: token, actorId: "u-tanaka-ichiro" });
    expect(incomplete(db)).toEqual([`${kase.reference}: no consent.given`, `${kase.reference}: journey not submitted`]);

    const again = startOrResumeJourney(db, { subjectId: "p-tanaka-ichiro", actorId: "u-tanaka-ichiro", lifeEventId: "relocation" });
    expect(again.id).not.toBe(journey.id);
    expect(again.submissionToken ?? null).toBeNull();
    expect(incomplete(db)).toEqual([]);
    const consent = db.select().from(auditEntries).where(eq(auditEntries.action, "consent.given")).all();
    expect(consent).toHaveLength(1);
    expect(JSON.parse(consent[0].details)).toMatchObject({ recovered: true });
    expect(recoverInterruptedSubmissions(db)).toBe(0);
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "consent.given")).all()).toHaveLength(1);
    db.$client.close();
  });
});
