// Headers and small leaks (issue 11, item 11), through the whole portal's request handler: the agency
// API answers with the security headers, its OpenAPI document names the configured public URL (never the
// request's Host), and the lockout page tells when to try again (Retry-After).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { anonymousBrowser, browserRequest, useSeededDatabase } from "../setup/auth";
import { hitRateLimit, signInFailuresPerPair } from "../../app/identity/security/rate-limit.server";
import { pairLimitKey } from "../../app/identity/sign-in.server";
import { createPortalHandler } from "./render";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
let portal: Awaited<ReturnType<typeof createPortalHandler>>;
beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  portal = await createPortalHandler();
}, 300_000);
afterAll(async () => {
  await portal?.close();
  close?.();
});
afterEach(() => {
  delete process.env.MADOGUCHI_ORIGIN;
});

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("X-Frame-Options")).toBe("DENY");
  expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("Cache-Control")).toContain("no-store");
}

describe("the agency API", () => {
  it.each([
    ["GET", "/api/agencies/openapi.json", 200],
    ["GET", "/api/agencies/tax-office-kojimachi/callbacks", 405],
    ["POST", "/api/agencies/no-such-agency/callbacks", 404],
  ])("answers %s %s with the security headers", async (method, path, status) => {
    const response = await portal.handle(
      new Request(`http://madoguchi.test${path}`, { method, headers: { "Content-Type": "application/json" }, body: method === "POST" ? "{}" : undefined }),
    );
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it("names the configured public URL in the OpenAPI document, whatever Host the request claims", async () => {
    process.env.MADOGUCHI_ORIGIN = "https://madoguchi.example.go.jp";
    const response = await portal.handle(new Request("http://evil.example/api/agencies/openapi.json", { headers: { Host: "evil.example" } }));
    const document = (await response.json()) as { servers: { url: string }[] };
    expect(document.servers).toEqual([{ url: "https://madoguchi.example.go.jp" }]);
  });

  it("without a configured public URL, names the server relative to the document, not the request's Host", async () => {
    const response = await portal.handle(new Request("http://evil.example/api/agencies/openapi.json", { headers: { Host: "evil.example" } }));
    const text = await response.text();
    expect(text).not.toContain("evil.example");
    expect((JSON.parse(text) as { servers: { url: string }[] }).servers).toEqual([{ url: "/" }]);
  });
});

describe("the lockout page", () => {
  it("says when to try again in a Retry-After header, as well as on the page", async () => {
    // Locked from this address (the portal sees "local" without a proxy in demo mode).
    for (let i = 0; i < signInFailuresPerPair.limit; i++) hitRateLimit(db, pairLimitKey("ito", "local"), signInFailuresPerPair);
    const browser = await anonymousBrowser();
    const response = await portal.handle(browserRequest("/sign-in", { as: browser, form: { intent: "password", loginId: "ito", password: "wrong-password" } }));
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(30);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
  });
});
