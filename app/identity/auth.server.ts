// The access-control API every loader and action uses: who is signed in, in which role, for whom they
// act, and whether a form really came from this portal. Small on purpose: see README "Auth API".
import { data, redirect } from "@remix-run/node";
import { BodyTooLargeError, MAX_FORM_BYTES, readBodyWithin } from "../platform/body.server";
import { cleanText } from "../platform/text";
import { getDb, type Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { findAuthorisation, getUserById, listAuthorisations, type User } from "../../db/queries/users";
import type { Role } from "../../db/schema";
import { checkCsrfToken, checkSameOrigin, isCsrfExempt } from "./security/csrf.server";
import { logger } from "../platform/logger.server";
import {
  checkRateLimit,
  hitRateLimit,
  rateLimitedResponse,
  submissionsPerAccount,
  submissionsPerIp,
} from "./security/rate-limit.server";
import { clientIp } from "./security/request.server";
import { clearSessionCookie, readSession, type SessionState } from "./session.server";

/** A user without the secret columns: what routes may hold and pass around. */
export type SafeUser = Omit<User, "passwordHash" | "totpSecret" | "totpLastStep">;

export type Subject = {
  type: "person" | "company";
  id: string;
  name: string;
  relationship: "self" | "spouse" | "child" | "representative";
};

export type AuthContext = {
  user: SafeUser;
  /** The person or company the user acts for now; null when acting for themselves. */
  actingFor: Subject | null;
  /** Whose data the user works with now: actingFor, else their own person (null for staff roles). */
  subject: Subject | null;
  session: { id: string; method: string; idleExpiresAt: Date; absoluteExpiresAt: Date; verifiedAt: string | null };
};

/** Roles that must pass a second factor (TOTP, or a passkey with user verification) to sign in. */
export const rolesNeedingSecondFactor: readonly Role[] = ["officer", "designer", "administrator"];
/** Roles that work with the data of people or companies they act for. */
export const applicantRoles: readonly Role[] = ["citizen", "representative"];

export function toSafeUser(user: User): SafeUser {
  const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...safe } = user;
  return safe;
}

function ownSubject(user: Pick<SafeUser, "personId" | "displayName">): Subject | null {
  return user.personId ? { type: "person", id: user.personId, name: user.displayName, relationship: "self" } : null;
}

/** The subjects a user may act for: themselves (when they are a person of the register) and every authorisation. */
export function listSubjects(userId: string, db: Tx = getDb()): Subject[] {
  const user = getUserById(db, { userId });
  return user ? listSubjectsOf(user, db) : [];
}

/** listSubjects for a user already read (e.g. the signed-in one). */
export function listSubjectsOf(user: Pick<SafeUser, "id" | "personId" | "displayName">, db: Tx = getDb()): Subject[] {
  const userId = user.id;
  const own = ownSubject(user);
  const granted = listAuthorisations(db, { userId }).map<Subject>((a) => ({
    type: a.subjectType,
    id: a.subjectId,
    name: a.subjectName,
    relationship: a.relationship,
  }));
  return own ? [own, ...granted] : granted;
}

/**
 * Whether `user` may see and act on the data of `subjectId` (a person or company id): their own person,
 * or someone they hold an authorisation for. Protects against one citizen reading another's data by
 * changing an id in a URL.
 */
export function canActFor(user: Pick<SafeUser, "id" | "personId">, subjectId: string, db: Tx = getDb()): boolean {
  if (user.personId && user.personId === subjectId) return true;
  return findAuthorisation(db, { userId: user.id, subjectId }) !== undefined;
}

function toContext(state: Extract<SessionState, { status: "valid" }>, db: Tx): AuthContext | null {
  if (state.session.stage !== "active") return null;
  const row = getUserById(db, { userId: state.session.userId });
  // A deactivated account has no working session, whatever cookie it still holds.
  if (!row || row.deactivatedAt) return null;
  const user = toSafeUser(row);
  let actingFor: Subject | null = null;
  if (state.session.actingFor && state.session.actingFor !== user.personId) {
    actingFor = listSubjects(user.id, db).find((s) => s.id === state.session.actingFor) ?? null;
  }
  return {
    user,
    actingFor,
    subject: actingFor ?? ownSubject(user),
    session: {
      id: state.session.id,
      method: state.session.method,
      idleExpiresAt: state.idleExpiresAt,
      absoluteExpiresAt: state.absoluteExpiresAt,
      verifiedAt: state.session.verifiedAt,
    },
  };
}

/**
 * A page is several loaders (the root's, the route's) that each ask who is signed in; Remix gives every loader of
 * one request the same load context object (`context`), and a new one to each request. A loader that passes its
 * `context` shares one read of the session and the user with the request's other loaders. Only loaders pass it:
 * they run after the request's action, if any, has finished, and change nothing of the session themselves (a
 * touch only moves the idle end), so every loader of a request would read the same answer anyway.
 */
