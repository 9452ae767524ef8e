// Production mode refuses to start while anything of the demo remains (issue 11, item 4): the demo's
// accounts have published passwords and TOTP secrets, and its agency secrets are derived from a constant in
// the source, so a portal that kept them could be signed into, and sent forged callbacks, by anyone.
import { eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { listAgencyEndpoints } from "../../db/queries/agencies";
import { readAgencyEndpoint } from "../delivery/endpoints.server";
import { isEncryptedField } from "../identity/security/field-encryption.server";
import { settings, users } from "../../db/schema";
import { demoAgencySecret } from "../delivery/signature.server";
import { demoAccounts } from "./demo-accounts.server";

/**
 * What of the demo this database still holds, each as one sentence that says how to fix it; empty when
 * production may start on it.
 */
export function demoLeftovers(db: Db, env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const seeded = db.select().from(settings).where(eq(settings.key, "demo.seededAt")).get();
  if (seeded) {
    problems.push(
      `This database was seeded with the demo's people and accounts (on ${seeded.value}). Start production on a new database: ` +
        `set DATABASE_PATH to a new file (keep this one for demonstrations).`,
    );
  }
  const accounts = db
    .select({ loginId: users.loginId })
    .from(users)
    .where(or(inArray(users.id, demoAccounts.map((account) => account.id)), inArray(users.loginId, demoAccounts.map((account) => account.loginId))))
    .all();
  if (accounts.length > 0) {
    problems.push(
      `It holds ${accounts.length} demo account(s), whose passwords are published (${accounts.slice(0, 3).map((a) => a.loginId).join(", ")}${accounts.length > 3 ? ", …" : ""}). ` +
        `Start production on a new database and create its first administrator with: npm run admin -- create-admin --login <login id> --name <name>.`,
    );
  }
  const seeds = ["madoguchi-demo-only", ...(env.AGENCY_SIMULATOR_SECRET ? [env.AGENCY_SIMULATOR_SECRET] : [])];
  for (const endpoint of listAgencyEndpoints(db)) {
    // Secrets are stored encrypted; a row an earlier version left in plain text is compared as it is.
    const secret = isEncryptedField(endpoint.secret) ? readAgencyEndpoint(db, { agencyId: endpoint.agencyId })?.secrets[0] : endpoint.secret;
    if (seeds.some((seed) => secret === demoAgencySecret(endpoint.agencyId, seed))) {
      problems.push(
        `The organisation ${endpoint.agencyId} signs with the demo's secret, which anyone can derive from the source. ` +
          `Give it its own: npm run admin -- set-agency-endpoint ${endpoint.agencyId} --url <its https address> (prints a new secret to hand over).`,
      );
    }
  }
  return problems;
}

/** Thrown at start in production mode when demoLeftovers found something; its message lists every fix. */
export class DemoLeftoversError extends Error {
  constructor(problems: string[]) {
    super(`Production mode does not start on this database:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "DemoLeftoversError";
  }
}

/** Throws DemoLeftoversError when production may not start on this database. */
export function assertNoDemoLeftovers(db: Db, env: NodeJS.ProcessEnv = process.env) {
  const problems = demoLeftovers(db, env);
  if (problems.length > 0) throw new DemoLeftoversError(problems);
}
