// Cross-site request forgery defence for every state-changing request: a per-browser token, signed with
// HMAC, in every form (double submit: the token must match the HttpOnly cookie), plus an Origin check.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isProductionMode } from "../../platform/mode.server";
import { getSecrets } from "../../platform/secrets.server";
import { publicOrigin } from "./request.server";

export const CSRF_FIELD = "csrf";

/**
 * The only paths exempt from the CSRF token: agency systems post signed callbacks there (HMAC over the
 * body with the agency's key), and they cannot hold a browser cookie. Nothing else is exempt; the access
 * matrix test checks that every other action refuses a request without the token.
 */
export const CSRF_EXEMPT_PATH = /^\/api\/agencies\//;

export const isCsrfExempt = (pathname: string) => CSRF_EXEMPT_PATH.test(pathname);

const csrfCookie = () =>
  createCookie(isProductionMode() ? "__Host-madoguchi_csrf" : "madoguchi_csrf", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isProductionMode(),
  });

/**
 * Tokens already signed, by cookie value and for one key: a browser sends the same cookie with every page, and an
 * HMAC on every page was about 1% of its CPU (issue 12). Bounded: when full it starts again.
 */
const signed = { secret: "", tokens: new Map<string, string>() };
const SIGNED_TOKENS = 10_000;

function sign(value: string): string {
  const secret = getSecrets().sessionSecret;
  if (signed.secret !== secret || signed.tokens.size >= SIGNED_TOKENS) {
    signed.secret = secret;
    signed.tokens.clear();
  }
  let token = signed.tokens.get(value);
  if (token === undefined) {
    token = createHmac("sha256", secret).update(`csrf|${value}`).digest("base64url");
    signed.tokens.set(value, token);
  }
  return token;
}

async function readCookieValue(request: Request): Promise<string | null> {
  const value = await csrfCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/**
 * The token for this browser's forms, and a Set-Cookie header when the browser had no CSRF cookie yet
 * (or `rotate` asks for a new one: at sign-in and sign-out, so a token seen before does not work after).
 */
export async function issueCsrfToken(request: Request, { rotate = false } = {}): Promise<{ token: string; setCookie: string | null }> {
  const existing = rotate ? null : await readCookieValue(request);
  const value = existing ?? randomBytes(32).toString("base64url");
  return { token: sign(value), setCookie: existing ? null : await csrfCookie().serialize(value) };
}

/** A Set-Cookie header giving the browser a fresh CSRF cookie (the next page renders the new token). */
export async function rotateCsrfCookie(): Promise<string> {
  return csrfCookie().serialize(randomBytes(32).toString("base64url"));
}

export type CsrfFailure = "cross-origin" | "missing-cookie" | "missing-token" | "bad-token";

/**
 * Refuses a request another site could have made the browser send: the Origin (or Sec-Fetch-Site) must
 * be this portal's own. Browsers always send Origin on cross-origin POSTs, so this alone stops most
 * forgeries; the token stops the rest.
 */
export function checkSameOrigin(request: Request): CsrfFailure | null {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === publicOrigin(request) ? null : "cross-origin";
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return "cross-origin";
  return null;
}

/** Checks the form's token against the browser's cookie, in constant time. */
export async function checkCsrfToken(request: Request, form: FormData): Promise<CsrfFailure | null> {
  const cookie = await readCookieValue(request);
  if (!cookie) return "missing-cookie";
  const token = form.get(CSRF_FIELD);
  if (typeof token !== "string" || token === "") return "missing-token";
  const expected = Buffer.from(sign(cookie));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? null : "bad-token";
}
