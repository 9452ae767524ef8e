import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgencyEndpoint } from "../../db/queries/agencies";
import { agencyChannels, agencyEndpoints, auditEntries } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { applyCaseEvent } from "../cases/cases.server";
import { receiveAgencyCallback } from "../delivery/callbacks.server";
import { connectorFor } from "../delivery/connectors/index.server";
import { readAgencyEndpoint } from "../delivery/endpoints.server";
import { signBody, verifySignature } from "../delivery/signature.server";
import { AgencyRefusedError, checkEndpointUrl, listAgencyOverviews, rotateSecret, sendTestDelivery, setEndpoint, switchChannel } from "./agencies.server";

const { db, close } = createTestDatabase();
const actor = "u-admin";

/** An outside agency system that checks each delivery's signature with its own secret(s). */
const received: { signedFor: string[]; body: string }[] = [];
const secretsKnown: string[] = [];
const server: Server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    // An agency system that has moved and answers with a redirect to its new address.
    if (req.url === "/moved") return void res.writeHead(307, { Location: "/deliveries" }).end();
    const header = req.headers["x-madoguchi-signature"] as string;
    const signedFor = secretsKnown.filter((secret) => verifySignature({ secret, body, header }).ok);
    received.push({ signedFor, body });
    res.writeHead(signedFor.length > 0 ? 200 : 401, { "Content-Type": "application/json" }).end(JSON.stringify({ reference: "T-1", note: "call 090-1234-5678" }));
  });
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  close();
});

const dump = () => ({ endpoints: db.select().from(agencyEndpoints).all(), channels: db.select().from(agencyChannels).all(), audit: db.select().from(auditEntries).all().length });
const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof AgencyRefusedError) return error.refusal;
    throw error;
  }
  return null;
};

