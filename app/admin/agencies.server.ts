// The administrator's organisations: each one's channel, endpoint and delivery health, and the actions that
// connect an outside agency system: set its endpoint, generate or rotate its secret (shown once, stored
// encrypted), send a signed test delivery, and switch its channel. Each action is audited and a refused one
// changes nothing. Used by the /admin/agencies pages and the `npm run admin` commands.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deleteAgencyEndpoint, getAgencyEndpoint, listAgencyDeliveryHealth, listDeliveryActivity, setAgencyChannel, updateAgencyEndpoint, type AgencyDeliveryHealth, type DeliveryActivity } from "../../db/queries/agencies";
import { getAgency, listAgencies } from "../../flows";
import { answerExcerpt } from "../delivery/answer-excerpt.server";
import { httpConnector, testDelivery } from "../delivery/connectors/http.server";
import { describeDeliveryError, type DeliveryErrorMessage } from "../delivery/delivery-errors";
import { channelOf, encryptAgencySecret, readAgencyEndpoint, saveAgencyEndpoint, type Channel } from "../delivery/endpoints.server";
import { isProductionMode } from "../platform/mode.server";
import { overlapHours } from "./agency-options";
import { byTrouble, DAY_MS, deliveryHealthOf, type DeliveryHealth } from "./delivery-health";

export type Lang = "ja" | "en";

export type AgencyRefusal =
  | "agencies.refused.notFound"
  | "agencies.refused.inboxChannel"
  | "agencies.refused.badUrl"
  | "agencies.refused.httpsRequired"
  | "agencies.refused.noEndpoint"
  | "agencies.refused.badOverlap"
  | "agencies.refused.sameChannel";

export class AgencyRefusedError extends Error {
  constructor(readonly refusal: AgencyRefusal) {
    super(refusal);
    this.name = "AgencyRefusedError";
  }
}

export { overlapHours };

const TEST_TIMEOUT_MS = 10_000;

function agencyOrRefuse(agencyId: string) {
  const agency = getAgency(agencyId);
  if (!agency) throw new AgencyRefusedError("agencies.refused.notFound");
  return agency;
}

/** A new signing secret: 32 random bytes, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString("base64url");

/**
 * An endpoint must be https in production; outside production also http to this machine (the demo's
 * simulator, a story's test server). Protects against sending procedures in clear text over a network.
 */
export function checkEndpointUrl(value: string): AgencyRefusal | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "agencies.refused.badUrl";
  }
  if (url.username || url.password || url.hash) return "agencies.refused.badUrl";
  if (url.protocol === "https:") return null;
  if (url.protocol !== "http:") return "agencies.refused.badUrl";
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return loopback && !isProductionMode() ? null : "agencies.refused.httpsRequired";
}

export type AgencyOverview = {
  id: string;
  name: string;
  channel: Channel;
  /** The catalogue's channel differs: an administrator switched it. */
  switched: boolean;
  url: string | null;
  hasSecret: boolean;
  rotationEndsAt: string | null;
  health: DeliveryHealth;
};

type HealthFacts = { current: Map<string, AgencyDeliveryHealth>; activity: DeliveryActivity };

/** What the health figures are computed from: the state now and the last day's activity, read once for every organisation. */
function healthFacts(db: Db, now: Date): HealthFacts {
  return {
    current: new Map(listAgencyDeliveryHealth(db).map((row) => [row.agencyId, row])),
    activity: listDeliveryActivity(db, { since: new Date(now.getTime() - DAY_MS).toISOString() }),
  };
}

function overviewOf(db: Db, agencyId: string, lang: Lang, facts: HealthFacts, now: Date): AgencyOverview {
  const agency = agencyOrRefuse(agencyId);
  const channel = channelOf(db, agencyId)!;
  const row = channel === "http" ? getAgencyEndpoint(db, { agencyId }) : undefined;
  const rotating = row?.previousSecretExpiresAt && new Date(row.previousSecretExpiresAt).getTime() > now.getTime() ? row.previousSecretExpiresAt : null;
  return {
    id: agencyId,
    name: agency.name[lang],
    channel,
    switched: channel !== agency.channel,
    url: row?.url ?? null,
    hasSecret: Boolean(row),
    rotationEndsAt: rotating,
    health: deliveryHealthOf(agencyId, facts.current.get(agencyId), facts.activity, now),
  };
}

/** Every organisation with its channel, endpoint and delivery health; a growing backlog first, then those in trouble (delivery-health.ts). */
export function listAgencyOverviews(db: Db, { lang, now = new Date() }: { lang: Lang; now?: Date }): AgencyOverview[] {
  const facts = healthFacts(db, now);
  return listAgencies()
    .map((agency) => overviewOf(db, agency.id, lang, facts, now))
    .sort((a, b) => byTrouble(a, b, lang));
}

export function agencyOverview(db: Db, { agencyId, lang, now = new Date() }: { agencyId: string; lang: Lang; now?: Date }): AgencyOverview | undefined {
  if (!getAgency(agencyId)) return undefined;
  return overviewOf(db, agencyId, lang, healthFacts(db, now), now);
}

/**
 * Sets the endpoint of an organisation on the API channel. Without a secret yet, or with `newSecret` (the
 * command line's set-agency-endpoint, which replaces a demo secret at once), a secret is generated and returned
 * (shown once, stored encrypted, never logged or audited); otherwise only the URL changes. A back-office
 * organisation is refused: it must be switched to the API channel first, so no secret ever exists for an
 * organisation decided in the portal. The one function for the page and the command.
 */
