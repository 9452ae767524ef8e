// Plays every http-channel agency for the demo and the tests: receives signed deliveries, applies each
// Idempotency-Key once, decides after a delay by signed callback, and injects the faults real agency
// systems have (errors, timeouts, slow answers, dropped connections, responses lost after applying).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { getAgency, getProcedure, listAgencies, withCorporateCheckDigit } from "../../../flows";
import { demoAgencySecret, SIGNATURE_HEADER, signBody, verifySignature } from "../../delivery/signature.server";

export type Faults = {
  /** Share of deliveries answered 500 without applying. */
  errorRate: number;
  /** Share never answered (the portal's timeout fires). */
  timeoutRate: number;
  /** Share answered normally after slowMs. */
  slowRate: number;
  slowMs: number;
  /** Share whose connection is destroyed before applying. */
  dropRate: number;
  /** Share applied, after which the connection is destroyed: the portal never learns it arrived. */
  lostResponseRate: number;
};

export type DecisionShares = { accepted: number; rejected: number; informationRequested: number };

export type SimulatorOptions = {
  port?: number;
  host?: string;
  /** Where callbacks go: <portalUrl>/api/agencies/<agencyId>/callbacks. Without it the simulator never decides. */
  portalUrl?: string;
  /** Agencies played (default: every http-channel agency of the catalogue). */
  agencyIds?: string[];
  /**
   * The secrets an agency holds, the current one first (signs its callbacks); a delivery signed with any of them
   * is accepted. Default: the demo's derived secret. The demo server passes the portal's own (after an
   * administrator rotates a secret, the simulated agency knows the new one, as a real agency's team is told it).
   */
  secretsFor?: (agencyId: string) => string[];
  decisionDelayMs?: number;
  shares?: Partial<DecisionShares>;
  faults?: Partial<Faults>;
  callbackRetryMs?: number;
  callbackAttempts?: number;
  random?: () => number;
  log?: (message: string) => void;
  /** False inside the web server: the simulator must not keep the process alive once the server has closed. */
  keepProcessAlive?: boolean;
};

export type SimulatorStats = {
  received: number;
  /** Applications per Idempotency-Key: at most 1 each, or the portal broke at-most-once. */
  applications: Record<string, number>;
  /** Applications per procedure request and delivery content: a second delivery under a new key shows here. */
  applicationsByDelivery: Record<string, number>;
  /** Repeats of an applied key, answered from memory without applying again. */
  repeats: number;
  faults: Record<"error" | "timeout" | "slow" | "drop" | "lostResponse", number>;
  callbacks: { sent: number; refused: number; failed: number };
  decisions: Record<keyof DecisionShares, number>;
};

export type AgencySimulator = {
  url: string;
  port: number;
  stats(): SimulatorStats;
  setFaults(faults: Partial<Faults>): Faults;
  stop(): Promise<void>;
};

export const noFaults: Faults = { errorRate: 0, timeoutRate: 0, slowRate: 0, slowMs: 2_000, dropRate: 0, lostResponseRate: 0 };

type Applied = { status: number; body: string };
type DeliveryBody = { procedureRequestId: string; caseReference: string; procedureId: string; information?: { answer: string } };