describe("an administrator connects an outside agency system", () => {
  it("accepts https anywhere and http only to this machine outside production", () => {
    expect(checkEndpointUrl("https://post.example/api")).toBeNull();
    expect(checkEndpointUrl("http://127.0.0.1:8080/x")).toBeNull();
    expect(checkEndpointUrl("http://post.example/api")).toBe("agencies.refused.httpsRequired");
    expect(checkEndpointUrl("ftp://post.example/")).toBe("agencies.refused.badUrl");
    expect(checkEndpointUrl("https://user:pw@post.example/")).toBe("agencies.refused.badUrl");
    expect(checkEndpointUrl("not a url")).toBe("agencies.refused.badUrl");
    process.env.MADOGUCHI_MODE = "production";
    try {
      expect(checkEndpointUrl("http://127.0.0.1:8080/x")).toBe("agencies.refused.httpsRequired");
    } finally {
      delete process.env.MADOGUCHI_MODE;
    }
  });

  it("sets the endpoint with a new secret, shown once and stored encrypted; a test delivery is signed and shows the answer, redacted", async () => {
    const { secret } = setEndpoint(db, { agencyId: "japan-post", url, actor });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = getAgencyEndpoint(db, { agencyId: "japan-post" })!;
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(secret!);
    secretsKnown.push(secret!);

    const result = await sendTestDelivery(db, { agencyId: "japan-post", actor });
    expect(result).toMatchObject({ ok: true, httpStatus: 200, problem: null });
    expect(result.answer).toContain('"reference":"T-1"');
    expect(result.answer).not.toContain("1234-5678");
    expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ test: true, caseReference: "TEST", payload: { test: true } });
    // Changing the URL keeps the secret; nothing is shown again.
    expect(setEndpoint(db, { agencyId: "japan-post", url: url + "?v=2", actor }).secret).toBeNull();
    expect(readAgencyEndpoint(db, { agencyId: "japan-post" })!.secrets).toEqual([secret]);
    const actions = db.select().from(auditEntries).all().map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["agency.endpoint.set", "agency.test.sent", "agency.endpoint.changed"]));
    expect(JSON.stringify(db.select().from(auditEntries).all())).not.toContain(secret!);
  });

  it("rotates the secret: both sign deliveries and both are accepted on callbacks during the overlap, then the old one expires by itself", async () => {
    const [oldSecret] = readAgencyEndpoint(db, { agencyId: "japan-post" })!.secrets;
    const now = new Date();
    const { secret: newSecret } = rotateSecret(db, { agencyId: "japan-post", overlapHours: 24, actor, now });
    expect(readAgencyEndpoint(db, { agencyId: "japan-post", now })!.secrets).toEqual([newSecret, oldSecret]);

    // A delivery during the overlap verifies with the agency's old secret, and with the new one.
    secretsKnown.push(newSecret);
    await sendTestDelivery(db, { agencyId: "japan-post", actor, now });
    expect(received.at(-1)!.signedFor).toEqual([oldSecret, newSecret]);

    // A callback signed with the old secret is accepted during the overlap and refused after it.
    const { procedureRequests } = submitSampleCase(db);
    const mail = procedureRequests.find((request) => request.procedureId === "mail-forwarding")!;
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.started" }, actor: "system:test" });
    applyCaseEvent(db, { procedureRequestId: mail.id, event: { type: "delivery.succeeded" }, actor: "system:test" });
    const callback = (eventId: string, at: Date) => {
      const rawBody = JSON.stringify({ procedureRequestId: mail.id, eventId, decision: "informationRequested", question: "Which floor?" });
      return receiveAgencyCallback(db, { agencyId: "japan-post", rawBody, signature: signBody({ secret: oldSecret, body: rawBody, now: at }), now: at });
    };
    const later = new Date(now.getTime() + 25 * 3_600_000);
    expect(callback("late-1", later)).toMatchObject({ status: 401 });
    expect(callback("early-1", now)).toMatchObject({ status: 200 });
    expect(readAgencyEndpoint(db, { agencyId: "japan-post", now: later })!.secrets).toEqual([newSecret]);
    expect(refusal(() => rotateSecret(db, { agencyId: "japan-post", overlapHours: 5, actor }))).toBe("agencies.refused.badOverlap");
  });

  it("a test delivery to an endpoint that redirects reaches no other address, and says it was redirected", async () => {
    setEndpoint(db, { agencyId: "japan-post", url: url.replace("/deliveries", "/moved"), actor });
    const before = received.length;
    const result = await sendTestDelivery(db, { agencyId: "japan-post", actor });
    expect(result).toMatchObject({ ok: false, httpStatus: 307, problem: { key: "deliveryErrors.redirected", values: { status: 307 } } });
    expect(received.length).toBe(before); // the address it named received nothing
    setEndpoint(db, { agencyId: "japan-post", url, actor });
  });

  it("refuses a secret for a back-office organisation; switching 千代田区's channel is explicit, audited, and an API organisation switched to the back office loses its secret and its callbacks", async () => {
    const before = dump();
    expect(refusal(() => setEndpoint(db, { agencyId: "municipality-13101", url, actor }))).toBe("agencies.refused.inboxChannel");
    expect(refusal(() => rotateSecret(db, { agencyId: "municipality-13101", overlapHours: 24, actor }))).toBe("agencies.refused.inboxChannel");
    expect(refusal(() => switchChannel(db, { agencyId: "municipality-13101", channel: "inbox", actor }))).toBe("agencies.refused.sameChannel");
    expect(refusal(() => setEndpoint(db, { agencyId: "nowhere", url, actor }))).toBe("agencies.refused.notFound");
    await expect(sendTestDelivery(db, { agencyId: "municipality-13101", actor })).rejects.toBeInstanceOf(AgencyRefusedError);
    expect(dump()).toEqual(before);

    const [secret] = readAgencyEndpoint(db, { agencyId: "japan-post" })!.secrets;
    switchChannel(db, { agencyId: "japan-post", channel: "inbox", actor });
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })).toBeUndefined();
    const rawBody = JSON.stringify({ procedureRequestId: "x", eventId: "after-switch", decision: "accepted" });
    expect(receiveAgencyCallback(db, { agencyId: "japan-post", rawBody, signature: signBody({ secret, body: rawBody }) })).toMatchObject({ status: 404 });
    expect(await connectorFor(db, "japan-post").deliver({} as never, { timeoutMs: 1 })).toEqual({ ok: true });
    const overview = listAgencyOverviews(db, { lang: "en" }).find((agency) => agency.id === "japan-post")!;
    expect(overview).toMatchObject({ channel: "inbox", switched: true, url: null, hasSecret: false });
    expect(db.select().from(auditEntries).all().at(-1)).toMatchObject({ action: "agency.channel.switched", actor, agencyId: "japan-post", details: JSON.stringify({ from: "http", to: "inbox" }) });
  });
});
