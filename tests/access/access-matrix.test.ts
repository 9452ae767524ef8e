// The access-control matrix: every route (found in app/routes, so a new route must be added to
// tests/access/route-access.ts) × every actor. Allowed actors succeed; everyone else gets 403 or 404, or
// (anonymous) a redirect to sign in, with no personal data in the body. Every action also refuses a
// POST without the CSRF token and a cross-origin POST; only /api/agencies/* is exempt (HMAC instead).
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCsrfExempt } from "../../app/identity/security/csrf.server";
import { demoAccounts } from "../../app/demo/demo-accounts.server";
import { anonymousBrowser, browserRequest, run, signedInBrowser, useSeededDatabase, type Browser } from "../setup/auth";
import { seedAgencyEndpoints } from "../../app/demo/seed.server";
import { createSampleIdea, submitSampleCase } from "../factories";
import { deliverAll, refuseAll, requestOf } from "../setup/office";
import { sqlOutbox } from "../../db/queries/outbox";
import { actorAccounts, actors, fixtures, routeAccess, type Access, type Actor, type RouteAccess } from "./route-access";

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};
const modules = import.meta.glob<RouteModule>(["../../app/routes/*.tsx", "../../app/routes/*.ts", "!../../app/routes/*.test.ts", "!../../app/routes/*.server.ts"]);
const moduleOf = (file: string) => (modules[`../../app/routes/${file}.tsx`] ?? modules[`../../app/routes/${file}.ts`])();
const routesDir = path.resolve(__dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts|jsx|js)$/.test(f) && !/\.test\.[tj]sx?$/.test(f) && !/\.server\.[tj]sx?$/.test(f) && !f.startsWith("."))
  .map((f) => f.replace(/\.[tj]sx?$/, ""));

/** Personal data that must not appear in a refused response: every demo person's name and ids. */
const personalData = demoAccounts.flatMap((a) => [a.displayName, a.id, ...(a.personId ? [a.personId] : []), ...(a.actsFor ?? []).flatMap((s) => [s.subjectId, s.subjectName])]);

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  seedAgencyEndpoints(db);
  const submitted = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  fixtures.citizenCaseReference = submitted.case.reference;
  fixtures.citizenProcedureRequestId = submitted.procedureRequests[0].id;
  // A procedure delivered to 新宿区 (NGUYEN's move-out), for the back office's routes.
  const nguyen = submitSampleCase(db, "relocation", "p-nguyen-thi-lan");
  await deliverAll(db);
  fixtures.officerProcedureRequestId = requestOf(db, nguyen.case.id, "move-out-notification").id;
  // 伊藤さん's move, refused by every organisation: dead letters for the operations console.
  submitSampleCase(db, "relocation", "p-ito-yuki");
  await refuseAll(db);
  fixtures.deadLetterOutboxId = sqlOutbox.listDead(db)[0].id;
  fixtures.ideaId = createSampleIdea(db);
});
afterAll(() => close());

async function browserFor(actor: Actor): Promise<Browser> {
  if (actor === "anonymous") return anonymousBrowser();
  const { loginId, actingFor } = actorAccounts[actor];
  return signedInBrowser(db, loginId, { actingFor: actingFor ?? null });
}

const allows = (access: Access | undefined, actor: Actor) => access === "everyone" || (Array.isArray(access) && access.includes(actor));
const pathFor = (entry: RouteAccess, actor: Actor) => (typeof entry.path === "function" ? entry.path(actor) : entry.path);
/**
 * Params for the route's dynamic segments, read back from the concrete path. A trailing underscore only opts a
 * route out of its parent's layout (`$lifeEventId_.simulate`): the param is still `lifeEventId`.
 */
function paramsFor(file: string, url: string): Record<string, string> {
  const segments = file
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""));
  const parts = url.split("?")[0].split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, i) => {
    if (segment === "$") params["*"] = parts.slice(i).join("/");
    else if (segment.startsWith("$")) params[segment.slice(1).replace(/_$/, "")] = parts[i]; // "$reference_": no layout nesting, same param
  });
  return params;
}

type Outcome = { status: number; location: string | null; body: string };

