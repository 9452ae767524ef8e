// Plays, for the demo, the organisations that decide in the back office (the inbox channel) but have no
// demo officer: the notary office, labour offices, police, banks, municipalities outside the demo... so
// every demo case ends without anyone's help. An organisation with a demo officer is left to its officer
// for `officerGraceMs` (a tester has time to decide), then the desk decides for it too. Each decision is
// the same case event an officer's or an agency system's decision is: restored machine, audit entry, outbox.
import { getAgency } from "../../../flows";
import type { Db } from "../../../db/client.server";
import { listProcedureRequestsInStatus } from "../../../db/queries/cases";
import { listAgenciesWithOfficers } from "../../../db/queries/users";
import { applyCaseEvent, CaseError, type ProcedureEvent } from "../../cases/cases.server";
import { decisionReference, defaultShares, pickDecision, simulatedQuestion, simulatedRejectionReason, type DecisionShares } from "./agency-simulator.server";

export type InboxDeskOptions = {
  db: Db;
  /** How long an organisation without an officer takes to decide (as the simulator's decision delay). */
  decisionDelayMs?: number;
  /** How long an organisation with a demo officer is left to its officer before the desk decides. */
  officerGraceMs?: number;
  shares?: Partial<DecisionShares>;
  pollMs?: number;
  random?: () => number;
  now?: () => Date;
  log?: (message: string) => void;
};

export type InboxDesk = {
  /** One pass: decides every request that has waited long enough; returns how many it decided. */
  runOnce(): number;
  stop(): void;
};

export const defaultOfficerGraceMs = 30 * 60_000;

export function createInboxDesk({
  db,
  decisionDelayMs = 3_000,
  officerGraceMs = defaultOfficerGraceMs,
  shares: partialShares,
  pollMs = 1_000,
  random = Math.random,
  now = () => new Date(),
  log = () => {},
}: InboxDeskOptions): InboxDesk & { start(): InboxDesk } {
  const shares: DecisionShares = { ...defaultShares, ...partialShares };
  let timer: NodeJS.Timeout | undefined;

  function runOnce(): number {
    const at = now();
    const staffed = new Set(listAgenciesWithOfficers(db));
    const waited = (ms: number) => new Date(at.getTime() - ms).toISOString();
    const candidates = listProcedureRequestsInStatus(db, { status: "delivered", updatedBefore: waited(Math.min(decisionDelayMs, officerGraceMs)) });
    let decided = 0;
    for (const request of candidates) {
      if (getAgency(request.agencyId)?.channel !== "inbox") continue;
      const wait = staffed.has(request.agencyId) ? officerGraceMs : decisionDelayMs;
      if (request.updatedAt >= waited(wait)) continue;
      const decision = pickDecision(shares, request.informationAnswer === null, random);
      const event: ProcedureEvent =
        decision === "accepted"
          ? { type: "agency.accepted", reference: decisionReference(request.agencyId, request.procedureId) }
          : decision === "rejected"
            ? { type: "agency.rejected", reason: simulatedRejectionReason(request.procedureId) }
            : { type: "agency.informationRequested", question: simulatedQuestion };
      try {
        applyCaseEvent(db, { procedureRequestId: request.id, event, actor: `agency:${request.agencyId}`, now: at });
        decided++;
      } catch (error) {
        // An officer decided in the meantime, or another writer won: nothing to do.
        if (!(error instanceof CaseError)) throw error;
      }
    }
    if (decided) log(`decided ${decided} procedure request(s) for organisations without an officer at hand`);
    return decided;
  }

  const desk = {
    runOnce,
    start() {
      if (!timer) {
        timer = setInterval(() => {
          try {
            runOnce();
          } catch (error) {
            log(`desk pass failed: ${(error as Error).message}`);
          }
        }, pollMs);
        timer.unref();
      }
      return desk;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return desk;
}
