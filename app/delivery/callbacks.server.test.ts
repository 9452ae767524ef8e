import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, callbackReceipts, cases, outbox, procedureEvents, procedureRequests } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { applyCaseEvent } from "../cases/cases.server";
import { receiveAgencyCallback } from "./callbacks.server";
import { signBody } from "./signature.server";
import { action } from "../routes/api.agencies.$agencyId.callbacks";
import { saveAgencyEndpoint } from "./endpoints.server";

const { db, close } = createTestDatabase();
afterAll(close);

const secret = "japan-post-secret";
let mailId: string;
let electricityId: string;
let moveOutId: string;
let gasId: string;

beforeAll(() => {
  saveAgencyEndpoint(db, { agencyId: "japan-post", url: "http://127.0.0.1:1/x", secret });
  saveAgencyEndpoint(db, { agencyId: "tepco-energy-partner", url: "http://127.0.0.1:1/y", secret: "tepco-secret" });
  const { procedureRequests: requests } = submitSampleCase(db);
  const id = (procedureId: string) => requests.find((request) => request.procedureId === procedureId)!.id;
  mailId = id("mail-forwarding");
  electricityId = id("electricity-move");
  moveOutId = id("move-out-notification");
  gasId = id("gas-move");
  for (const procedureRequestId of [mailId, electricityId]) {
    applyCaseEvent(db, { procedureRequestId, event: { type: "delivery.started" }, actor: "system:test" });
    applyCaseEvent(db, { procedureRequestId, event: { type: "delivery.succeeded" }, actor: "system:test" });
  }
});

function dump() {
  return [cases, procedureRequests, procedureEvents, outbox, auditEntries, callbackReceipts].map((table) => db.select().from(table).all());
}

const body = (fields: Record<string, unknown> = {}) => JSON.stringify({ procedureRequestId: mailId, eventId: randomUUID(), decision: "accepted", reference: "JP-1", ...fields });
const send = (rawBody: string, options: { agencyId?: string; key?: string; now?: Date; signature?: string | null } = {}) =>
  receiveAgencyCallback(db, {
    agencyId: options.agencyId ?? "japan-post",
    rawBody,
    signature: options.signature !== undefined ? options.signature : signBody({ secret: options.key ?? secret, body: rawBody, now: options.now }),
  });

describe("agency callbacks: refusals change nothing", () => {
  it.each<{ name: string; call: () => ReturnType<typeof send>; status: number; code: string }>([
    { name: "a signature under another secret", call: () => send(body(), { key: "guess" }), status: 401, code: "badSignature" },
    { name: "no signature", call: () => send(body(), { signature: null }), status: 401, code: "badSignature" },
    { name: "a body changed after signing", call: () => send(body(), { signature: signBody({ secret, body: body() }) }), status: 401, code: "badSignature" },
    { name: "a timestamp more than 5 minutes old", call: () => send(body(), { now: new Date(Date.now() - 301_000) }), status: 401, code: "staleSignature" },
    { name: "an unknown agency", call: () => send(body(), { agencyId: "nobody" }), status: 404, code: "unknownAgency" },
    { name: "an unknown procedure request", call: () => send(body({ procedureRequestId: "missing" })), status: 404, code: "unknownProcedureRequest" },
    { name: "another agency's procedure request", call: () => send(body({ procedureRequestId: electricityId })), status: 404, code: "unknownProcedureRequest" },
    { name: "a body that is not JSON", call: () => send("{nope"), status: 422, code: "invalidBody" },
    { name: "a rejection without a reason", call: () => send(body({ decision: "rejected", reference: undefined })), status: 422, code: "invalidBody" },
    { name: "an unknown decision", call: () => send(body({ decision: "maybe" })), status: 422, code: "invalidBody" },
  ])("refuses $name ($status $code)", ({ call, status, code }) => {
    const before = dump();
    const outcome = call();
    expect(outcome).toMatchObject({ status, body: { error: { code, message: expect.any(String) } } });
    expect(dump()).toEqual(before);
  });

  it("refuses an event the machine does not take (a decision before delivery)", () => {
    const gasAgency = db.select().from(procedureRequests).all().find((r) => r.id === gasId)!.agencyId;
    saveAgencyEndpoint(db, { agencyId: gasAgency, url: "http://127.0.0.1:1/z", secret: "g-secret" });
    const before = dump();
    const raw = body({ procedureRequestId: gasId });
    expect(send(raw, { agencyId: gasAgency, key: "g-secret" })).toMatchObject({ status: 409, body: { error: { code: "eventRefused" } } });
    expect(dump()).toEqual(before);
  });

  it("refuses a forged API callback for a back-office organisation, even signed with a secret someone stored for it (404, nothing changed)", () => {
    // 千代田区 decides in the back office. A row added by hand to agency_endpoints must not let its secret decide.
    applyCaseEvent(db, { procedureRequestId: moveOutId, event: { type: "delivery.started" }, actor: "system:test" });
    applyCaseEvent(db, { procedureRequestId: moveOutId, event: { type: "delivery.succeeded" }, actor: "system:test" });
    saveAgencyEndpoint(db, { agencyId: "municipality-13101", url: "http://127.0.0.1:1/m", secret: "m-secret" });
    const before = dump();
    const raw = body({ procedureRequestId: moveOutId, decision: "accepted", reference: "FORGED-1" });
    expect(send(raw, { agencyId: "municipality-13101", key: "m-secret" })).toMatchObject({ status: 404, body: { error: { code: "unknownAgency" } } });
    expect(dump()).toEqual(before);
    expect(db.select().from(procedureRequests).all().find((r) => r.id === moveOutId)!.status).toBe("delivered");
  });

  it("applies a good callback once, and refuses its replay by event id or by signature", () => {
    const eventId = randomUUID();
    const raw = body({ eventId, decision: "informationRequested", question: "Which floor?", reference: undefined });
    const signature = signBody({ secret, body: raw });
    expect(send(raw, { signature })).toEqual({ status: 200, body: { ok: true, status: "informationRequested" } });
    const after = dump();
    // The same message again, and the same event id signed afresh one second later.
    expect(send(raw, { signature })).toMatchObject({ status: 409, body: { error: { code: "replay" } } });
    expect(send(raw, { now: new Date(Date.now() + 1_000) })).toMatchObject({ status: 409, body: { error: { code: "replay" } } });
    expect(dump()).toEqual(after);
  });
});

describe("the callback route", () => {
  it("answers JSON with the outcome's status", async () => {
    globalThis.__madoguchiDb = db;
    const raw = body({ procedureRequestId: electricityId, decision: "accepted", reference: "TEPCO-9" });
    const request = (signature: string) =>
      new Request("http://localhost/api/agencies/tepco-energy-partner/callbacks", { method: "POST", body: raw, headers: { "Content-Type": "application/json", "X-Madoguchi-Signature": signature } });
    const ok = await action({ request: request(signBody({ secret: "tepco-secret", body: raw })), params: { agencyId: "tepco-energy-partner" }, context: {} });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, status: "accepted" });
    const bad = await action({ request: request(signBody({ secret: "wrong", body: raw })), params: { agencyId: "tepco-energy-partner" }, context: {} });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: "badSignature" } });
    globalThis.__madoguchiDb = undefined;
  });
});
