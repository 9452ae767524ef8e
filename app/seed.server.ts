// Demo data for a new installation: seeded once, when the database is empty.
import { eq } from "drizzle-orm";
import { listAgencies } from "../flows";
import type { Db } from "../db/client.server";
import { insertAgencyEndpointIfMissing } from "../db/queries/agencies";
import { settings } from "../db/schema";
import { seedBasicResidentRegister } from "./registries/basic-resident-register.server";
import { demoAgencySecret } from "./signature.server";
import { simulatorEndpoint } from "./simulator/agency-simulator.server";
import { simulatorPort } from "./simulator/config.server";

const SEEDED_KEY = "demo.seededAt";

export function isSeeded(db: Db): boolean {
  return db.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get() !== undefined;
}

/** Seeds the demo data in one transaction, unless it was seeded before. Returns whether it seeded. */
export function seedDemoData(db: Db): boolean {
  if (isSeeded(db)) return false;
  db.transaction((tx) => {
    seedBasicResidentRegister(tx);
    tx.insert(settings).values({ key: SEEDED_KEY, value: new Date().toISOString() }).run();
  });
  return true;
}

/**
 * Points every http-channel agency without an endpoint at the agency simulator, with its demo secret.
 * Runs on every start, so agencies added to the catalogue later get one too; existing rows are kept.
 */
export function seedAgencyEndpoints(db: Db, { baseUrl = `http://127.0.0.1:${simulatorPort()}` }: { baseUrl?: string } = {}): number {
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    let added = 0;
    for (const agency of listAgencies().filter((candidate) => candidate.channel === "http")) {
      if (insertAgencyEndpointIfMissing(tx, { agencyId: agency.id, url: simulatorEndpoint(baseUrl, agency.id), secret: demoAgencySecret(agency.id), now })) added++;
    }
    return added;
  });
}
