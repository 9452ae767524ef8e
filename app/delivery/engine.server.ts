// Starts the delivery engine inside the web server process, once: the dispatcher (unless DISPATCHER=off,
// when `npm run worker` delivers instead). It stops cleanly on SIGTERM. The engine knows only connectors:
// the demo's agency simulator is started by the demo start-up (app/demo/start.server.ts).
import { getDb } from "../../db/client.server";
import { Dispatcher } from "./dispatcher.server";

type Engine = { dispatcher?: Dispatcher; stop(): Promise<void> };

declare global {
  var __madoguchiEngine: Engine | undefined;
}

export function startEngineOnce(env: NodeJS.ProcessEnv = process.env): Engine {
  // Kept on globalThis so the dev server's module reloads do not start a second one.
  if (globalThis.__madoguchiEngine) return globalThis.__madoguchiEngine;
  const dispatcher = env.DISPATCHER === "off" ? undefined : new Dispatcher({ db: getDb(), keepProcessAlive: false });
  dispatcher?.start();
  const engine: Engine = {
    dispatcher,
    async stop() {
      await dispatcher?.stop();
    },
  };
  globalThis.__madoguchiEngine = engine;
  // It does not keep the process alive (its handles are unref'd), so the server's own shutdown, on SIGINT
  // or SIGTERM, ends the process. On SIGTERM (remix-serve and Vite both close on it) the engine also stops
  // cleanly first: no new claims, deliveries in flight recorded. Anything cut short is redelivered after its
  // lease expires, under the same idempotency key.
  process.once("SIGTERM", () => {
    setTimeout(() => process.exit(0), 10_000).unref();
    void engine.stop();
  });
  return engine;
}
