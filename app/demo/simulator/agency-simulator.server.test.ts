import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { procedureRequests } from "../../../db/schema";
import { createTestDatabase } from "../../../tests/setup/test-db";
import { startCallbackServer } from "../../../tests/setup/callback-server";
import { submitSampleCase } from "../../../tests/factories";
import { httpConnector } from "../../delivery/connectors/http.server";
import type { Delivery } from "../../delivery/connectors/connector.server";
import { Dispatcher } from "../../delivery/dispatcher.server";
import { seedAgencyEndpoints } from "../seed.server";
import { demoAgencySecret, signBody } from "../../delivery/signature.server";
import { rotateSecret } from "../../admin/agencies.server";
import { readAgencyEndpoint } from "../../delivery/endpoints.server";
import { portalAgencySecrets } from "./portal-secrets.server";
import { dataDictionary } from "../../../flows";
import { decisionReference, simulatorEndpoint, startAgencySimulator, type AgencySimulator } from "./agency-simulator.server";

const started: AgencySimulator[] = [];
afterAll(async () => {
  await Promise.all(started.map((simulator) => simulator.stop()));
});
async function simulator(options: Parameters<typeof startAgencySimulator>[0] = {}) {
  const sim = await startAgencySimulator({ log: () => {}, ...options });
  started.push(sim);
  return sim;
}

const delivery = (key: string): Delivery => ({
  procedureRequestId: `pr-${key}`,
  caseReference: "MDG-2026-AAAA-BBBB",
  procedureId: "mail-forwarding",
  agencyId: "japan-post",
  payload: {},
  deadline: null,
  idempotencyKey: key,
});
const connectorTo = (sim: AgencySimulator, agencyId = "japan-post", secret = demoAgencySecret(agencyId)) =>
  httpConnector({ url: simulatorEndpoint(sim.url, agencyId), secret });