export function setEndpoint(
  db: Db,
  { agencyId, url, actor, newSecret: replace = false, now = new Date() }: { agencyId: string; url: string; actor: string; newSecret?: boolean; now?: Date },
): { secret: string | null } {
  agencyOrRefuse(agencyId);
  if (channelOf(db, agencyId) !== "http") throw new AgencyRefusedError("agencies.refused.inboxChannel");
  const problem = checkEndpointUrl(url);
  if (problem) throw new AgencyRefusedError(problem);
  const trimmed = url.trim();
  return db.transaction(
    (tx) => {
      const existing = getAgencyEndpoint(tx, { agencyId });
      let secret: string | null = null;
      if (existing && !replace) {
        updateAgencyEndpoint(tx, { agencyId, changes: { url: trimmed, updatedAt: now.toISOString() } });
      } else {
        secret = newSecret();
        saveAgencyEndpoint(tx, { agencyId, url: trimmed, secret, now });
      }
      appendAuditEntry(tx, { at: now, actor, action: existing ? "agency.endpoint.changed" : "agency.endpoint.set", subjectType: "agency", subjectId: agencyId, agencyId, details: { url: trimmed, secretGenerated: secret !== null } });
      return { secret };
    },
    { behavior: "immediate" },
  );
}

/**
 * Replaces the secret with a new one (returned once). The old one stays valid for `overlapHours`: deliveries
 * are signed with both and callbacks signed with either are accepted; after that it expires by itself.
 */
export function rotateSecret(db: Db, { agencyId, overlapHours: hours, actor, now = new Date() }: { agencyId: string; overlapHours: number; actor: string; now?: Date }) {
  agencyOrRefuse(agencyId);
  if (channelOf(db, agencyId) !== "http") throw new AgencyRefusedError("agencies.refused.inboxChannel");
  if (!(overlapHours as readonly number[]).includes(hours)) throw new AgencyRefusedError("agencies.refused.badOverlap");
  return db.transaction(
    (tx) => {
      const row = getAgencyEndpoint(tx, { agencyId });
      if (!row) throw new AgencyRefusedError("agencies.refused.noEndpoint");
      const current = readAgencyEndpoint(tx, { agencyId, now })!.secrets[0];
      const secret = newSecret();
      const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
      updateAgencyEndpoint(tx, {
        agencyId,
        changes: {
          secret: encryptAgencySecret(agencyId, secret),
          previousSecret: encryptAgencySecret(agencyId, current, "previousSecret"),
          previousSecretExpiresAt: expiresAt,
          updatedAt: now.toISOString(),
        },
      });
      appendAuditEntry(tx, { at: now, actor, action: "agency.secret.rotated", subjectType: "agency", subjectId: agencyId, agencyId, details: { previousSecretExpiresAt: expiresAt } });
      return { secret, previousSecretExpiresAt: expiresAt };
    },
    { behavior: "immediate" },
  );
}

export type TestDeliveryResult = { ok: boolean; httpStatus: number | null; problem: DeliveryErrorMessage | null; answer: string | null };

/**
 * Sends a signed test delivery (`"test": true`, no personal data) to the organisation's endpoint and returns
 * its answer: status and the first 2 KB, redacted like any answer. Audited with the status only.
 */
export async function sendTestDelivery(db: Db, { agencyId, actor, now = new Date() }: { agencyId: string; actor: string; now?: Date }): Promise<TestDeliveryResult> {
  agencyOrRefuse(agencyId);
  if (channelOf(db, agencyId) !== "http") throw new AgencyRefusedError("agencies.refused.inboxChannel");
  const endpoint = readAgencyEndpoint(db, { agencyId, now });
  if (!endpoint) throw new AgencyRefusedError("agencies.refused.noEndpoint");
  const id = `test-${randomUUID()}`;
  const [secret, ...alsoSignWith] = endpoint.secrets;
  const delivery = testDelivery({ agencyId, id });
  const result = await httpConnector({ url: endpoint.url, secret, alsoSignWith }).deliver(delivery, { timeoutMs: TEST_TIMEOUT_MS, now });
  const httpStatus = result.httpStatus ?? null;
  db.transaction((tx) => {
    appendAuditEntry(tx, { at: now, actor, action: "agency.test.sent", subjectType: "agency", subjectId: agencyId, agencyId, details: { ok: result.ok, httpStatus } });
  });
  return {
    ok: result.ok,
    httpStatus,
    problem: result.ok ? null : describeDeliveryError(result.error, httpStatus),
    answer: answerExcerpt(result.responseBody, delivery.payload),
  };
}

/**
 * Switches an organisation's channel. To the back office: its endpoint and secrets are deleted (a back-office
 * organisation has no API secret, and its callbacks are refused); what its system already received appears
 * in its officers' inbox to decide there; waiting deliveries go to the inbox. To the API: waiting deliveries
 * go to its system once an endpoint is set (until then they wait as dead letters with the reason); what the
 * officers already hold stays theirs to decide.
 */
export function switchChannel(db: Db, { agencyId, channel, actor, now = new Date() }: { agencyId: string; channel: Channel; actor: string; now?: Date }) {
  agencyOrRefuse(agencyId);
  const from = channelOf(db, agencyId);
  if (from === channel) throw new AgencyRefusedError("agencies.refused.sameChannel");
  db.transaction(
    (tx) => {
      setAgencyChannel(tx, { agencyId, channel, changedBy: actor, changedAt: now.toISOString() });
      if (channel === "inbox") deleteAgencyEndpoint(tx, { agencyId });
      appendAuditEntry(tx, { at: now, actor, action: "agency.channel.switched", subjectType: "agency", subjectId: agencyId, agencyId, details: { from, to: channel } });
    },
    { behavior: "immediate" },
  );
}
