import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Delivery } from "./connector.server";
import { classifyStatus, httpConnector, parseRetryAfter } from "./http.server";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let url: string;
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const secret = "agency-secret";
const delivery: Delivery = {
  procedureRequestId: "pr-1",
  caseReference: "MDG-2026-ABCD-EFGH",
  procedureId: "mail-forwarding",
  agencyId: "japan-post",
  payload: { address: "x" },
  deadline: "2026-12-01",
  idempotencyKey: "pr-1-1",
};
const deliver = (timeoutMs = 2_000) => httpConnector({ url, secret }).deliver(delivery, { timeoutMs });

describe("http connector", () => {
  it("posts the signed JSON with the idempotency key, and keeps the agency's reference", async () => {
    received.length = 0;
    handler = (_req, res) => res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ reference: "JP-778" }));
    expect(await deliver()).toEqual({ ok: true, agencyReference: "JP-778", httpStatus: 201, responseBody: '{"reference":"JP-778"}' });
    const [{ headers, body }] = received;
    expect(headers["idempotency-key"]).toBe("pr-1-1");
    expect(headers["content-type"]).toBe("application/json");
    expect(JSON.parse(body)).toEqual({
      procedureRequestId: "pr-1",
      caseReference: "MDG-2026-ABCD-EFGH",
      procedureId: "mail-forwarding",
      payload: { address: "x" },
      deadline: "2026-12-01",
    });
    // An independent computation of the signature.
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["x-madoguchi-signature"]));
    expect(match).not.toBeNull();
    const [, t, v1] = match!;
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  });

  it("keeps the idempotency key the same on every retry", async () => {
    received.length = 0;
    handler = (_req, res) => res.writeHead(503).end();
    await deliver();
    await deliver();
    expect(received.map((r) => r.headers["idempotency-key"])).toEqual(["pr-1-1", "pr-1-1"]);
  });

  it.each([
    [200, { ok: true }],
    [202, { ok: true }],
    [408, { ok: false, permanent: false, error: "HTTP 408" }],
    [429, { ok: false, permanent: false, error: "HTTP 429" }],
    [500, { ok: false, permanent: false, error: "HTTP 500" }],
    [502, { ok: false, permanent: false, error: "HTTP 502" }],
    [400, { ok: false, permanent: true, error: "HTTP 400" }],
    [401, { ok: false, permanent: true, error: "HTTP 401" }],
    [404, { ok: false, permanent: true, error: "HTTP 404" }],
    [409, { ok: false, permanent: true, error: "HTTP 409" }],
    [422, { ok: false, permanent: true, error: "HTTP 422" }],
  ])("classifies HTTP %i, and hands back what the agency answered", async (status, expected) => {
    handler = (_req, res) => res.writeHead(status).end("not json");
    expect(await deliver()).toEqual({ ...expected, httpStatus: status, responseBody: "not json" });
  });

  it("honours Retry-After on 429, in seconds or as a date", async () => {
    handler = (_req, res) => res.writeHead(429, { "Retry-After": "7" }).end();
    expect(await deliver()).toMatchObject({ ok: false, permanent: false, error: "HTTP 429", retryAfterMs: 7_000, httpStatus: 429 });
    const now = new Date("2026-11-27T10:00:00Z");
    expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("retries after a timeout", async () => {
    handler = () => {}; // never answers
    expect(await deliver(200)).toEqual({ ok: false, permanent: false, error: "timeout after 200 ms" });
  });

  it("retries when the agency sends its headers and then stalls", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"reference":');
    };
    expect(await deliver(200)).toEqual({ ok: false, permanent: false, error: "timeout after 200 ms" });
  });

  it("follows no redirect: signed data goes only to the configured address, and a redirect is refused for good", async () => {
    received.length = 0;
    handler = (req, res) => (req.url === "/deliveries" ? res.writeHead(307, { Location: "/elsewhere" }).end() : res.writeHead(200).end());
    expect(await deliver()).toEqual({ ok: false, permanent: true, error: "HTTP 307", httpStatus: 307, responseBody: "" });
    expect(received).toHaveLength(1);
  });

  it("retries after a dropped connection", async () => {
    handler = (req) => req.socket.destroy();
    expect(await deliver()).toMatchObject({ ok: false, permanent: false, error: expect.stringMatching(/^connection failed/) });
  });

  it("retries when nothing listens", async () => {
    const closed = httpConnector({ url: "http://127.0.0.1:1/deliveries", secret });
    expect(await closed.deliver(delivery, { timeoutMs: 2_000 })).toMatchObject({ ok: false, permanent: false });
  });

  it("classifies statuses without a server", () => {
    expect([200, 299, 408, 429, 500, 599, 300, 400, 403, 410].map(classifyStatus)).toEqual([
      "delivered", "delivered", "retry", "retry", "retry", "retry", "permanent", "permanent", "permanent", "permanent",
    ]);
  });
});