describe("agency simulator", () => {
  it("applies an Idempotency-Key once and answers a repeat with the same reference", async () => {
    const sim = await simulator();
    const first = await connectorTo(sim).deliver(delivery("k1"), { timeoutMs: 2_000 });
    const again = await connectorTo(sim).deliver(delivery("k1"), { timeoutMs: 2_000 });
    expect(first).toMatchObject({ ok: true, agencyReference: expect.stringMatching(/^JAPAN-POST-/) });
    expect(again).toEqual(first);
    expect(sim.stats()).toMatchObject({ applications: { k1: 1 }, repeats: 1 });
  });

  it("refuses a bad signature, an agency it does not play, and a delivery without a key", async () => {
    const sim = await simulator();
    expect(await connectorTo(sim, "japan-post", "wrong").deliver(delivery("k2"), { timeoutMs: 2_000 })).toMatchObject({ ok: false, permanent: true, error: "HTTP 401", httpStatus: 401 });
    expect(await connectorTo(sim, "municipality-13104").deliver(delivery("k3"), { timeoutMs: 2_000 })).toMatchObject({ ok: false, permanent: true, error: "HTTP 404", httpStatus: 404 });
    const body = "{}";
    const response = await fetch(simulatorEndpoint(sim.url, "japan-post"), {
      method: "POST",
      body,
      headers: { "X-Madoguchi-Signature": signBody({ secret: demoAgencySecret("japan-post"), body }) },
    });
    expect(response.status).toBe(400);
    expect(sim.stats().applications).toEqual({});
  });

  it("injects each fault on request, through its admin endpoint too", async () => {
    const sim = await simulator({ faults: { errorRate: 1 } });
    const send = (key: string, timeoutMs = 2_000) => connectorTo(sim).deliver(delivery(key), { timeoutMs });
    expect(await send("e")).toMatchObject({ ok: false, permanent: false, error: "HTTP 500", httpStatus: 500 });

    const set = (faults: object) => fetch(`${sim.url}/admin/faults`, { method: "POST", body: JSON.stringify({ errorRate: 0, ...faults }) }).then((r) => r.json());
    expect(await set({ timeoutRate: 1 })).toMatchObject({ errorRate: 0, timeoutRate: 1 });
    expect(await send("t", 200)).toMatchObject({ ok: false, permanent: false, error: "timeout after 200 ms" });
    await set({ timeoutRate: 0, dropRate: 1 });
    expect(await send("d")).toMatchObject({ ok: false, permanent: false, error: expect.stringMatching(/^connection failed/) });
    await set({ dropRate: 0, lostResponseRate: 1 });
    expect(await send("l")).toMatchObject({ ok: false, permanent: false });
    await set({ lostResponseRate: 0, slowRate: 1, slowMs: 50 });
    expect(await send("s")).toMatchObject({ ok: true });

    const stats = sim.stats();
    expect(stats.faults).toEqual({ error: 1, timeout: 1, slow: 1, drop: 1, lostResponse: 1 });
    // Only the lost response and the slow answer were applied.
    expect(stats.applications).toEqual({ l: 1, s: 1 });
  });

  it("decides on its own: a submitted case's http procedures end accepted, through signed callbacks", async () => {
    const { db, close } = createTestDatabase();
    const portal = await startCallbackServer(db);
    const sim = await simulator({ portalUrl: portal.url, decisionDelayMs: 10, callbackRetryMs: 20, shares: { accepted: 1, rejected: 0, informationRequested: 0 } });
    seedAgencyEndpoints(db, { baseUrl: sim.url });
    const { procedureRequests: requests } = submitSampleCase(db);
    const dispatcher = new Dispatcher({ db, pollMs: 10, timeoutMs: 2_000, log: () => {} });
    dispatcher.start();
    const http = ["electricity-move", "gas-move", "internet-move", "mail-forwarding"];
    const ids = requests.filter((request) => http.includes(request.procedureId)).map((request) => request.id);
    const statuses = () => db.select().from(procedureRequests).where(inArray(procedureRequests.id, ids)).all().map((row) => row.status);
    // The simulator counts a callback once it has read the portal's answer, just after the portal committed it.
    const settled = () => statuses().every((status) => status === "accepted") && sim.stats().callbacks.sent === 4;
    while (!settled()) await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    expect(statuses()).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    const rows = db.select().from(procedureRequests).where(inArray(procedureRequests.id, ids)).all();
    expect(rows.every((row) => row.agencyReference && row.decisionReference)).toBe(true);
    expect(sim.stats().callbacks.sent).toBe(4);
    await portal.stop();
    close();
  });

  it("keeps deciding after an administrator rotates a secret, through the overlap and after the old secret expired", async () => {
    const { db, close } = createTestDatabase();
    const portal = await startCallbackServer(db);
    const sim = await simulator({ portalUrl: portal.url, decisionDelayMs: 10, callbackRetryMs: 20, shares: { accepted: 1, rejected: 0, informationRequested: 0 }, secretsFor: portalAgencySecrets(db) });
    seedAgencyEndpoints(db, { baseUrl: sim.url });
    // Japan Post's secret was rotated two hours ago with a one-hour overlap: the demo's secret no longer counts.
    const { secret } = rotateSecret(db, { agencyId: "japan-post", overlapHours: 1, actor: "u-admin", now: new Date(Date.now() - 2 * 3_600_000) });
    expect(readAgencyEndpoint(db, { agencyId: "japan-post" })!.secrets).toEqual([secret]);
    // And Tokyo Gas's is in its overlap: deliveries carry both signatures.
    rotateSecret(db, { agencyId: "tokyo-gas", overlapHours: 24, actor: "u-admin" });
    const { procedureRequests: requests } = submitSampleCase(db);
    const dispatcher = new Dispatcher({ db, pollMs: 10, timeoutMs: 2_000, log: () => {} });
    dispatcher.start();
    const ids = requests.filter((request) => ["mail-forwarding", "gas-move"].includes(request.procedureId)).map((request) => request.id);
    const statuses = () => db.select().from(procedureRequests).where(inArray(procedureRequests.id, ids)).all().map((row) => row.status);
    await expect.poll(() => statuses().every((status) => status === "accepted") && sim.stats().callbacks.sent >= 2, { timeout: 60_000, interval: 20 }).toBe(true);
    await dispatcher.stop();
    // (A callback signed with the expired secret would have been refused for good, and Japan Post never accepted.)
    // The demo's own secret alone would now be refused by the portal and by the simulated agency.
    expect(await connectorTo(sim).deliver(delivery("after-rotation"), { timeoutMs: 2_000 })).toMatchObject({ ok: false, httpStatus: 401 });
    await portal.stop();
    close();
  });
});

describe("the numbers a simulated organisation gives on acceptance", () => {
  it("are shaped as the real ones where a later form takes them: corporate number, labour insurance number, Hello Work's workplace number", () => {
    for (let round = 0; round < 20; round++) {
      expect(dataDictionary.corporateNumber.schema.safeParse(decisionReference("legal-affairs-13", "company-registration")).success).toBe(true);
      const labour = decisionReference("labour-standards-chuo", "labour-insurance-establishment");
      expect(dataDictionary.labourInsuranceNumber.schema.safeParse(labour).success, labour).toBe(true);
      expect(labour.slice(0, 2)).toBe("13");
      expect(dataDictionary.employmentInsuranceOfficeNumber.schema.safeParse(decisionReference("hello-work-iidabashi", "employment-insurance-office")).success).toBe(true);
    }
  });
});
