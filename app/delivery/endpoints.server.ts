// Where an organisation's procedures go and with which secrets: its channel (the catalogue's, unless an
// administrator switched it) and, on the API channel, its endpoint with the signing secrets. Secrets are
// stored encrypted and only decrypted here, for signing a delivery or checking a callback.
import type { Tx } from "../../db/client.server";
import {
  getAgencyChannel,
  getAgencyEndpoint,
  insertAgencyEndpointIfMissing,
  listAgencyEndpoints,
  updateAgencyEndpoint,
  upsertAgencyEndpoint,
} from "../../db/queries/agencies";
import { getAgency, type Channel } from "../../flows";
import { decryptField, encryptField, isEncryptedField } from "../identity/security/field-encryption.server";

export type { Channel };

/** The channel procedures of this organisation go through now; undefined for an organisation not in the catalogue. */
export function channelOf(tx: Tx, agencyId: string): Channel | undefined {
  const agency = getAgency(agencyId);
  if (!agency) return undefined;
  return getAgencyChannel(tx, { agencyId })?.channel ?? agency.channel;
}

/** The encryption context binds a ciphertext to its organisation and field: copied to another row, it does not decrypt. */
const secretContext = (agencyId: string, field: "secret" | "previousSecret") => `agency:${agencyId}:${field}`;

export const encryptAgencySecret = (agencyId: string, secret: string, field: "secret" | "previousSecret" = "secret") =>
  encryptField(secret, secretContext(agencyId, field));

export type EndpointSecrets = {
  url: string;
  /** The current secret first; during a rotation's overlap also the previous one, until it expires. */
  secrets: string[];
};

/**
 * The endpoint of an organisation on the API channel, with its secrets decrypted; undefined when the
 * organisation is not on the API channel (a back-office organisation has no usable secret, even if a row
 * was left) or has no endpoint.
 */
export function readAgencyEndpoint(tx: Tx, { agencyId, now = new Date() }: { agencyId: string; now?: Date }): EndpointSecrets | undefined {
  if (channelOf(tx, agencyId) !== "http") return undefined;
  const row = getAgencyEndpoint(tx, { agencyId });
  if (!row) return undefined;
  const secrets = [decryptField(row.secret, secretContext(agencyId, "secret"))];
  if (row.previousSecret && row.previousSecretExpiresAt && new Date(row.previousSecretExpiresAt).getTime() > now.getTime()) {
    secrets.push(decryptField(row.previousSecret, secretContext(agencyId, "previousSecret")));
  }
  return { url: row.url, secrets };
}

/** Adds an endpoint with its secret encrypted, unless the organisation has one (the demo seed; never overwrites). */
export function addAgencyEndpointIfMissing(tx: Tx, { agencyId, url, secret, now = new Date() }: { agencyId: string; url: string; secret: string; now?: Date }) {
  return insertAgencyEndpointIfMissing(tx, { agencyId, url, secret: encryptAgencySecret(agencyId, secret), now: now.toISOString() });
}

/** Sets an organisation's endpoint and secret (encrypted), replacing any; no overlap with an earlier secret. */
export function saveAgencyEndpoint(tx: Tx, { agencyId, url, secret, now = new Date() }: { agencyId: string; url: string; secret: string; now?: Date }) {
  upsertAgencyEndpoint(tx, { agencyId, url, secret: encryptAgencySecret(agencyId, secret), now: now.toISOString() });
  updateAgencyEndpoint(tx, { agencyId, changes: { previousSecret: null, previousSecretExpiresAt: null, updatedAt: now.toISOString() } });
}

/**
 * Encrypts secrets left in plain text by an earlier version (rows written before secrets were encrypted).
 * Run at start-up, before anything reads a secret. Returns how many it encrypted.
 */
export function encryptPlainAgencySecrets(tx: Tx, now = new Date()): number {
  let encrypted = 0;
  for (const row of listAgencyEndpoints(tx)) {
    const plainSecret = !isEncryptedField(row.secret);
    const plainPrevious = row.previousSecret !== null && !isEncryptedField(row.previousSecret);
    if (!plainSecret && !plainPrevious) continue;
    updateAgencyEndpoint(tx, {
      agencyId: row.agencyId,
      changes: {
        ...(plainSecret ? { secret: encryptAgencySecret(row.agencyId, row.secret) } : {}),
        ...(plainPrevious ? { previousSecret: encryptAgencySecret(row.agencyId, row.previousSecret!, "previousSecret") } : {}),
        updatedAt: now.toISOString(),
      },
    });
    encrypted++;
  }
  return encrypted;
}
