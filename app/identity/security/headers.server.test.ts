import { afterEach, describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy } from "./headers.server";

afterEach(() => {
  delete process.env.MADOGUCHI_MODE;
});

describe("security headers", () => {
  it("allows scripts only from this origin or with the nonce, and refuses framing", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("sets nosniff, a strict referrer policy and no-store; HSTS only in production", () => {
    const demo = applySecurityHeaders(new Headers(), { nonce: "n" });
    expect(demo.get("X-Content-Type-Options")).toBe("nosniff");
    expect(demo.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(demo.get("Cache-Control")).toBe("no-store");
    expect(demo.get("Strict-Transport-Security")).toBeNull();
    process.env.MADOGUCHI_MODE = "production";
    const production = applySecurityHeaders(new Headers(), { nonce: "n" });
    expect(production.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    expect(production.get("Content-Security-Policy")).toContain("upgrade-insecure-requests");
  });
});
