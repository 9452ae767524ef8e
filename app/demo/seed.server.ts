// Demo data for a new installation: seeded once, when the database is empty, in one transaction.
import { eq } from "drizzle-orm";
import { listAgencies } from "../../flows";
import type { Db, Tx } from "../../db/client.server";
import { findDataSubject } from "../../db/queries/records";
import { createAuthorisation, createUser, getUserById, getUserByLoginId } from "../../db/queries/users";
import { settings } from "../../db/schema";
import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from "./demo-accounts.server";
import { seedBasicResidentRegister } from "./registries/basic-resident-register.server";
import { encryptField } from "../identity/security/field-encryption.server";
import { hashPassword } from "../identity/security/password.server";
import { totpSecretContext } from "../identity/security/totp.server";
import { addAgencyEndpointIfMissing } from "../delivery/endpoints.server";
import { demoAgencySecret } from "../delivery/signature.server";
import { simulatorEndpoint } from "./simulator/agency-simulator.server";
import { simulatorPort } from "./simulator/config.server";

const SEEDED_KEY = "demo.seededAt";

export function isSeeded(db: Db): boolean {
  return db.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get() !== undefined;
}

/**
 * Seeds the demo data in one transaction, unless it was seeded before. Returns whether it seeded.
 * Async only because the demo passwords are hashed (scrypt, in parallel) before the transaction opens.
 * Tests pass `hashDemoPassword` to reuse one real hash across their databases (each costs ~0.5 s).
 */
export async function seedDemoData(db: Db, { hashDemoPassword = hashPassword }: { hashDemoPassword?: (password: string) => Promise<string> } = {}): Promise<boolean> {
  if (isSeeded(db)) return false;
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashDemoPassword(DEMO_PASSWORD)));
  return db.transaction((tx) => {
    if (tx.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get()) return false;
    seedBasicResidentRegister(tx);
    tx.insert(settings).values({ key: SEEDED_KEY, value: new Date().toISOString() }).run();
    seedDemoAccounts(tx, demoAccounts, passwordHashes);
    return true;
  });
}

/**
 * Adds the demo accounts listed since this database was seeded (a demo database kept from an earlier
 * version), so every account the README lists can sign in. Leaves existing accounts as they are, and
 * skips one whose login id is taken or whose person is not in the register. Returns the added login ids.
 */
export async function addMissingDemoAccounts(db: Db, { hashDemoPassword = hashPassword }: { hashDemoPassword?: (password: string) => Promise<string> } = {}): Promise<string[]> {
  if (!isSeeded(db)) return [];
  const missing = demoAccounts.filter(
    (account) =>
      !getUserById(db, { userId: account.id }) &&
      !getUserByLoginId(db, { loginId: account.loginId }) &&
      (!account.personId || findDataSubject(db, { id: account.personId })) &&
      (account.actsFor ?? []).every((grant) => findDataSubject(db, { id: grant.subjectId })),
  );
  if (missing.length === 0) return [];
  const passwordHashes = await Promise.all(missing.map(() => hashDemoPassword(DEMO_PASSWORD)));
  db.transaction((tx) => seedDemoAccounts(tx, missing, passwordHashes));
  return missing.map((account) => account.loginId);
}

function seedDemoAccounts(tx: Tx, accounts: DemoAccount[], passwordHashes: string[]) {
  const now = new Date().toISOString();
  accounts.forEach((account, i) => {
    createUser(tx, {
      id: account.id,
      loginId: account.loginId,
      displayName: account.displayName,
      role: account.role,
      personId: account.personId ?? null,
      agencyId: account.agencyId ?? null,
      passwordHash: passwordHashes[i],
      totpSecret: account.totpSecret ? encryptField(account.totpSecret, totpSecretContext(account.id)) : null,
      createdAt: now,
    });
    for (const grant of account.actsFor ?? []) createAuthorisation(tx, { userId: account.id, grantedAt: now, ...grant });
  });
}

/**
 * Points every http-channel agency without an endpoint at the agency simulator, with its demo secret.
 * Runs on every start, so agencies added to the catalogue later get one too; existing rows are kept.
 */
export function seedAgencyEndpoints(db: Db, { baseUrl = `http://127.0.0.1:${simulatorPort()}` }: { baseUrl?: string } = {}): number {
  const now = new Date();
  return db.transaction((tx) => {
    let added = 0;
    for (const agency of listAgencies().filter((candidate) => candidate.channel === "http")) {
      if (addAgencyEndpointIfMissing(tx, { agencyId: agency.id, url: simulatorEndpoint(baseUrl, agency.id), secret: demoAgencySecret(agency.id), now })) added++;
    }
    return added;
  });
}
