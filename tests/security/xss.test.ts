// XSS: payloads in every text field of every identity form are rendered as text, never as markup, and
// every page carries a CSP whose nonce is on every script the page has (and no script without it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousBrowser, browserRequest, setCookiesOf, signedInBrowser, useSeededDatabase, type Browser } from "../setup/auth";
import { createPortalHandler } from "./render";

const payloads = [
  `<script>alert("xss")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `'><svg onload=alert(1)>`,
  `javascript:alert(1)`,
  `</textarea><script>alert(1)</script>`,
];

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

/** Checks the CSP header and that every <script> in the page carries its nonce. */
function expectNonceOnEveryScript(response: Response, html: string) {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, "CSP with a nonce").toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-inline'");
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

function expectEscaped(html: string, payload: string) {
  expect(html).not.toContain(payload.startsWith("javascript:") ? `href="${payload}` : payload);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<svg onload/i);
  expect(html).not.toMatch(/<script>alert/);
}

async function post(path: string, as: Browser, form: Record<string, string>) {
  const response = await portal.handle(browserRequest(path, { as, form, headers: { Accept: "text/html" } }));
  return { response, html: await response.text() };
}

describe("XSS and CSP on rendered pages", () => {
  it("every identity page has a CSP nonce on each of its scripts", async () => {
    const citizen = await signedInBrowser(db, "sato.kenji");
    for (const [path, as] of [
      ["/sign-in", await anonymousBrowser()],
      ["/sign-out", citizen],
      ["/account", citizen],
      ["/account/data-use", citizen],
      ["/account/two-factor", citizen],
      ["/account/confirm", citizen],
      ["/act-for", citizen],
      ["/session", citizen],
    ] as const) {
      const response = await portal.handle(browserRequest(path, { as }));
      expect(response.status, path).toBe(200);
      expectNonceOnEveryScript(response, await response.text());
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
  }, 300_000);

  it.each(payloads)("sign-in: login id and password %s", async (payload) => {
    const { response, html } = await post("/sign-in", await anonymousBrowser(), { intent: "password", loginId: payload, password: payload });
    expect(response.status).toBe(401);
    expectNonceOnEveryScript(response, html);
    expectEscaped(html, payload);
    // Not vacuous: the login id IS shown again (so it can be corrected), as escaped text.
    const escaped = payload.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
    expect(html).toContain(`value="${escaped}"`);
  });

  it.each(payloads)("TOTP step and TOTP enrolment: code %s", async (payload) => {
    const officer = await signedInBrowser(db, "officer.yokohama", { stage: "second-factor" });
    const step = await post("/sign-in/two-factor", officer, { code: payload });
    expect(step.response.status).toBe(400);
    expectEscaped(step.html, payload);
    const citizen = await signedInBrowser(db, "ito");
    const enrol = await post("/account/two-factor", citizen, { code: payload, enrolmentId: payload });
    expect(enrol.response.status).toBe(400);
    expectNonceOnEveryScript(enrol.response, enrol.html);
    expectEscaped(enrol.html, payload);
  });

  it.each(payloads)("demo shortcut, act-for, passkey removal and return addresses: %s", async (payload) => {
    const anonymous = await anonymousBrowser();
    const demo = await portal.handle(browserRequest("/sign-in", { as: anonymous, form: { intent: "demo", loginId: payload } }));
    expect(demo.status).toBe(404);
    expectEscaped(await demo.text(), payload);
    const kenji = await signedInBrowser(db, "sato.kenji");
    const actFor = await portal.handle(browserRequest("/act-for", { as: kenji, form: { subjectId: payload, redirectTo: payload } }));
    expect(actFor.status).toBe(404);
    expectEscaped(await actFor.text(), payload);
    const account = await portal.handle(browserRequest("/account", { as: kenji, form: { intent: "delete-passkey", passkeyId: payload } }));
    expect(account.status).toBe(404);
    expectEscaped(await account.text(), payload);
    // A return address is only ever a path on this site.
    const page = await portal.handle(browserRequest(`/sign-in?redirectTo=${encodeURIComponent(payload)}`, { as: anonymous }));
    expectEscaped(await page.text(), payload);
    const signedIn = await portal.handle(browserRequest("/sign-in", { as: anonymous, form: { intent: "demo", loginId: "tanaka", redirectTo: payload } }));
    expect(signedIn.headers.get("Location")).toBe("/cases");
    expect(Object.keys(setCookiesOf(signedIn))).toContain("madoguchi_session");
    // Confirming who one is: the return address, in the page and after a refused password.
    const ito = await signedInBrowser(db, "ito", { verifiedAt: null });
    const confirmPage = await portal.handle(browserRequest(`/account/confirm?redirectTo=${encodeURIComponent(payload)}`, { as: ito }));
    expect(confirmPage.status).toBe(200);
    expectEscaped(await confirmPage.text(), payload);
    const wrong = await portal.handle(browserRequest("/account/confirm", { as: ito, form: { password: payload, redirectTo: payload } }));
    // 401, or 429 once the payloads before this one have locked the account.
    expect([401, 429]).toContain(wrong.status);
    expectEscaped(await wrong.text(), payload);
  });
});
