// Plays an outside organisation's own system against the documented agency API: Japan Post's endpoint
// (a node:http server) receives a delivery from the real dispatcher and http connector, checks it with
// its OWN implementation of the signature scheme and the published JSON Schema, then reports a decision
// with its OWN signing code to the portal's callback route over HTTP. The citizen's status page shows it.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { getProcedureRequest } from "../../db/queries/cases";
import { submitSampleCase } from "../../tests/factories";
import { browserRequest, run, signedInBrowser, useSeededDatabase } from "../../tests/setup/auth";
import { requestOf } from "../../tests/setup/office";
import type { SubmittedCase } from "../cases/cases.server";
import { Dispatcher } from "./dispatcher.server";
import * as callbacksRoute from "../routes/api.agencies.$agencyId.callbacks";
import * as caseStatus from "../routes/cases.$reference";
import * as openApiRoute from "../routes/api.agencies.openapi[.]json";
import { saveAgencyEndpoint } from "./endpoints.server";

const AGENCY = "japan-post";
const SECRET = `outside-${randomUUID()}`; // what Madoguchi's operator and Japan Post agreed on

// ---- Japan Post's side: its own code, written from the OpenAPI document, not from Madoguchi's helpers ----

/** t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">, checked as the document says (tolerance, constant time). */
function verifiedByAgency(header: string | undefined, body: string, now = Date.now()): boolean {
  const match = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(header ?? "");
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", SECRET).update(`${t}.${body}`, "utf8").digest();
  return match[2]
    .split(",v1=")
    .filter(Boolean)
    .some((hex) => timingSafeEqual(Buffer.from(hex, "hex"), expected));
}

