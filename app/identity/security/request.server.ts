// Facts about a request that security code needs: the portal's public origin and the client's IP address.
import { isDemoMode } from "../../platform/mode.server";

/** The origin browsers see (MADOGUCHI_ORIGIN behind a TLS-terminating proxy, else the request's own). */
export function publicOrigin(request: Request): string {
  return process.env.MADOGUCHI_ORIGIN ?? new URL(request.url).origin;
}

/**
 * The portal's configured public URL (MADOGUCHI_ORIGIN), or null when none is configured. Documents that
 * others keep (the agency API's OpenAPI `servers`) use this, never the request's Host header, which the
 * sender chooses.
 */
export function configuredPublicOrigin(): string | null {
  const configured = process.env.MADOGUCHI_ORIGIN?.trim();
  if (!configured) return null;
  try {
    return new URL(configured).origin;
  } catch {
    return null;
  }
}

/**
 * The client's IP address for per-IP rate limits, or null when it cannot be known. remix-serve does not
 * pass the socket address, so the address comes from X-Forwarded-For, which only a trusted proxy may
 * set: it is used in demo mode and when MADOGUCHI_TRUST_PROXY=1 (the proxy overwrites the header).
 * Otherwise every request counts as one address ("unknown"), so per-IP limits still hold; production
 * mode refuses to start without a trusted proxy (it needs one for TLS anyway: its cookies are Secure).
 */
export function clientIp(request: Request): string | null {
  if (!isDemoMode() && process.env.MADOGUCHI_TRUST_PROXY !== "1") return null;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}