export async function startAgencySimulator(options: SimulatorOptions = {}): Promise<AgencySimulator> {
  const random = options.random ?? Math.random;
  const log = options.log ?? ((message: string) => console.log(`agencies: ${message}`));
  const agencyIds = new Set(options.agencyIds ?? listAgencies().filter((agency) => agency.channel === "http").map((agency) => agency.id));
  const secretsFor = options.secretsFor ?? ((agencyId: string) => [demoAgencySecret(agencyId)]);
  const shares: DecisionShares = { ...defaultShares, ...options.shares };
  const decisionDelayMs = options.decisionDelayMs ?? 3_000;
  const callbackRetryMs = options.callbackRetryMs ?? 2_000;
  const callbackAttempts = options.callbackAttempts ?? 30;
  let faults: Faults = { ...noFaults, ...options.faults };

  const appliedByKey = new Map<string, Applied>();
  const stats: SimulatorStats = {
    received: 0,
    applications: {},
    applicationsByDelivery: {},
    repeats: 0,
    faults: { error: 0, timeout: 0, slow: 0, drop: 0, lostResponse: 0 },
    callbacks: { sent: 0, refused: 0, failed: 0 },
    decisions: { accepted: 0, rejected: 0, informationRequested: 0 },
  };
  const timers = new Set<NodeJS.Timeout>();
  const hanging = new Set<Socket>();
  let sequence = 0;
  let stopping = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) run();
    }, ms);
    if (options.keepProcessAlive === false) timer.unref();
    timers.add(timer);
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };

  function apply(agencyId: string, key: string, delivery: DeliveryBody): Applied {
    const known = appliedByKey.get(key);
    if (known) {
      stats.repeats++;
      return known;
    }
    sequence++;
    const reference = `${agencyId.toUpperCase()}-${String(sequence).padStart(6, "0")}`;
    const applied = { status: 201, body: JSON.stringify({ reference, received: true }) };
    appliedByKey.set(key, applied);
    stats.applications[key] = (stats.applications[key] ?? 0) + 1;
    const contentKey = `${delivery.procedureRequestId}:${delivery.information ? `answer:${delivery.information.answer}` : "first"}`;
    stats.applicationsByDelivery[contentKey] = (stats.applicationsByDelivery[contentKey] ?? 0) + 1;
    if (options.portalUrl) later(decisionDelayMs, () => void decide(agencyId, delivery, 1, randomUUID(), !delivery.information));
    return applied;
  }

  /** Sends the decision; a refusal the portal may lift later (409: not delivered yet) is retried. */
  async function decide(agencyId: string, delivery: DeliveryBody, attempt: number, eventId: string, mayAsk: boolean, chosen?: keyof DecisionShares) {
    const decision = chosen ?? pickDecision(shares, mayAsk, random);
    const body = JSON.stringify({
      procedureRequestId: delivery.procedureRequestId,
      eventId,
      decision,
      ...(decision === "accepted" ? { reference: decisionReference(agencyId, delivery.procedureId) } : {}),
      ...(decision === "rejected" ? { reason: simulatedRejectionReason(delivery.procedureId) } : {}),
      ...(decision === "informationRequested" ? { question: simulatedQuestion } : {}),
    });
    let retry = false;
    try {
      const response = await fetch(`${options.portalUrl}/api/agencies/${agencyId}/callbacks`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signBody({ secret: secretsFor(agencyId)[0], body }) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      if (response.ok) {
        stats.callbacks.sent++;
        stats.decisions[decision]++;
      } else if (answer.error?.code === "replay") {
        // An earlier attempt arrived even though its answer was lost: the decision is in.
        stats.callbacks.sent++;
        stats.decisions[decision]++;
      } else {
        stats.callbacks.refused++;
        retry = response.status === 409 || response.status >= 500;
      }
    } catch {
      stats.callbacks.failed++;
      retry = true;
    }
    if (retry && attempt < callbackAttempts) later(callbackRetryMs, () => void decide(agencyId, delivery, attempt + 1, eventId, mayAsk, decision));
  }

  async function handleDelivery(req: IncomingMessage, res: ServerResponse, agencyId: string, raw: string) {
    stats.received++;
    const header = req.headers["x-madoguchi-signature"] as string | undefined;
    const checks = secretsFor(agencyId).map((secret) => verifySignature({ secret, body: raw, header }));
    if (!checks.some((check) => check.ok)) {
      const [first] = checks;
      return json(res, 401, { error: { code: "badSignature", message: first && !first.ok ? first.reason : "mismatch" } });
    }
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || key === "") return json(res, 400, { error: { code: "idempotencyKeyMissing", message: "Idempotency-Key is required" } });
    let delivery: DeliveryBody;
    try {
      delivery = JSON.parse(raw) as DeliveryBody;
      if (typeof delivery.procedureRequestId !== "string") throw new Error();
    } catch {
      return json(res, 422, { error: { code: "invalidBody", message: "Not a delivery" } });
    }

    // One roll picks at most one fault, so the rates add up as configured.
    const roll = random();
    let edge = 0;
    const hit = (rate: number) => roll < (edge += rate);
    if (hit(faults.errorRate)) {
      stats.faults.error++;
      return json(res, 500, { error: { code: "simulatedError", message: "Simulated failure" } });
    }
    if (hit(faults.timeoutRate)) {
      stats.faults.timeout++;
      hanging.add(req.socket);
      req.socket.once("close", () => hanging.delete(req.socket));
      return; // never answers
    }
    if (hit(faults.dropRate)) {
      stats.faults.drop++;
      return req.socket.destroy();
    }
    if (hit(faults.lostResponseRate)) {
      stats.faults.lostResponse++;
      apply(agencyId, key, delivery);
      return req.socket.destroy();
    }
    if (hit(faults.slowRate)) {
      stats.faults.slow++;
      await new Promise((resolve) => later(faults.slowMs, () => resolve(undefined)));
      if (req.socket.destroyed) return;
    }
    const applied = apply(agencyId, key, delivery);
    res.writeHead(applied.status, { "Content-Type": "application/json" }).end(applied.body);
  }

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://simulator");
      const match = /^\/agencies\/([a-z0-9-]+)\/deliveries$/.exec(url.pathname);
      if (req.method === "POST" && match) {
        if (!agencyIds.has(match[1])) return json(res, 404, { error: { code: "unknownAgency", message: "This simulator does not play that agency" } });
        return void handleDelivery(req, res, match[1], raw);
      }
      if (req.method === "GET" && url.pathname === "/stats") return json(res, 200, stats);
      if (url.pathname === "/admin/faults") {
        if (req.method === "GET") return json(res, 200, faults);
        if (req.method === "POST") {
          try {
            return json(res, 200, setFaults(JSON.parse(raw || "{}") as Partial<Faults>));
          } catch {
            return json(res, 422, { error: { code: "invalidBody", message: "Send the faults as JSON" } });
          }
        }
      }
      json(res, 404, { error: { code: "notFound", message: "POST /agencies/:agencyId/deliveries, GET /stats, GET|POST /admin/faults" } });
    });
  });

  function setFaults(change: Partial<Faults>): Faults {
    const known = Object.fromEntries(Object.entries(change).filter(([key, value]) => key in noFaults && typeof value === "number" && value >= 0));
    faults = { ...faults, ...known };
    log(`faults now ${JSON.stringify(faults)}`);
    return faults;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  if (options.keepProcessAlive === false) server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    url,
    port,
    stats: () => structuredClone(stats),
    setFaults,
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of hanging) socket.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const defaultShares: DecisionShares = { accepted: 0.8, rejected: 0.1, informationRequested: 0.1 };

