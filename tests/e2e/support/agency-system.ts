// An outside agency system of the stories' own: it checks each delivery's signature with its own HMAC code
// (not the portal's), against the secrets it holds, and answers as told: accept, or refuse with 400 echoing
// what it received (as many real systems do: the console must not show it).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { key: string; signed: boolean; test: boolean; body: string };

export function startAgencySystem() {
  const state = { secrets: [] as string[], mode: "accept" as "accept" | "refuse", received: [] as Received[] };
  const verify = (header: string | undefined, body: string) => {
    const t = /t=(\d+)/.exec(header ?? "")?.[1];
    const given = [...(header ?? "").matchAll(/v1=([0-9a-f]{64})/g)].map((m) => Buffer.from(m[1], "hex"));
    if (!t || Math.abs(Number(t) - Date.now() / 1000) > 300) return false;
    return state.secrets.some((secret) => {
      const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
      return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
    });
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const signed = verify(req.headers["x-madoguchi-signature"] as string | undefined, body);
      const delivery = JSON.parse(body) as { test?: boolean; payload?: unknown };
      state.received.push({ key: String(req.headers["idempotency-key"]), signed, test: delivery.test === true, body });
      if (!signed) return res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":"bad signature"}');
      if (state.mode === "refuse" && !delivery.test) {
        return res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "schema version 2 required", received: delivery.payload }));
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ reference: `POST-${state.received.length}` }));
    });
  });
  return {
    state,
    /** Starts listening on a free port; returns the delivery URL. */
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
