// The steps of signing in that every method shares: rate limits and lockout, the second-factor step,
// and finishing with a fresh session, a fresh CSRF token and an audit entry.
import { redirect } from "@remix-run/node";
import { safeRedirect } from "remix-utils/safe-redirect";
import { getDb, type Db, type Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { getUserById, getUserByLoginId, listAuthorisations, type User } from "../../db/queries/users";
import type { Role } from "../../db/schema";
import { rolesNeedingSecondFactor } from "./auth.server";
import { homeOf } from "./home";
import { logger } from "../platform/logger.server";
import { rotateCsrfCookie } from "./security/csrf.server";
import { verifyPassword } from "./security/password.server";
import { verifyUserTotp } from "./security/totp.server";
import {
  checkRateLimit,
  hitRateLimit,
  resetRateLimit,
  signInFailuresPerAccount,
  signInPerIp,
  type RateLimitResult,
} from "./security/rate-limit.server";
import { clientIp } from "./security/request.server";
import { startSession } from "./session.server";
import type { AuthContext } from "./auth.server";

export const normaliseLoginId = (loginId: string) => loginId.trim().normalize("NFKC").toLowerCase();
export const accountLimitKey = (loginId: string) => `sign-in:account:${normaliseLoginId(loginId)}`;
const ipLimitKey = (ip: string) => `sign-in:ip:${ip}`;

export type PasswordOutcome =
  | { kind: "rate-limited"; retryAt: Date }
  | { kind: "invalid" }
  | { kind: "signed-in"; user: User };

/**
 * Checks a login id and password. Protects against password guessing: attempts per IP address are
 * limited, and an account is locked for 15 minutes after 5 failures (the lock applies to unknown login
 * ids too, so a lock does not reveal which ids exist). Wrong id and wrong password get the same answer.
 */
export async function checkPasswordSignIn(request: Request, { loginId, password }: { loginId: string; password: string }, db: Tx = getDb()): Promise<PasswordOutcome> {
  const ip = clientIp(request);
  const accountKey = accountLimitKey(loginId);
  const limits: RateLimitResult[] = [checkRateLimit(db, accountKey, signInFailuresPerAccount)];
  if (ip) limits.push(hitRateLimit(db, ipLimitKey(ip), signInPerIp));
  const refused = limits.find((r) => !r.allowed);
  if (refused && !refused.allowed) return { kind: "rate-limited", retryAt: refused.retryAt };

  const user = getUserByLoginId(db, { loginId: normaliseLoginId(loginId) });
  const ok = await verifyPassword(password, user?.passwordHash);
  // A deactivated account gets the same answer as a wrong password: nothing about it is revealed.
  if (!ok || !user || user.deactivatedAt) return recordFailure(db, loginId, user);
  resetRateLimit(db, accountKey);
  return { kind: "signed-in", user };
}

/** Counts a failed password or second factor against the account; returns the lockout once reached. */
export function recordFailure(db: Tx, loginId: string, user: User | undefined): PasswordOutcome {
  const result = hitRateLimit(db, accountLimitKey(loginId), signInFailuresPerAccount);
  logger.warn("sign-in failed", { userId: user?.id ?? null, locked: !result.allowed });
  if (!result.allowed) {
    if (user) appendAuditEntry(db, { actor: user.id, action: "session.locked", subjectType: "user", subjectId: user.id });
    return { kind: "rate-limited", retryAt: result.retryAt };
  }
  return { kind: "invalid" };
}

export function accountLock(db: Tx, loginId: string): RateLimitResult {
  return checkRateLimit(db, accountLimitKey(loginId), signInFailuresPerAccount);
}

export const needsSecondFactor = (user: Pick<User, "role">) => rolesNeedingSecondFactor.includes(user.role);

/** Where to go after signing in: the page that asked for it (same-site paths only), else the role's home. */
export const afterSignIn = (redirectTo: string | null | undefined, role: Role) => safeRedirect(redirectTo, homeOf(role));

/** A representative with one company acts for it from the start; everyone else acts for themselves. */
function defaultSubject(db: Tx, user: User): string | null {
  if (user.role !== "representative") return null;
  const companies = listAuthorisations(db, { userId: user.id }).filter((a) => a.subjectType === "company");
  return companies.length === 1 ? companies[0].subjectId : null;
}

/** After a correct password for a role that needs TOTP: a short "second-factor" session, then the TOTP step. */
export async function startSecondFactor(request: Request, user: User, redirectTo: string | null) {
  const { setCookie } = await startSession(request, { userId: user.id, stage: "second-factor", method: "password" });
  const params = new URLSearchParams();
  if (redirectTo) params.set("redirectTo", afterSignIn(redirectTo, user.role));
  return redirect(`/sign-in/two-factor${params.size ? `?${params}` : ""}`, { headers: { "Set-Cookie": setCookie } });
}

/**
 * Finishes any sign-in: a new session (new token: session fixation defence), a new CSRF cookie, an
 * audit entry, and a redirect to where the person was going.
 */
export async function completeSignIn(request: Request, user: User, { method, redirectTo }: { method: string; redirectTo?: string | null }, db: Db = getDb()) {
  const { setCookie } = await startSession(
    request,
    { userId: user.id, stage: "active", method, actingFor: defaultSubject(db, user), verifiedAt: new Date().toISOString() },
    { db, audit: { actor: user.id, action: "session.signed-in", subjectType: "user", subjectId: user.id, details: { method } } },
  );
  logger.info("signed in", { userId: user.id, method });
  const headers = new Headers();
  headers.append("Set-Cookie", setCookie);
  headers.append("Set-Cookie", await rotateCsrfCookie());
  return redirect(afterSignIn(redirectTo, user.role), { headers });
}

export type ConfirmOutcome = { kind: "rate-limited"; retryAt: Date } | { kind: "invalid" } | { kind: "confirmed"; setCookie: string };

/**
 * "Confirm it's you" for a signed-in person about to change how they sign in: their password, and their
 * TOTP code when they have an authenticator app. Failures count towards the same lock as signing in, so
 * a stolen session cannot be used to guess the password. On success the session is replaced (new token)
 * with the time of this confirmation, keeping for whom the person acts and when the session ends.
 */
export async function confirmIdentity(
  request: Request,
  auth: AuthContext,
  { password, code }: { password: string; code?: string },
  db: Db = getDb(),
): Promise<ConfirmOutcome> {
  const user = getUserById(db, { userId: auth.user.id });
  if (!user) return { kind: "invalid" };
  const lock = accountLock(db, user.loginId);
  if (!lock.allowed) return { kind: "rate-limited", retryAt: lock.retryAt };
  const ok = (await verifyPassword(password, user.passwordHash)) && (!user.totpSecret || (code !== undefined && (await verifyUserTotp(db, user, code))));
  if (!ok) {
    const outcome = recordFailure(db, user.loginId, user);
    return outcome.kind === "rate-limited" ? outcome : { kind: "invalid" };
  }
  resetRateLimit(db, accountLimitKey(user.loginId));
  const { setCookie } = await startSession(
    request,
    {
      userId: user.id,
      stage: "active",
      method: auth.session.method,
      actingFor: auth.actingFor?.id ?? null,
      expiresAt: auth.session.absoluteExpiresAt.toISOString(),
      verifiedAt: new Date().toISOString(),
    },
    { db, audit: { actor: user.id, action: "session.confirmed", subjectType: "user", subjectId: user.id } },
  );
  return { kind: "confirmed", setCookie };
}
