// Test helpers for identity: a seeded database the server code uses (getDb), signed-in browsers as
// cookie headers, and Requests as a browser would send them (same origin, with the CSRF token).
import type { Db } from "../../db/client.server";
import { getUserByLoginId } from "../../db/queries/users";
import { issueCsrfToken } from "../../app/identity/security/csrf.server";
import { hashPassword } from "../../app/identity/security/password.server";
import { demoAccounts } from "../../app/demo/demo-accounts.server";
import { seedCounterSlots } from "../../app/demo/counter-slots.server";
import { seedDemoData } from "../../app/demo/seed.server";
import { offerDemoShortcut } from "../../app/identity/demo-shortcut.server";
import { startSession } from "../../app/identity/session.server";
import { createTestDatabase } from "./test-db";

export const ORIGIN = "http://madoguchi.test";

let demoHash: Promise<string> | undefined;
/** One real scrypt hash of the demo password, shared by every account a test seeds (saves ~0.5 s each). */
const sharedDemoHash = (password: string) => (demoHash ??= hashPassword(password));

/** A fresh database, seeded with the demo data, installed as the process database for server code. */
export async function useSeededDatabase(): Promise<{ db: Db; close: () => void }> {
  const test = createTestDatabase();
  await seedDemoData(test.db, { hashDemoPassword: sharedDemoHash });
  // As the demo start-up does: the demo municipalities offer counter visit slots.
  seedCounterSlots(test.db);
  globalThis.__madoguchiDb = test.db;
  // As the demo start-up does: the sign-in shortcut offers the demo accounts (in demo mode only).
  offerDemoShortcut(demoAccounts);
  return {
    db: test.db,
    close: () => {
      globalThis.__madoguchiDb = undefined;
      test.close();
    },
  };
}

/** A browser: its cookies and the CSRF token its pages would carry. */
export type Browser = { cookie: string; csrf: string; sessionToken?: string };

function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0];
}

/** A browser that has visited a page (so it holds a CSRF cookie) but is not signed in. */
export async function anonymousBrowser(): Promise<Browser> {
  const { token, setCookie } = await issueCsrfToken(new Request(ORIGIN));
  return { cookie: cookiePair(setCookie!), csrf: token };
}

/**
 * A browser signed in as a demo account (fully, past any second factor), optionally acting for someone.
 * It signed in just now, unless `verifiedAt` says when the person last proved who they are (null: never).
 */
export async function signedInBrowser(
  db: Db,
  loginId: string,
  { actingFor = null as string | null, stage = "active" as "active" | "second-factor", verifiedAt = new Date().toISOString() as string | null } = {},
): Promise<Browser> {
  const user = getUserByLoginId(db, { loginId });
  if (!user) throw new Error(`no demo account ${loginId}`);
  const anonymous = await anonymousBrowser();
  const { setCookie, token } = await startSession(new Request(ORIGIN), { userId: user.id, stage, method: "test", actingFor, verifiedAt }, { db });
  return { cookie: `${anonymous.cookie}; ${cookiePair(setCookie)}`, csrf: anonymous.csrf, sessionToken: token };
}

type RequestOptions = {
  as?: Browser | null;
  method?: string;
  form?: Record<string, string>;
  /** The Origin header; defaults to the portal's own for POSTs. null sends none. */
  origin?: string | null;
  /** Leave out the CSRF field (it is added from `as` otherwise). */
  withoutCsrf?: boolean;
  headers?: Record<string, string>;
};

/** A Request as a browser would send it: its cookies, and for POSTs the page's CSRF token and Origin. */
export function browserRequest(path: string, { as = null, method, form, origin, withoutCsrf = false, headers = {} }: RequestOptions = {}): Request {
  const verb = method ?? (form ? "POST" : "GET");
  const h = new Headers(headers);
  // Node's Request does not add Host; Remix compares it with Origin on POSTs, as a browser's would match.
  h.set("Host", new URL(ORIGIN).host);
  if (as) h.set("Cookie", as.cookie);
  const sendOrigin = origin === undefined ? (verb === "GET" ? null : ORIGIN) : origin;
  if (sendOrigin) h.set("Origin", sendOrigin);
  let body: URLSearchParams | undefined;
  if (verb !== "GET") {
    body = new URLSearchParams(form ?? {});
    if (as && !withoutCsrf && !body.has("csrf")) body.set("csrf", as.csrf);
  }
  return new Request(`${ORIGIN}${path}`, { method: verb, headers: h, body });
}

/** Cookies a response sets, as name → value. */
export function setCookiesOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair.indexOf("=");
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** The session token a response's Set-Cookie hands the browser, or null. */
export const sessionTokenOf = (response: Response) => JSON.parse(atob(decodeURIComponent(setCookiesOf(response)["madoguchi_session"] ?? "")) || "null") as string | null;

/** The browser after it stored a response's cookies. */
export function browserAfter(before: Browser, response: Response): Browser {
  const jar = Object.fromEntries(before.cookie.split("; ").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
  Object.assign(jar, setCookiesOf(response));
  return { ...before, cookie: Object.entries(jar).map(([k, v]) => `${k}=${v}`).join("; ") };
}

/** Runs a loader or action and returns what it produced: a Response (thrown or returned) or data. */
export async function run<T>(fn: () => Promise<T> | T): Promise<{ status: number; response: Response | null; data: unknown }> {
  try {
    const result = await fn();
    return normalise(result);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalise(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

function normalise(value: unknown) {
  if (value instanceof Response) return { status: value.status, response: value, data: null };
  if (isDataWithInit(value)) return { status: value.init?.status ?? 200, response: null, data: value.data };
  return { status: 200, response: null, data: value };
}