function signedByAgency(body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${createHmac("sha256", SECRET).update(`${t}.${body}`, "utf8").digest("hex")}`;
}

type Received = { headers: IncomingHttpHeaders; body: string; signatureValid: boolean };

// ---- The test ----

let db: Db;
let close: () => void;
let tanaka: SubmittedCase;
let agencySystem: Server;
let portal: Server;
let portalUrl: string;
const received: Received[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
async function stop(server: Server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  // Japan Post's system: checks the signature itself, answers 202 with its own reference.
  agencySystem = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const signatureValid = verifiedByAgency(req.headers["x-madoguchi-signature"] as string | undefined, body);
      received.push({ headers: req.headers, body, signatureValid });
      if (!signatureValid) return res.writeHead(401).end();
      res.writeHead(202, { "Content-Type": "application/json" }).end(JSON.stringify({ reference: "JP-RECEIPT-0001" }));
    });
  });
  const agencyUrl = await listen(agencySystem);
  // The portal's callback route, served over HTTP as remix-serve would.
  portal = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", async () => {
      const url = `${portalUrl}${req.url}`;
      const agencyId = /^\/api\/agencies\/([^/]+)\/callbacks$/.exec(req.url ?? "")?.[1] ?? "";
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const response = await callbacksRoute.action({ request: new Request(url, { method: req.method, headers, body }), params: { agencyId }, context: {} });
      res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text());
    });
  });
  portalUrl = await listen(portal);

  saveAgencyEndpoint(db, { agencyId: AGENCY, url: `${agencyUrl}/madoguchi/deliveries`, secret: SECRET });
  tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  // The real dispatcher with the real connectors (inbox, and http for every http agency; those without an endpoint dead-letter).
  const dispatcher = new Dispatcher({ db, log: () => {}, timeoutMs: 2_000 });
  for (let i = 0; i < 10 && (await dispatcher.runOnce()) > 0; i++);
});

afterAll(async () => {
  await stop(agencySystem);
  await stop(portal);
  close();
});

const sendCallback = (body: string, signature = signedByAgency(body)) =>
  fetch(`${portalUrl}/api/agencies/${AGENCY}/callbacks`, { method: "POST", headers: { "Content-Type": "application/json", "X-Madoguchi-Signature": signature }, body });

describe("an outside organisation's system", () => {
  it("receives the delivery, signed as documented, with an idempotency key and a body that matches the published schema", async () => {
    expect(received).toHaveLength(1);
    const [{ headers, body, signatureValid }] = received;
    expect(signatureValid).toBe(true);
    const mailForwarding = requestOf(db, tanaka.case.id, "mail-forwarding");
    expect(headers["idempotency-key"]).toBe(`${mailForwarding.id}-1`);
    expect(headers["content-type"]).toMatch(/^application\/json/);

    // Japan Post validates the body with the OpenAPI document Madoguchi publishes.
    const document = (await openApiRoute.loader({ request: new Request("http://portal/api/agencies/openapi.json"), params: {}, context: {} }).json()) as {
      components: { schemas: Record<string, object> };
    };
    const ajv = new Ajv2020({ strict: false, formats: { date: true, "date-time": true, email: true } });
    for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const validDelivery = ajv.getSchema("#/components/schemas/Delivery")!;
    const delivery = JSON.parse(body) as { procedureRequestId: string; procedureId: string; caseReference: string; payload: Record<string, unknown> };
    expect(validDelivery(delivery), JSON.stringify(validDelivery.errors)).toBe(true);
    expect(delivery).toMatchObject({ procedureRequestId: mailForwarding.id, procedureId: "mail-forwarding", caseReference: tanaka.case.reference });
    expect(Object.keys(delivery.payload).sort()).toEqual(["currentAddress", "moveDate", "movingMembers", "name", "nameKana", "newAddress", "phone"]);

    // Its own check refuses a body that was changed on the way.
    expect(verifiedByAgency(headers["x-madoguchi-signature"] as string, body.replace("mail-forwarding", "mail-forwardinG"))).toBe(false);
    // The portal recorded the delivery and the agency's own reference.
    expect(getProcedureRequest(db, { procedureRequestId: mailForwarding.id })).toMatchObject({ status: "delivered", agencyReference: "JP-RECEIPT-0001" });
  });

  it("reports its decision with its own signature; the portal applies it once, refuses forgeries, and the citizen sees it", async () => {
    const mailForwarding = requestOf(db, tanaka.case.id, "mail-forwarding");
    const body = JSON.stringify({ procedureRequestId: mailForwarding.id, eventId: "jp-evt-0001", decision: "accepted", reference: "JP-FWD-2026-4411" });

    const forged = await sendCallback(body, signedByAgency(body).replace(/v1=./, (m) => (m.endsWith("0") ? "v1=1" : "v1=0")));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "badSignature" } });
    const stale = await sendCallback(body, signedByAgency(body, Date.now() - 10 * 60_000));
    expect(stale.status).toBe(401);
    expect(getProcedureRequest(db, { procedureRequestId: mailForwarding.id })!.status).toBe("delivered");

    const accepted = await sendCallback(body);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ ok: true, status: "accepted" });
    const replay = await sendCallback(body);
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: { code: "replay" } });

    const tanakaBrowser = await signedInBrowser(db, "tanaka");
    const page = await run(() =>
      caseStatus.loader({ request: browserRequest(`/cases/${tanaka.case.reference}`, { as: tanakaBrowser }), params: { reference: tanaka.case.reference }, context: {} }),
    );
    const procedures = (page.data as { procedures: { procedureId: string; status: string; decisionReference: string | null }[] }).procedures;
    expect(procedures.find((p) => p.procedureId === "mail-forwarding")).toMatchObject({ status: "accepted", decisionReference: "JP-FWD-2026-4411" });
  });

  it("cannot decide another organisation's procedure, nor send a decision the schema does not allow", async () => {
    const moveOut = requestOf(db, tanaka.case.id, "move-out-notification");
    const other = await sendCallback(JSON.stringify({ procedureRequestId: moveOut.id, eventId: "jp-evt-0002", decision: "accepted" }));
    expect(other.status).toBe(404);
    expect(getProcedureRequest(db, { procedureRequestId: moveOut.id })!.status).toBe("delivered");
    const invalid = await sendCallback(JSON.stringify({ procedureRequestId: moveOut.id, eventId: "jp-evt-0003", decision: "rejected" }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: "invalidBody" } });
  });
});
