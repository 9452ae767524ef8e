// What the demo adds to a running portal, wired in by the start-up (entry.server.tsx) in demo mode only:
// the agency simulator that plays every http-channel agency and the inbox desk that plays every inbox
// organisation without a demo officer, so every demo case moves from submitted to decided on its own,
// and the demo accounts offered by the sign-in shortcut. The engine knows none of it.
import { getDb } from "../../db/client.server";
import { offerDemoShortcut } from "../identity/demo-shortcut.server";
import { isDemoMode } from "../platform/mode.server";
import { demoAccounts } from "./demo-accounts.server";
import { startAgencySimulator, type AgencySimulator } from "./simulator/agency-simulator.server";
import { officerGraceMs, simulatorOptions } from "./simulator/config.server";
import { createInboxDesk, type InboxDesk } from "./simulator/inbox-desk.server";
import { portalAgencySecrets } from "./simulator/portal-secrets.server";

type Demo = { simulator?: Promise<AgencySimulator | undefined>; desk?: InboxDesk; stop(): Promise<void> };

declare global {
  var __madoguchiDemo: Demo | undefined;
}

export function startDemoOnce(env: NodeJS.ProcessEnv = process.env): Demo | undefined {
  if (!isDemoMode()) return undefined;
  // Kept on globalThis so the dev server's module reloads do not start a second one.
  if (globalThis.__madoguchiDemo) return globalThis.__madoguchiDemo;
  offerDemoShortcut(demoAccounts);
  const simulator =
    env.AGENCY_SIMULATOR === "off"
      ? undefined
      : startAgencySimulator({ ...simulatorOptions(env), secretsFor: portalAgencySecrets(getDb()), keepProcessAlive: false }).then(
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
  const options = simulatorOptions(env);
  const desk =
    env.AGENCY_SIMULATOR === "off"
      ? undefined
      : createInboxDesk({
          db: getDb(),
          decisionDelayMs: options.decisionDelayMs,
          officerGraceMs: officerGraceMs(env),
          shares: options.shares,
          log: (message) => console.log(`madoguchi: inbox desk ${message}`),
        }).start();
  const demo: Demo = {
    simulator,
    desk,
    async stop() {
      desk?.stop();
      await simulator?.then((started) => started?.stop());
    },
  };
  globalThis.__madoguchiDemo = demo;
  process.once("SIGTERM", () => void demo.stop());
  return demo;
}
