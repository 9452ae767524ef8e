// A stand-in for the portal's callback route over real HTTP, for simulator tests that do not build the app.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../db/client.server";
import { receiveAgencyCallback } from "../../app/delivery/callbacks.server";

export async function startCallbackServer(db: Db): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const match = /^\/api\/agencies\/([^/]+)\/callbacks$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) return res.writeHead(404).end();
      const signature = req.headers["x-madoguchi-signature"];
      const outcome = receiveAgencyCallback(db, { agencyId: match[1], rawBody: raw, signature: typeof signature === "string" ? signature : null });
      res.writeHead(outcome.status, { "Content-Type": "application/json" }).end(JSON.stringify(outcome.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