export type LoaderReads = { context?: unknown };

const readsOfRequests = new WeakMap<object, Promise<{ state: SessionState; auth: AuthContext | null }>>();

/** The request's session and, when it is a valid active one, its AuthContext: read once per load context. */
function readAuth(request: Request, { touch = true, context }: { touch?: boolean } & LoaderReads): Promise<{ state: SessionState; auth: AuthContext | null }> {
  const read = async () => {
    const db = getDb();
    const state = await readSession(request, { touch, db });
    return { state, auth: state.status === "valid" ? toContext(state, db) : null };
  };
  if (!touch || typeof context !== "object" || context === null) return read();
  let shared = readsOfRequests.get(context);
  if (!shared) readsOfRequests.set(context, (shared = read()));
  return shared;
}

/** The signed-in user of a request, or null (anonymous, expired, or still at the second-factor step). */
export async function getOptionalUser(request: Request, { touch = true, context }: { touch?: boolean } & LoaderReads = {}): Promise<AuthContext | null> {
  return (await readAuth(request, { touch, context })).auth;
}

async function signInRedirect(request: Request, reason?: "idle" | "absolute") {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (reason) params.set("expired", reason);
  return redirect(`/sign-in?${params}`, reason ? { headers: { "Set-Cookie": await clearSessionCookie() } } : undefined);
}

export const forbidden = () => data({ forbidden: true }, { status: 403 });
export const notFound = () => data({ notFound: true }, { status: 404 });

/**
 * The signed-in user, or a thrown redirect to sign in (with `expired` when the session ran out). With
 * `roles`, any other role gets a thrown 403. Use it first in every loader and action that is not public.
 */
export async function requireUser(request: Request, { roles, context }: { roles?: readonly Role[] } & LoaderReads = {}): Promise<AuthContext> {
  const { state, auth } = await readAuth(request, { context });
  if (state.status === "expired") throw await signInRedirect(request, state.reason);
  if (state.status === "none") throw await signInRedirect(request);
  if (state.session.stage === "second-factor") throw redirect("/sign-in/two-factor");
  if (!auth) throw await signInRedirect(request);
  if (roles && !roles.includes(auth.user.role)) {
    logger.warn("access denied", { userId: auth.user.id, role: auth.user.role, path: new URL(request.url).pathname });
    throw forbidden();
  }
  return auth;
}

/** How long a sign-in, or a confirmation of who you are, counts as recent enough to change how you sign in. */
export const RECENT_VERIFICATION_MS = 10 * 60_000;

export const isRecentlyVerified = (auth: Pick<AuthContext, "session">, now = new Date()) =>
  auth.session.verifiedAt !== null && now.getTime() - Date.parse(auth.session.verifiedAt) < RECENT_VERIFICATION_MS;

/**
 * Before any change to how a person signs in (an authenticator app, a passkey added or removed): they must
 * have proved who they are in the last 10 minutes, else a thrown redirect to confirm it, then back to
 * `returnTo`. Protects against an unlocked browser left behind, or a stolen session cookie, becoming a
 * permanent takeover of the account.
 */
export function requireRecentVerification(auth: Pick<AuthContext, "session">, { returnTo }: { returnTo: string }): void {
  if (!isRecentlyVerified(auth)) throw redirect(`/account/confirm?${new URLSearchParams({ redirectTo: returnTo })}`);
}

/**
 * A citizen and the person whose data they work with now: themselves, or the household member they act
 * for (`actingFor`). Everything a citizen route reads must belong to `personId`.
 */
export async function requireCitizen(request: Request): Promise<AuthContext & { personId: string }> {
  const auth = await requireUser(request, { roles: ["citizen"] });
  if (!auth.subject || auth.subject.type !== "person") throw forbidden();
  return { ...auth, personId: auth.subject.id };
}

/** A company representative and the company they act for; a representative acts only for a company. */
export async function requireRepresentative(request: Request): Promise<AuthContext & { companyId: string }> {
  const auth = await requireUser(request, { roles: ["representative"] });
  if (!auth.actingFor || auth.actingFor.type !== "company") throw redirect("/act-for");
  return { ...auth, companyId: auth.actingFor.id };
}

/** A citizen or representative, with the person or company they act for now (`subject`). */
export async function requireApplicant(request: Request, { context }: LoaderReads = {}): Promise<AuthContext & { subject: Subject }> {
  const auth = await requireUser(request, { roles: applicantRoles, context });
  if (!auth.subject) throw redirect("/act-for");
  return { ...auth, subject: auth.subject };
}

