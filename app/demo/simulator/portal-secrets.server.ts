// The secrets the simulated agencies hold, read from the portal's database: each organisation's current
// secret and, during a rotation's overlap, the previous one; the demo's derived secret for one without an
// endpoint. So the demo keeps deciding after an administrator sets or rotates a secret in the console (a real
// agency's team is handed the new secret; the simulator reads it).
import type { Tx } from "../../../db/client.server";
import { readAgencyEndpoint } from "../../delivery/endpoints.server";
import { demoAgencySecret } from "../../delivery/signature.server";

export function portalAgencySecrets(tx: Tx): (agencyId: string) => string[] {
  return (agencyId) => readAgencyEndpoint(tx, { agencyId })?.secrets ?? [demoAgencySecret(agencyId)];
}
