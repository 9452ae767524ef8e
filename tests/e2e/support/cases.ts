// For stories that follow a case in the portal's own database: the database opened beside the portal, the
// procedure request of one procedure, its status now, and a portal whose agencies' systems accept at once
// (the municipalities with a demo officer are left to the story).
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db } from "../../../db/client.server";
import { getProcedureRequest, listProcedureRequestsForCase } from "../../../db/queries/cases";
import type { Portal } from "./portal";

export const acceptingAgencies = {
  AGENCY_SIMULATOR_DELAY_MS: "100",
  AGENCY_SIMULATOR_ACCEPT_SHARE: "1",
  AGENCY_SIMULATOR_REJECT_SHARE: "0",
  AGENCY_SIMULATOR_ASK_SHARE: "0",
};

/** The portal's database, opened once the portal has started and closed after the stories. */
export function useCaseDatabase(story: { portal: Portal }) {
  const handle = {} as { db: Db };
  beforeAll(() => {
    handle.db = openDatabase(story.portal.databasePath);
  });
  afterAll(() => handle.db?.$client.close());
  return {
    get db() {
      return handle.db;
    },
    requestOf: (caseId: string, procedureId: string) => listProcedureRequestsForCase(handle.db, { caseId }).find((r) => r.procedureId === procedureId)!,
    statusOf: (id: string) => getProcedureRequest(handle.db, { procedureRequestId: id })?.status,
  };
}
