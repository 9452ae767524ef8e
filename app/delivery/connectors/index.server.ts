// Picks the connector for an agency from its channel in the catalogue and, for http, its endpoint row.
import { getAgency } from "../../../flows";
import type { Tx } from "../../../db/client.server";
import { getAgencyEndpoint } from "../../../db/queries/agencies";
import type { Connector } from "./connector.server";
import { httpConnector } from "./http.server";
import { inboxConnector } from "./inbox.server";

export type ConnectorLookup = (tx: Tx, agencyId: string) => Connector;

const refuse = (error: string): Connector => ({ deliver: async () => ({ ok: false, permanent: true, error }) });

export const connectorFor: ConnectorLookup = (tx, agencyId) => {
  const agency = getAgency(agencyId);
  if (!agency) return refuse(`unknown agency ${agencyId}`);
  if (agency.channel === "inbox") return inboxConnector;
  const endpoint = getAgencyEndpoint(tx, { agencyId });
  // A missing endpoint is a configuration problem: dead-letter it so an operator sees it, fixes it and retries.
  if (!endpoint) return refuse(`no endpoint configured for ${agencyId}`);
  return httpConnector({ url: endpoint.url, secret: endpoint.secret });
};

export type { Connector, Delivery, DeliveryResult } from "./connector.server";
