// The simulator's settings from the environment and command-line flags, shared by `npm run agencies` and
// the copy that runs inside the demo server, so both are configured the same way.
import { parseArgs } from "node:util";
import type { DecisionShares, Faults, SimulatorOptions } from "./agency-simulator.server";

export const defaultSimulatorPort = 3001;

/** How long the inbox desk leaves a request to an organisation's demo officer before deciding it (ms). */
export const officerGraceMs = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const value = Number(env.AGENCY_SIMULATOR_OFFICER_GRACE_MS);
  return env.AGENCY_SIMULATOR_OFFICER_GRACE_MS && Number.isFinite(value) && value >= 0 ? value : undefined;
};

export const simulatorPort = (env: NodeJS.ProcessEnv = process.env) => Number(env.AGENCY_SIMULATOR_PORT || defaultSimulatorPort);

/** Where the portal's callbacks endpoint is, as the simulator reaches it. */
export function portalUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MADOGUCHI_PORTAL_URL) return env.MADOGUCHI_PORTAL_URL.replace(/\/$/, "");
  const host = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  return `http://${host}:${env.PORT || 3000}`;
}

const flags = {
  port: "AGENCY_SIMULATOR_PORT",
  "portal-url": "MADOGUCHI_PORTAL_URL",
  "delay-ms": "AGENCY_SIMULATOR_DELAY_MS",
  "error-rate": "AGENCY_SIMULATOR_ERROR_RATE",
  "timeout-rate": "AGENCY_SIMULATOR_TIMEOUT_RATE",
  "slow-rate": "AGENCY_SIMULATOR_SLOW_RATE",
  "slow-ms": "AGENCY_SIMULATOR_SLOW_MS",
  "drop-rate": "AGENCY_SIMULATOR_DROP_RATE",
  "lost-response-rate": "AGENCY_SIMULATOR_LOST_RESPONSE_RATE",
  accept: "AGENCY_SIMULATOR_ACCEPT_SHARE",
  reject: "AGENCY_SIMULATOR_REJECT_SHARE",
  ask: "AGENCY_SIMULATOR_ASK_SHARE",
} as const;

export const simulatorUsage = `Usage: npm run agencies -- [options]   (each option also reads the environment variable shown)
${Object.entries(flags)
  .map(([flag, env]) => `  --${flag.padEnd(20)} ${env}`)
  .join("\n")}
Faults are shares between 0 and 1 of the deliveries received; change them while it runs with
  curl -X POST http://127.0.0.1:3001/admin/faults -d '{"errorRate":0.3}'`;

/** Flags win over environment variables; anything unset keeps the simulator's default. */
export function simulatorOptions(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): SimulatorOptions {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: "string" as const }])), strict: true });
  const read = (flag: keyof typeof flags): string | undefined => (values as Record<string, string | undefined>)[flag] ?? env[flags[flag]];
  const num = (flag: keyof typeof flags): number | undefined => {
    const value = read(flag);
    if (value === undefined || value === "") return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${flag} must be a number ≥ 0, not ${value}`);
    return parsed;
  };
  const faults: Partial<Faults> = {};
  const setIf = <K extends keyof Faults>(key: K, value: number | undefined) => value !== undefined && (faults[key] = value);
  setIf("errorRate", num("error-rate"));
  setIf("timeoutRate", num("timeout-rate"));
  setIf("slowRate", num("slow-rate"));
  setIf("slowMs", num("slow-ms"));
  setIf("dropRate", num("drop-rate"));
  setIf("lostResponseRate", num("lost-response-rate"));
  const shares: Partial<DecisionShares> = {};
  if (num("accept") !== undefined) shares.accepted = num("accept");
  if (num("reject") !== undefined) shares.rejected = num("reject");
  if (num("ask") !== undefined) shares.informationRequested = num("ask");
  return {
    port: num("port") ?? simulatorPort(env),
    portalUrl: read("portal-url")?.replace(/\/$/, "") ?? portalUrl(env),
    decisionDelayMs: num("delay-ms"),
    faults,
    shares,
  };
}
