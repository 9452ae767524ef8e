// Test helpers for the back office: run the real dispatcher until nothing is due (every agency's system
// answering "received"), and decide a procedure as an organisation that has no officer in the demo.
import type { Db } from "../../db/client.server";
import { listProcedureRequestsForCase } from "../../db/queries/cases";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { Dispatcher } from "../../app/delivery/dispatcher.server";

/** Delivers everything due through the real dispatcher; every connector reports success. */
export async function deliverAll(db: Db) {
  const dispatcher = new Dispatcher({ db, log: () => {}, connectors: () => ({ deliver: async () => ({ ok: true }) }) });
  for (let i = 0; i < 20 && (await dispatcher.runOnce()) > 0; i++);
}

/** The procedure request of one procedure in one case. */
export function requestOf(db: Db, caseId: string, procedureId: string) {
  const request = listProcedureRequestsForCase(db, { caseId }).find((row) => row.procedureId === procedureId);
  if (!request) throw new Error(`case ${caseId} has no ${procedureId}`);
  return request;
}

/** An organisation without a demo officer (e.g. the old municipality) accepts, as its system would. */
export function acceptAsAgency(db: Db, caseId: string, procedureId: string, reference = "TEST-1") {
  const request = requestOf(db, caseId, procedureId);
  return applyCaseEvent(db, { procedureRequestId: request.id, event: { type: "agency.accepted", reference }, actor: `agency:${request.agencyId}` });
}

/** Delivers everything due through the real dispatcher to agencies that refuse it for good (HTTP 400): dead letters. */
export async function refuseAll(db: Db, responseBody = '{"error":"The delivery was refused"}') {
  const dispatcher = new Dispatcher({
    db,
    log: () => {},
    connectors: () => ({ deliver: async () => ({ ok: false, permanent: true, error: "HTTP 400", httpStatus: 400, responseBody }) }),
  });
  for (let i = 0; i < 20 && (await dispatcher.runOnce()) > 0; i++);
}