/** One decision by the shares; a question only when the organisation has not asked before (`mayAsk`). */
export function pickDecision(shares: DecisionShares, mayAsk: boolean, random: () => number = Math.random): keyof DecisionShares {
  const total = shares.accepted + shares.rejected + (mayAsk ? shares.informationRequested : 0);
  if (total === 0) return "accepted";
  const roll = random() * total;
  if (roll < shares.accepted) return "accepted";
  if (roll < shares.accepted + shares.rejected) return "rejected";
  return "informationRequested";
}

/** A reason code from the procedure's own catalogue, so the status page can explain it in every language. */
export const simulatedRejectionReason = (procedureId: string) => getProcedure(procedureId)?.rejectionReasons[0]?.code ?? "incomplete";

/** The question a simulated organisation asks: its own words, in Japanese, as a real office would write. */
export const simulatedQuestion = "変更が適用される日付をご確認ください。";

const digits = (count: number) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join("");

/**
 * What an agency answers on acceptance. Where a later procedure's form takes the number (the company's corporate
 * number from the registration, the labour insurance number from its notification, Hello Work's workplace number),
 * it is shaped as the real one, so the data dictionary accepts it when it fills that procedure's payload.
 */
export function decisionReference(agencyId: string, procedureId: string): string {
  // 12 random digits behind the check digit the ordinance defines, so the number passes the dictionary's check.
  if (procedureId === "company-registration") return withCorporateCheckDigit(String(Math.floor(1e11 + Math.random() * 9e11)));
  // 労働保険番号: prefecture (2), jurisdiction type (1, 継続事業), office (2), base number (6), branch (3).
  if (procedureId === "labour-insurance-establishment") return `${prefectureOf(agencyId)}101${digits(6)}000`;
  // 雇用保険適用事業所番号: 4-6-1 digits.
  if (procedureId === "employment-insurance-office") return digits(11);
  return `${agencyId.toUpperCase()}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** The two-digit prefecture of an office, from the agency catalogue (Tokyo when it names none). */
function prefectureOf(agencyId: string): string {
  return getAgency(agencyId)?.prefectureCode ?? "13";
}

/** The endpoint the portal posts to for an agency the simulator plays. */
export const simulatorEndpoint = (baseUrl: string, agencyId: string) => `${baseUrl}/agencies/${agencyId}/deliveries`;
