// Where a person may be sent after signing in, choosing whom to act for or extending a session: only a
// path of this portal. Replaces remix-utils' safeRedirect, which a tab ("/\t/evil.example") got past.

const BASE = "http://madoguchi.invalid";

/** Printable ASCII without space and backslash: anything else in a path is either encoded or an attack. */
const PLAIN_PATH = /^[\x21-\x5b\x5d-\x7e]+$/;

function decodeFully(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Protects against open redirects: returns `to` when it is a path on this portal, else `fallback`.
 * Refused: anything not starting with one "/", a second "/" or "\" right after it (also when
 * percent-encoded, however many times), any whitespace, control character, backslash or non-ASCII
 * character (browsers drop tabs and newlines, and turn "\" into "/", so "/\t/evil" becomes "//evil"),
 * "." or ".." segments, and anything that does not resolve to the portal's own origin. A refused value
 * never reaches a Location header, so a newline cannot break one (or the log).
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!PLAIN_PATH.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  const decoded = decodeFully(to);
  if (decoded === null) return fallback;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\x00-\x20\x7f-\x9f\\]/.test(decoded) || decoded.startsWith("//") || /^\/[\\/]/.test(decoded)) return fallback;
  const path = decoded.split(/[?#]/)[0];
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  return result.startsWith("//") ? fallback : result;
}
