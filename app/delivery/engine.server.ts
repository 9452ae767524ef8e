// Starts the delivery engine inside the web server process, once: the dispatcher (unless DISPATCHER=off,
// when `npm run worker` delivers instead) and, outside production, the agency simulator, so a demo case
// moves from submitted to decided on its own. Both stop cleanly on SIGTERM.
import { getDb } from "../../db/client.server";
import { Dispatcher } from "./dispatcher.server";
import { startAgencySimulator, type AgencySimulator } from "../demo/simulator/agency-simulator.server";
import { simulatorOptions } from "../demo/simulator/config.server";

type Engine = { dispatcher?: Dispatcher; simulator?: Promise<AgencySimulator | undefined>; stop(): Promise<void> };

declare global {
  var __madoguchiEngine: Engine | undefined;
}

export function startEngineOnce(env: NodeJS.ProcessEnv = process.env): Engine {
  // Kept on globalThis so the dev server's module reloads do not start a second one.
  if (globalThis.__madoguchiEngine) return globalThis.__madoguchiEngine;
  const dispatcher = env.DISPATCHER === "off" ? undefined : new Dispatcher({ db: getDb(), keepProcessAlive: false });
  dispatcher?.start();
  const simulator =
    env.MADOGUCHI_MODE === "production" || env.AGENCY_SIMULATOR === "off"
      ? undefined
      : startAgencySimulator({ ...simulatorOptions(env), keepProcessAlive: false }).then(
          (started) => {
            console.log(`madoguchi: agency simulator at ${started.url}`);
            return started;
          },
          (error: NodeJS.ErrnoException) => {
            // Most often `npm run agencies` already holds the port; the portal works with that one.
            console.warn(`madoguchi: agency simulator not started (${error.code ?? error.message})`);
            return undefined;
          },
        );
  const engine: Engine = {
    dispatcher,
    simulator,
    async stop() {
      await Promise.all([dispatcher?.stop(), simulator?.then((started) => started?.stop())]);
    },
  };
  globalThis.__madoguchiEngine = engine;
  // Neither keeps the process alive (their handles are unref'd), so the server's own shutdown, on SIGINT
  // or SIGTERM, ends the process. On SIGTERM (remix-serve and Vite both close on it) the engine also stops
  // cleanly first: no new claims, deliveries in flight recorded. Anything cut short is redelivered after its
  // lease expires, under the same idempotency key.
  process.once("SIGTERM", () => {
    setTimeout(() => process.exit(0), 10_000).unref();
    void engine.stop();
  });
  return engine;
}
