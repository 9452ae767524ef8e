// Security headers for every response: a Content-Security-Policy with a per-request nonce, framing
// refused, no MIME sniffing, a strict referrer policy, HSTS in production, and no caching of pages.
import { randomBytes } from "node:crypto";
import { isProductionMode } from "../../platform/mode.server";

/** A fresh nonce for one response: only inline scripts that carry it may run. */
export const createNonce = () => randomBytes(16).toString("base64");

/**
 * The CSP of a page. Scripts run only from this origin or with the nonce (no 'unsafe-inline'), so an
 * injected <script> does not run even if escaping ever failed; frame-ancestors 'none' stops
 * clickjacking; form-action 'self' stops forms posting elsewhere; base-uri 'none' stops <base> hijacks.
 */
export function contentSecurityPolicy(nonce: string | null, { development = process.env.NODE_ENV === "development" } = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": nonce ? ["'self'", `'nonce-${nonce}'`] : ["'self'"],
    // The Vite dev server injects styles inline; the build links stylesheets only.
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  if (isProductionMode()) directives["upgrade-insecure-requests"] = [];
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/**
 * Sets the security headers on a response's headers. `nonce` is the page's script nonce (null for data
 * and resource responses, which run no inline script). Pages are never cached: any page may show
 * personal data, and a shared computer's back button must not show the last person's.
 */
export function applySecurityHeaders(headers: Headers, { nonce = null }: { nonce?: string | null } = {}): Headers {
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (!headers.has("Cache-Control") || !/no-store/.test(headers.get("Cache-Control") ?? "")) headers.set("Cache-Control", "no-store");
  if (isProductionMode()) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return headers;
}

/** The same for a Response a resource route returns (it bypasses the document handler). */
export function withSecurityHeaders(response: Response): Response {
  applySecurityHeaders(response.headers);
  return response;
}
