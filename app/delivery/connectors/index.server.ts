// Picks the connector for an agency from its channel (the catalogue's, or the one an administrator switched
// to) and, for http, its endpoint with its decrypted secrets.
import { getAgency } from "../../../flows";
import type { Tx } from "../../../db/client.server";
import { channelOf, readAgencyEndpoint } from "../endpoints.server";
import type { Connector } from "./connector.server";
import { httpConnector } from "./http.server";
import { inboxConnector } from "./inbox.server";

export type ConnectorLookup = (tx: Tx, agencyId: string) => Connector;

const refuse = (error: string): Connector => ({ deliver: async () => ({ ok: false, permanent: true, error }) });

export const connectorFor: ConnectorLookup = (tx, agencyId) => {
  const agency = getAgency(agencyId);
  if (!agency) return refuse(`unknown agency ${agencyId}`);
  // The channel an administrator switched to, else the catalogue's.
  if (channelOf(tx, agencyId) === "inbox") return inboxConnector;
  const endpoint = readAgencyEndpoint(tx, { agencyId });
  // A missing endpoint is a configuration problem: dead-letter it so an operator sees it, fixes it and retries.
  if (!endpoint) return refuse(`no endpoint configured for ${agencyId}`);
  const [secret, ...alsoSignWith] = endpoint.secrets;
  return httpConnector({ url: endpoint.url, secret, alsoSignWith });
};

export type { Connector, Delivery, DeliveryResult } from "./connector.server";
