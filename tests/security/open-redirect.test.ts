// Open redirects through the routes that take a `redirectTo` (issue 11, item 3): sign-in (form and
// loader), the two-factor step's hand-over, /act-for, /session and the ?lng= redirect. Every bypass of
// the corpus lands on the portal, never answers 500, and never writes a line that is not one JSON object.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { browserRequest, run, signedInBrowser, anonymousBrowser, useSeededDatabase, ORIGIN } from "../setup/auth";
import { openRedirectCorpus } from "./open-redirect-corpus";
import { setLogSink } from "../../app/platform/logger.server";
import * as signIn from "../../app/routes/sign-in";
import * as actFor from "../../app/routes/act-for";
import * as session from "../../app/routes/session";
import * as root from "../../app/root";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
const lines: string[] = [];
let restoreSink: () => void;
beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  restoreSink = setLogSink((line) => lines.push(line));
});
afterAll(() => {
  restoreSink();
  close();
});
afterEach(() => {
  for (const line of lines.splice(0)) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(() => JSON.parse(line)).not.toThrow();
  }
});

const args = (request: Request) => ({ request, params: {}, context: {} });
// Raw control characters cannot travel in a URL; the query string carries them encoded, as a browser would.
const query = (to: string) => `?${new URLSearchParams({ redirectTo: to })}`;

function expectOnPortal(result: { status: number; response: Response | null }) {
  expect(result.status).toBeLessThan(500);
  const location = result.response?.headers.get("Location");
  if (!location) return;
  expect(location.startsWith("/")).toBe(true);
  expect(location.startsWith("//")).toBe(false);
  expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
  // What a browser does with the header: it drops tabs and newlines and reads "\" as "/".
  expect(new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), ORIGIN).origin).toBe(ORIGIN);
}

describe.each(openRedirectCorpus.filter((to) => to.length < 200).map((to) => [JSON.stringify(to), to]))("redirectTo=%s", (_label, to) => {
  it("stays on the portal after signing in (form)", async () => {
    const browser = await anonymousBrowser();
    expectOnPortal(await run(() => signIn.action(args(browserRequest("/sign-in", { as: browser, form: { intent: "demo", loginId: "tanaka", redirectTo: to } })))));
  });

  it("stays on the portal from the sign-in page when signed in already", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    expectOnPortal(await run(() => signIn.loader(args(browserRequest(`/sign-in${query(to)}`, { as: browser })))));
  });

  it("stays on the portal after choosing whom to act for", async () => {
    const browser = await signedInBrowser(db, "sato.kenji");
    expectOnPortal(await run(() => actFor.action(args(browserRequest("/act-for", { as: browser, form: { subjectId: "p-sato-kenji", redirectTo: to } })))));
  });

  it("stays on the portal after extending the session", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    expectOnPortal(await run(() => session.action(args(browserRequest(`/session${query(to)}`, { as: browser, form: {} })))));
  });
});

describe("the language switch", () => {
  it.each(["//evil.example/", "/\\evil.example/", "///evil.example/"])("keeps %s on the portal", async (path) => {
    const browser = await anonymousBrowser();
    const request = browserRequest("/", { as: browser });
    const url = new URL(ORIGIN);
    const crafted = new Request(`${url.origin}${path}?lng=en`, { headers: request.headers });
    expectOnPortal(await run(() => root.loader(args(crafted))));
  });
});