/**
 * An agency officer and their one organisation. Every officer query must filter by `agencyId`, and show
 * only the data items the citizen consented to send to that agency.
 */
export async function requireOfficer(request: Request, { context }: LoaderReads = {}): Promise<AuthContext & { agencyId: string }> {
  const auth = await requireUser(request, { roles: ["officer"], context });
  if (!auth.user.agencyId) throw forbidden();
  return { ...auth, agencyId: auth.user.agencyId };
}

/** Throws a 404 (not 403: the id's existence is not revealed) unless the user may act for `subjectId`. */
export function requireCanActFor(auth: AuthContext, subjectId: string): void {
  if (!canActFor(auth.user, subjectId)) throw notFound();
}

/** `actor` and `onBehalfOf` for appendAuditEntry: who acted, and for whom when not for themselves. */
export function auditActorOf(auth: AuthContext): { actor: string; onBehalfOf: string | null } {
  return { actor: auth.user.id, onBehalfOf: auth.actingFor?.id ?? null };
}

/** A person reading their own data, for themselves: not someone else's read of it. */
export function isOwnRead(auth: AuthContext, dataSubjectId: string): boolean {
  return auth.user.role === "citizen" && auth.actingFor === null && !!auth.user.personId && auth.user.personId === dataSubjectId;
}

/**
 * Records that personal data of `dataSubjectId` was shown to the signed-in user: call it in every loader
 * that returns personal data, so the person's "who used my data" page is complete. A person's read of their
 * own data, for themselves, is not recorded (it is no one else's use, and a write on every page they open
 * would only bury the entries that matter); a read for someone else (a household member, a company) and every
 * officer's read always are. Returns whether an entry was written.
 */
export function recordDataRead(
  tx: Tx,
  auth: AuthContext,
  entry: { dataSubjectId: string; subjectType: string; subjectId: string; purpose: string; details?: Record<string, unknown> },
): boolean {
  if (isOwnRead(auth, entry.dataSubjectId)) return false;
  appendAuditEntry(tx, {
    ...auditActorOf(auth),
    action: "record.read",
    agencyId: auth.user.agencyId ?? null,
    ...entry,
  });
  return true;
}

/**
 * Every text field without control or bidirectional characters (the shared rule of platform/text.ts);
 * passwords are left exactly as typed, so a password is never changed behind the person's back.
 */
function cleanForm(form: FormData): FormData {
  const cleaned = new FormData();
  for (const [name, value] of form) cleaned.append(name, typeof value === "string" && !/password/i.test(name) ? cleanText(value) : value);
  return cleaned;
}

/**
 * Reads the form of a state-changing request after refusing cross-origin requests and requests without
 * this browser's CSRF token (thrown 403). Call it at the start of EVERY action instead of
 * request.formData(). Protects against cross-site request forgery, and against large bodies: one above
 * MAX_FORM_BYTES is refused with 413 (by its declared length, or once that many bytes arrived); every
 * text field is cleaned of control and bidirectional characters.
 */
export async function readVerifiedForm(request: Request): Promise<FormData> {
  const pathname = new URL(request.url).pathname;
  if (isCsrfExempt(pathname)) throw new Error(`${pathname} is exempt from CSRF checks and must verify an HMAC signature instead`);
  const crossOrigin = checkSameOrigin(request);
  if (crossOrigin) {
    logger.warn("csrf: refused", { reason: crossOrigin, path: pathname });
    throw forbidden();
  }
  let form: FormData;
  try {
    const bytes = await readBodyWithin(request, MAX_FORM_BYTES);
    form = cleanForm(await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData());
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      logger.warn("form refused: body too large", { path: pathname, maxBytes: error.maxBytes });
      throw data({ tooLarge: true }, { status: 413 });
    }
    throw data({ badRequest: true }, { status: 400 });
  }
  const failure = await checkCsrfToken(request, form);
  if (failure) {
    logger.warn("csrf: refused", { reason: failure, path: pathname });
    throw forbidden();
  }
  return form;
}

/**
 * Counts one submission for the account and the IP address; throws a 429 (with the time to try again)
 * when either is over its limit. Call it in actions that submit something to an agency.
 */
export function enforceSubmissionRateLimit(request: Request, auth: AuthContext, db: Tx = getDb()) {
  const keys: [string, typeof submissionsPerAccount][] = [[`submit:account:${auth.user.id}`, submissionsPerAccount]];
  const ip = clientIp(request);
  if (ip) keys.push([`submit:ip:${ip}`, submissionsPerIp]);
  for (const [key, policy] of keys) {
    const check = checkRateLimit(db, key, policy);
    if (!check.allowed) throw rateLimitedResponse(check.retryAt);
  }
  for (const [key, policy] of keys) hitRateLimit(db, key, policy);
}
