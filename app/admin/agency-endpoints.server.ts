// Where an http-channel organisation receives deliveries, and the secret both sides sign with, set by an
// operator: production's way to give each organisation its own secret (the demo derives them from a
// constant, which production refuses). The secret is random, shown once, never logged or audited.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { getAgency } from "../../flows";
import { channelOf, saveAgencyEndpoint } from "../delivery/endpoints.server";

export class EndpointRefusedError extends Error {
  constructor(readonly refusal: "unknownOrganisation" | "notHttpChannel" | "badUrl") {
    super(refusal);
    this.name = "EndpointRefusedError";
  }
}

/** Sets the organisation's address and a new secret; returns the secret to hand to the organisation. */
export function setAgencyEndpoint(db: Db, { agencyId, url, actor }: { agencyId: string; url: string; actor: string }): { secret: string } {
  if (!getAgency(agencyId)) throw new EndpointRefusedError("unknownOrganisation");
  if (channelOf(db, agencyId) !== "http") throw new EndpointRefusedError("notHttpChannel");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EndpointRefusedError("badUrl");
  }
  const local = parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1" || parsed.hostname === "[::1]";
  if (!(parsed.protocol === "https:" || (parsed.protocol === "http:" && local)) || parsed.username || parsed.password) throw new EndpointRefusedError("badUrl");
  const secret = randomBytes(32).toString("hex");
  db.transaction(
    (tx) => {
      // Stored encrypted (app/delivery/endpoints.server.ts), like the console's.
      saveAgencyEndpoint(tx, { agencyId, url: parsed.href, secret });
      appendAuditEntry(tx, { actor, action: "agency.endpoint-set", subjectType: "agency", subjectId: agencyId, agencyId, details: { url: parsed.href } });
    },
    { behavior: "immediate" },
  );
  return { secret };
}
