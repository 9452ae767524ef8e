// Demo data for a new installation: seeded once, when the database is empty.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.server";
import { settings } from "../db/schema";
import { seedBasicResidentRegister } from "./registries/basic-resident-register.server";

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
