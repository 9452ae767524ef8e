// The steps of signing in that every method shares: rate limits and lockout, the second-factor step,
// and finishing with a fresh session, a fresh CSRF token and an audit entry.
import { redirect } from "@remix-run/node";
import { safeRedirect } from "./security/safe-redirect";
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
  countOf,
  failureNoticeEvery,
  hitRateLimit,
  resetRateLimit,
  secondFactorFailuresPerAccount,
  secondFactorFailuresPerIp,
  signInFailuresPerAccount,
  signInFailuresPerPair,
  signInPerIp,
  type RateLimitResult,
} from "./security/rate-limit.server";
import { clientIp } from "./security/request.server";
import { startSession } from "./session.server";
import type { AuthContext } from "./auth.server";

export const normaliseLoginId = (loginId: string) => loginId.trim().normalize("NFKC").toLowerCase();
/** Wrong passwords for one account from one address (locks, with growing delays). */
export const pairLimitKey = (loginId: string, ip: string | null) => `sign-in:pair:${normaliseLoginId(loginId)}:${ip ?? "unknown"}`;
/** Wrong passwords for one account from anywhere (never locks; tells the account holder). */
export const accountFailuresKey = (loginId: string) => `sign-in:failures:${normaliseLoginId(loginId)}`;
export const secondFactorKey = (userId: string) => `sign-in:second-factor:${userId}`;
export const secondFactorIpKey = (ip: string | null) => `sign-in:second-factor-ip:${ip ?? "unknown"}`;
export const ipLimitKey = (ip: string | null) => `sign-in:ip:${ip ?? "unknown"}`;

export type PasswordOutcome =
  | { kind: "rate-limited"; retryAt: Date }
  | { kind: "invalid" }
  | { kind: "signed-in"; user: User };

const firstRefusal = (limits: RateLimitResult[]) => limits.find((r): r is Extract<RateLimitResult, { allowed: false }> => !r.allowed);

/**
 * Checks a login id and password. Protects against password guessing without handing anyone a way to
 * lock another person out: attempts per IP address are limited (spraying), and wrong passwords lock only
 * the pair of account and address, for a minute that doubles with each further failure. Every fifth wrong
 * password of an account, from anywhere, is recorded for the account holder, who sees it on their account
 * page. Unknown login ids are counted the same way, so a lock reveals nothing; wrong id and wrong password
 * get the same answer.
 */
export async function checkPasswordSignIn(request: Request, { loginId, password }: { loginId: string; password: string }, db: Tx = getDb()): Promise<PasswordOutcome> {
  const ip = clientIp(request);
  const refused = firstRefusal([checkRateLimit(db, pairLimitKey(loginId, ip), signInFailuresPerPair), hitRateLimit(db, ipLimitKey(ip), signInPerIp)]);
  if (refused) return { kind: "rate-limited", retryAt: refused.retryAt };

  const user = getUserByLoginId(db, { loginId: normaliseLoginId(loginId) });
  const ok = await verifyPassword(password, user?.passwordHash);
  // A deactivated account gets the same answer as a wrong password: nothing about it is revealed.
  if (!ok || !user || user.deactivatedAt) return recordPasswordFailure(db, { loginId, ip, user });
  resetRateLimit(db, pairLimitKey(loginId, ip));
  return { kind: "signed-in", user };
}

