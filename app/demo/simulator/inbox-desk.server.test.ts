import { afterAll, describe, expect, it } from "vitest";
import { listProcedureRequestsForCase } from "../../../db/queries/cases";
import { listAuditEntriesForDataSubject } from "../../../db/queries/audit";
import { createUser } from "../../../db/queries/users";
import { createTestDatabase } from "../../../tests/setup/test-db";
import { submitSampleCase } from "../../../tests/factories";
import { applyCaseEvent } from "../../cases/cases.server";
import { Dispatcher } from "../../delivery/dispatcher.server";
import { getAgency } from "../../../flows";
import { createInboxDesk } from "./inbox-desk.server";

const { db, close } = createTestDatabase();
afterAll(close);

describe("the demo's inbox desk", () => {
  it("decides for inbox organisations without an officer, leaves an officer's work to them for a while, and never plays an http agency", async () => {
    createUser(db, { id: "u-pension", loginId: "pension", displayName: "年金 係", role: "officer", agencyId: "japan-pension-service", passwordHash: "x", createdAt: new Date().toISOString() });
    const { case: kase } = submitSampleCase(db, "incorporation", "c-yamada-shoten");
    // Every channel delivers at once here; only the decisions matter.
    let clock = Date.now() + 1_000;
    const dispatcher = new Dispatcher({ db, connectors: () => ({ deliver: async () => ({ ok: true }) }), clock: () => new Date(clock), log: () => {} });
    const desk = createInboxDesk({ db, decisionDelayMs: 3_000, officerGraceMs: 60_000, shares: { accepted: 1, rejected: 0, informationRequested: 0 }, now: () => new Date(clock) });
    const rows = () => listProcedureRequestsForCase(db, { caseId: kase.id });
    const statusOf = (procedureId: string) => rows().find((row) => row.procedureId === procedureId)?.status;

    await dispatcher.runOnce();
    expect(statusOf("articles-certification")).toBe("delivered");
    expect(desk.runOnce()).toBe(0); // the notary office has not taken its time yet
    clock += 5_000;
    expect(desk.runOnce()).toBe(1);
    expect(statusOf("articles-certification")).toBe("accepted");

    await dispatcher.runOnce();
    expect(statusOf("company-registration")).toBe("delivered");
    clock += 5_000;
    desk.runOnce();
    expect(statusOf("company-registration")).toBe("delivered"); // an http agency decides by callback, not by the desk
    const registration = rows().find((row) => row.procedureId === "company-registration")!;
    applyCaseEvent(db, { procedureRequestId: registration.id, event: { type: "agency.accepted", reference: "1234567890123" }, actor: "agency:legal-affairs-13", now: new Date(clock) });

    // Hello Work waits for the labour insurance, and the employees' enrolment for Hello Work's workplace number: three rounds.
    for (let round = 0; round < 3; round++) {
      while ((await dispatcher.runOnce()) > 0);
      clock += 5_000;
      desk.runOnce();
    }
    for (const row of rows()) {
      if (getAgency(row.agencyId)?.channel !== "inbox") continue;
      expect(row.status, row.procedureId).toBe(row.agencyId === "japan-pension-service" ? "delivered" : "accepted");
    }
    clock += 60_000;
    desk.runOnce();
    expect(statusOf("social-insurance-enrolment")).toBe("accepted");
    const audit = listAuditEntriesForDataSubject(db, { dataSubjectId: "c-yamada-shoten" });
    expect(audit.some((entry) => entry.actor === "agency:japan-pension-service" && entry.action === "procedure.agency.accepted")).toBe(true);
  });

  it("asks at most once: after the person's answer it decides", async () => {
    const { case: kase } = submitSampleCase(db, "incorporation", "c-yamada-shoten");
    let clock = Date.now() + 10_000;
    const dispatcher = new Dispatcher({ db, connectors: () => ({ deliver: async () => ({ ok: true }) }), clock: () => new Date(clock), log: () => {} });
    const desk = createInboxDesk({ db, decisionDelayMs: 0, shares: { accepted: 0, rejected: 0, informationRequested: 1 }, now: () => new Date(clock) });
    const articles = () => listProcedureRequestsForCase(db, { caseId: kase.id }).find((row) => row.procedureId === "articles-certification")!;
    while ((await dispatcher.runOnce()) > 0);
    clock += 1_000;
    desk.runOnce();
    expect(articles()).toMatchObject({ status: "informationRequested", informationQuestion: expect.any(String) });
    applyCaseEvent(db, { procedureRequestId: articles().id, event: { type: "citizen.answered", answer: "2027-04-01" }, actor: "user:u-yamada-taro", now: new Date(clock) });
    while ((await dispatcher.runOnce()) > 0);
    clock += 1_000;
    desk.runOnce();
    expect(articles().status).toBe("accepted");
  });
});
