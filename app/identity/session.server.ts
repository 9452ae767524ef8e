// Server-side sessions in the database: the cookie holds only a random token; the row (found by the
// token's SHA-256) holds who is signed in, for whom they act, and when the session ends.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getDb, type Db, type Tx } from "../../db/client.server";
import { appendAuditEntry, type AuditInput } from "../../db/queries/audit";
import {
  createSessionRow,
  deleteExpiredSessionRows,
  deleteSessionRow,
  deleteSessionRowsOfUser,
  getSessionRow,
  touchSessionRow,
  type SessionRow,
} from "../../db/queries/sessions";
import { isProductionMode } from "../platform/mode.server";

/** A session ends after 30 minutes without a request… */
export const SESSION_IDLE_MS = 30 * 60_000;
/** …and 12 hours after sign-in, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** The second-factor step must be finished within 5 minutes of the password. */
export const SECOND_FACTOR_MS = 5 * 60_000;
/**
 * A request counts as activity, but the session row is written at most once per this interval: a page is
 * several reads of the session (the root loader, the route's loader), and a write per read made every signed-in
 * GET a database write. The idle end is counted from the last write, so it can come up to this much earlier
 * than 30 minutes after the very last request; never later.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** The warning is shown this long before the idle end. */
export const SESSION_WARNING_MS = 2 * 60_000;

/**
 * The session cookie. In production: `__Host-` prefixed (no Domain, Path=/, only over https), Secure,
 * HttpOnly (no script can read it) and SameSite=Lax (not sent on cross-site POSTs). In demo mode on
 * http://127.0.0.1 the same without Secure and the prefix, which browsers only accept over https.
 * No Max-Age: the server decides when a session ends.
 */
export const sessionCookie = () =>
  createCookie(isProductionMode() ? "__Host-madoguchi_session" : "madoguchi_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isProductionMode(),
  });

export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SessionState =
  | { status: "none" }
  | { status: "expired"; reason: "idle" | "absolute" }
  | { status: "valid"; session: SessionRow; idleExpiresAt: Date; absoluteExpiresAt: Date };

async function readToken(request: Request): Promise<string | null> {
  const token = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The session id (hash) the request's cookie points to, whether or not the session still exists. */
export async function sessionIdOf(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashSessionToken(token) : null;
}

export function idleLimitOf(session: Pick<SessionRow, "stage">) {
  return session.stage === "second-factor" ? SECOND_FACTOR_MS : SESSION_IDLE_MS;
}

/**
 * Finds the request's session and checks both time limits. An expired session is deleted, so it can
 * never come back. With `touch` (the default) the request counts as activity and extends the idle end (written
 * at most once per SESSION_TOUCH_INTERVAL_MS);
 * the session-status check passes touch: false so that looking at the clock does not reset it.
 */
export async function readSession(request: Request, { touch = true, db = getDb() as Tx, now = new Date() } = {}): Promise<SessionState> {
  const sessionId = await sessionIdOf(request);
  if (!sessionId) return { status: "none" };
  const session = getSessionRow(db, { sessionId });
  if (!session) return { status: "none" };
  const absoluteExpiresAt = new Date(session.expiresAt);
  const idleExpiresAt = new Date(new Date(session.lastSeenAt).getTime() + idleLimitOf(session));
  if (absoluteExpiresAt <= now || idleExpiresAt <= now) {
    deleteSessionRow(db, { sessionId });
    return { status: "expired", reason: absoluteExpiresAt <= now ? "absolute" : "idle" };
  }
  if (!touch || now.getTime() - new Date(session.lastSeenAt).getTime() < SESSION_TOUCH_INTERVAL_MS) {
    return { status: "valid", session, idleExpiresAt: idleExpiresAt < absoluteExpiresAt ? idleExpiresAt : absoluteExpiresAt, absoluteExpiresAt };
  }
  touchSessionRow(db, { sessionId, at: now.toISOString() });
  const touched = { ...session, lastSeenAt: now.toISOString() };
  const newIdle = new Date(now.getTime() + idleLimitOf(session));
  return { status: "valid", session: touched, idleExpiresAt: newIdle < absoluteExpiresAt ? newIdle : absoluteExpiresAt, absoluteExpiresAt };
}

export type NewSession = {
  userId: string;
  stage: SessionRow["stage"];
  method: string;
  actingFor?: string | null;
  /** Keep the absolute end of the session being replaced (a change of subject is not a new sign-in). */
  expiresAt?: string;
  /** When the person last proved who they are: now at a sign-in, kept at a change of subject. */
  verifiedAt?: string | null;
};

/**
 * Starts a session with a NEW random token and deletes the request's previous session, if any. Use it at
 * every sign-in and every change of privilege or subject: protects against session fixation (a token
 * planted or seen before the change is worthless after it). `audit` is written in the same transaction.
 * Returns the new session and the Set-Cookie header.
 */
export async function startSession(
  request: Request,
  next: NewSession,
  { db = getDb(), now = new Date(), audit }: { db?: Db; now?: Date; audit?: AuditInput } = {},
) {
  const previous = await sessionIdOf(request);
  const token = randomBytes(32).toString("base64url");
  const session = db.transaction((tx) => {
    if (previous) deleteSessionRow(tx, { sessionId: previous });
    const row = createSessionRow(tx, {
    id: hashSessionToken(token),
    userId: next.userId,
    stage: next.stage,
    method: next.method,
    actingFor: next.actingFor ?? null,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: next.expiresAt ?? new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    verifiedAt: next.verifiedAt ?? null,
      userAgent: describeUserAgent(request.headers.get("user-agent")),
    });
    if (audit) appendAuditEntry(tx, audit);
    // Sign-ins are a good moment to sweep sessions that ended by time.
    deleteExpiredSessionRows(tx, { now: now.toISOString(), idleBefore: new Date(now.getTime() - SESSION_IDLE_MS).toISOString() });
    return row;
  });
  return { session, token, setCookie: await sessionCookie().serialize(token) };
}

/** Ends the request's session (sign out). Returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request, { db = getDb() as Tx } = {}) {
  const sessionId = await sessionIdOf(request);
  if (sessionId) deleteSessionRow(db, { sessionId });
  return clearSessionCookie();
}

/** Ends every session of a user (sign out everywhere), optionally keeping one. */
export function endAllSessions(userId: string, { exceptSessionId, db = getDb() as Tx }: { exceptSessionId?: string; db?: Tx } = {}) {
  return deleteSessionRowsOfUser(db, { userId, exceptSessionId });
}

export const clearSessionCookie = () => sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });

/** "Chrome on Linux": enough for a person to recognise a session, without storing the full fingerprint. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} / ${os}` : browser;
}
