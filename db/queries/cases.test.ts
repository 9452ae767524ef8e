import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { findLatestCorrections, listProcedureEvents, listProcedureEventsForCase } from "./cases";

// A connection of its own, so the reads below are prepared (and seen) by the test.
const { db, close } = createTestDatabase();
afterAll(close);

describe("a procedure request's status events", () => {
  it("are read through the one index on their request", () => {
    for (let i = 0; i < 3; i++) submitSampleCase(db);
    const { case: kase, procedureRequests } = submitSampleCase(db);
    const ids = procedureRequests.map((each) => each.id);
    const prepared = vi.spyOn(db.$client, "prepare");
    const forCase = listProcedureEventsForCase(db, { caseId: kase.id });
    const forRequest = listProcedureEvents(db, { procedureRequestId: ids[0] });
    findLatestCorrections(db, { procedureRequestIds: ids.slice(0, 2) });
    const reads = prepared.mock.calls.map(([text]) => text).filter((text) => /from "procedure_events"/i.test(text));
    prepared.mockRestore();
    // The case's events and no other case's; a request's in the order they happened.
    expect(new Set(forCase.map((event) => event.procedureRequestId))).toEqual(new Set(ids));
    expect(forRequest.length).toBeGreaterThan(0);
    expect(forRequest.map((event) => event.id)).toEqual(forRequest.map((event) => event.id).sort((a, b) => a - b));
    expect(reads).toHaveLength(3);
    for (const text of reads) {
      const plan = db.$client.prepare(`explain query plan ${text}`).all(...Array.from(text.matchAll(/\?/g), () => "x")) as { detail: string }[];
      const steps = plan.map((step) => step.detail).filter((detail) => / procedure_events\b/.test(detail));
      expect(steps).toEqual([expect.stringMatching(/^SEARCH procedure_events USING (COVERING )?INDEX procedure_events_request_status_idx \(procedure_request_id=\?/)]);
    }
  });

  it("have one index on their request: each one more costs every status event another page of log", () => {
    const indexes = db.$client.prepare("select name from pragma_index_list('procedure_events')").all() as { name: string }[];
    const leading = (index: string) => (db.$client.prepare("select name from pragma_index_info(?) where seqno = 0").get(index) as { name: string }).name;
    expect(indexes.filter(({ name }) => leading(name) === "procedure_request_id").map(({ name }) => name)).toEqual(["procedure_events_request_status_idx"]);
  });
});