/** Counts a wrong password for the account and address; returns the lock once the pair reaches it. */
export function recordPasswordFailure(db: Tx, { loginId, ip, user }: { loginId: string; ip: string | null; user: User | undefined }): PasswordOutcome {
  const pair = hitRateLimit(db, pairLimitKey(loginId, ip), signInFailuresPerPair);
  hitRateLimit(db, accountFailuresKey(loginId), signInFailuresPerAccount);
  const failures = countOf(db, accountFailuresKey(loginId), signInFailuresPerAccount);
  logger.warn("sign-in failed", { userId: user?.id ?? null, locked: !pair.allowed });
  if (user && failures % failureNoticeEvery === 0) {
    appendAuditEntry(db, { actor: "system:sign-in", action: "session.password-failures", subjectType: "user", subjectId: user.id, details: { failures } });
  }
  if (!pair.allowed) {
    if (user) appendAuditEntry(db, { actor: user.id, action: "session.locked", subjectType: "user", subjectId: user.id, details: { factor: "password" } });
    return { kind: "rate-limited", retryAt: pair.retryAt };
  }
  return { kind: "invalid" };
}

/** Whether this account may try a second-factor code now, from this address. */
export function secondFactorLock(db: Tx, request: Request, user: User): RateLimitResult {
  const ip = clientIp(request);
  return (
    firstRefusal([checkRateLimit(db, secondFactorKey(user.id), secondFactorFailuresPerAccount), checkRateLimit(db, secondFactorIpKey(ip), secondFactorFailuresPerIp)]) ?? {
      allowed: true,
    }
  );
}

/**
 * Counts a wrong second-factor code, on its own counter: a correct password never clears it, so knowing
 * the password does not buy unlimited guesses at the code. Every fifth tells the account holder (whose
 * password someone then knows).
 */
export function recordSecondFactorFailure(db: Tx, request: Request, user: User): PasswordOutcome {
  const ip = clientIp(request);
  const account = hitRateLimit(db, secondFactorKey(user.id), secondFactorFailuresPerAccount);
  const address = hitRateLimit(db, secondFactorIpKey(ip), secondFactorFailuresPerIp);
  const failures = countOf(db, secondFactorKey(user.id), secondFactorFailuresPerAccount);
  logger.warn("second factor failed", { userId: user.id, locked: !account.allowed || !address.allowed });
  if (failures % failureNoticeEvery === 0) {
    appendAuditEntry(db, { actor: "system:sign-in", action: "session.second-factor-failures", subjectType: "user", subjectId: user.id, details: { failures } });
  }
  const refused = firstRefusal([account, address]);
  if (refused) {
    appendAuditEntry(db, { actor: user.id, action: "session.locked", subjectType: "user", subjectId: user.id, details: { factor: "second" } });
    return { kind: "rate-limited", retryAt: refused.retryAt };
  }
  return { kind: "invalid" };
}

export const clearSecondFactorFailures = (db: Tx, user: User) => resetRateLimit(db, secondFactorKey(user.id));

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
  const ip = clientIp(request);
  const lock = firstRefusal([checkRateLimit(db, pairLimitKey(user.loginId, ip), signInFailuresPerPair), user.totpSecret ? secondFactorLock(db, request, user) : { allowed: true }]);
  if (lock) return { kind: "rate-limited", retryAt: lock.retryAt };
  if (!(await verifyPassword(password, user.passwordHash))) {
    const outcome = recordPasswordFailure(db, { loginId: user.loginId, ip, user });
    return outcome.kind === "rate-limited" ? outcome : { kind: "invalid" };
  }
  resetRateLimit(db, pairLimitKey(user.loginId, ip));
  if (user.totpSecret) {
    if (code === undefined || !(await verifyUserTotp(db, user, code))) {
      const outcome = recordSecondFactorFailure(db, request, user);
      return outcome.kind === "rate-limited" ? outcome : { kind: "invalid" };
    }
    clearSecondFactorFailures(db, user);
  }
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

/**
 * What the account holder is told on their account page: how many wrong passwords (from anywhere) and
 * wrong second-factor codes were entered for their account in the last 24 hours.
 */
export function failedSignInsOf(db: Tx, user: Pick<User, "id" | "loginId">) {
  return {
    passwords: countOf(db, accountFailuresKey(user.loginId), signInFailuresPerAccount),
    codes: countOf(db, secondFactorKey(user.id), secondFactorFailuresPerAccount),
  };
}