async function call(entry: RouteAccess, kind: "loader" | "action", request: Request): Promise<Outcome> {
  const mod = await moduleOf(entry.file);
  const fn = mod[kind];
  if (!fn) return { status: 405, location: null, body: "" };
  const result = await run(() => fn({ request, params: paramsFor(entry.file, new URL(request.url).pathname), context: {} }));
  const body = result.response ? await result.response.clone().text() : JSON.stringify(result.data ?? null);
  return { status: result.status, location: result.response?.headers.get("Location") ?? null, body };
}

const refused = (o: Outcome) => o.status === 405 || o.status === 403 || o.status === 404 || o.status === 401 || (o.status >= 300 && o.status < 400 && (o.location ?? "").startsWith("/sign-in"));

function expectRefused(o: Outcome, what: string) {
  expect(refused(o), `${what}: expected 403/404/redirect to sign-in, got ${o.status} ${o.location ?? ""}`).toBe(true);
  for (const value of personalData) expect(o.body, `${what}: refused response contains personal data`).not.toContain(value);
}

function expectAllowed(o: Outcome, what: string) {
  expect(refused(o), `${what}: expected success, got ${o.status} ${o.location ?? ""}`).toBe(false);
  expect(o.status, what).toBeLessThan(500);
}

describe("the access matrix covers every route", () => {
  it("has an entry for every file in app/routes, and no entry for a route that does not exist", () => {
    const listed = routeAccess.map((r) => r.file).sort();
    expect({ missingFromMatrix: routeFiles.filter((f) => !listed.includes(f)), notARoute: listed.filter((f) => !routeFiles.includes(f)) }).toEqual({
      missingFromMatrix: [],
      notARoute: [],
    });
  });

  it("declares POST access exactly for the routes that have an action", async () => {
    for (const entry of routeAccess) {
      const mod = await moduleOf(entry.file);
      expect(entry.post !== undefined, `${entry.file}: post access must be declared iff the route has an action`).toBe(typeof mod.action === "function");
    }
  });
});

describe.each(routeAccess)("$file", (entry) => {
  it.each([...actors])("GET as %s", async (actor) => {
    const outcome = await call(entry, "loader", browserRequest(pathFor(entry, actor), { as: await browserFor(actor) }));
    if (allows(entry.get, actor)) expectAllowed(outcome, `GET ${entry.file} as ${actor}`);
    else expectRefused(outcome, `GET ${entry.file} as ${actor}`);
  });

  if (entry.post === undefined) return;

  it.each([...actors])("POST as %s", async (actor) => {
    const url = pathFor(entry, actor);
    const outcome = await call(entry, "action", browserRequest(url, { as: await browserFor(actor), form: entry.form ?? {} }));
    if (allows(entry.post, actor)) expectAllowed(outcome, `POST ${entry.file} as ${actor}`);
    else expectRefused(outcome, `POST ${entry.file} as ${actor}`);
  });

  const exempt = isCsrfExempt(typeof entry.path === "string" ? entry.path : entry.path("citizen"));
  it(exempt ? "is CSRF-exempt and refuses an unsigned POST" : "refuses a POST without the CSRF token, with a wrong one, or from another origin", async () => {
    const actor = actors.find((a) => allows(entry.post, a)) ?? "citizen";
    const url = pathFor(entry, actor);
    const form = entry.form ?? {};
    if (exempt) {
      const outcome = await call(entry, "action", browserRequest(url, { form, origin: null }));
      expect([401, 403]).toContain(outcome.status);
      return;
    }
    const attempts: [string, Request][] = [
      ["no token", browserRequest(url, { as: await browserFor(actor), form, withoutCsrf: true })],
      ["wrong token", browserRequest(url, { as: await browserFor(actor), form: { ...form, csrf: "x".repeat(43) } })],
      ["cross-origin", browserRequest(url, { as: await browserFor(actor), form, origin: "https://attacker.example" })],
    ];
    for (const [what, request] of attempts) {
      const outcome = await call(entry, "action", request);
      expect(outcome.status, `${entry.file}: ${what}`).toBe(403);
    }
  });
});
