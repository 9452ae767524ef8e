// Every page as people see it, rendered for real (root loader, header, React) as each kind of person, in
// Japanese and in English, with cases in every state a status page and a back office show:
// - nobody is shown a link or a button that would refuse them: every same-site link on a page opens for the
//   person (no 403, no 404), and every form, sent as it is, is not refused (no 403);
// - no visible text looks like an i18n key or an internal code (a key such as record.attributes.phone, a
//   namespace:key, a camelCase status, a procedure, agency or person id).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAgencyEndpoints } from "../../app/demo/seed.server";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { resendCorrected } from "../../app/cases/correction.server";
import { anonymousBrowser, browserRequest, signedInBrowser, useSeededDatabase, type Browser } from "../setup/auth";
import { acceptAsAgency, deliverAll, refuseAll, requestOf } from "../setup/office";
import { sqlOutbox } from "../../db/queries/outbox";
import { createPortalHandler } from "../security/render";
import { createSampleIdea, submitSampleCase } from "../factories";
import { actorAccounts, actors, fixtures, routeAccess, type Actor, type RouteAccess } from "../access/route-access";
import { decode, rawKeysIn, visibleText, wrongSentencesIn } from "./page-text";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
let portal: Awaited<ReturnType<typeof createPortalHandler>>;

beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  seedAgencyEndpoints(db, { baseUrl: "http://127.0.0.1:9" });
  // 田中さん's move with procedures in many states: accepted, rejected with an officer's note, asking him a
  // question, delivered, waiting for an earlier one.
  const tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  await deliverAll(db);
  fixtures.citizenCaseReference = tanaka.case.reference;
  fixtures.citizenProcedureRequestId = tanaka.procedureRequests[0].id;
  acceptAsAgency(db, tanaka.case.id, "electricity-move", "TEPCO-1");
  const post = requestOf(db, tanaka.case.id, "mail-forwarding");
  applyCaseEvent(db, { procedureRequestId: post.id, event: { type: "agency.rejected", reason: "identity-not-verified|転居届の控えをお持ちください。" }, actor: `agency:${post.agencyId}` });
  const gas = requestOf(db, tanaka.case.id, "gas-move");
  applyCaseEvent(db, { procedureRequestId: gas.id, event: { type: "agency.informationRequested", question: "開栓の立ち会いはいつがよいですか。" }, actor: `agency:${gas.agencyId}` });
  // NGUYEN's move-out, delivered to 新宿区 (officer.shinjuku's inbox and procedure page).
  const nguyen = submitSampleCase(db, "relocation", "p-nguyen-thi-lan");
  await deliverAll(db);
  fixtures.officerProcedureRequestId = requestOf(db, nguyen.case.id, "move-out-notification").id;
  // …rejected, corrected and sent again: the inbox and the procedure page say so, naming the corrected item.
  applyCaseEvent(db, { procedureRequestId: fixtures.officerProcedureRequestId, event: { type: "agency.rejected", reason: "identity-not-verified" }, actor: "agency:municipality-13104" });
  const correction = new FormData();
  correction.set("item.birthDate", "1991-02-03");
  expect(resendCorrected(db, { procedureRequestId: fixtures.officerProcedureRequestId, form: correction, actor: "user:u-nguyen", lang: "ja" })).toMatchObject({ kind: "sent" });
  await deliverAll(db);
  fixtures.ideaId = createSampleIdea(db);
  // 山田さん's company, waiting for its registration.
  submitSampleCase(db, "incorporation", "c-yamada-shoten");
  await deliverAll(db);
  // 伊藤さん's move, refused by every organisation: dead letters in the operations console.
  submitSampleCase(db, "relocation", "p-ito-yuki");
  await refuseAll(db, '{"error":"The address field is missing","received":{"address":"東京都渋谷区"}}');
  fixtures.deadLetterOutboxId = sqlOutbox.listDead(db)[0].id;
  portal = await createPortalHandler();
}, 300_000);

afterAll(async () => {
  await portal?.close();
  close?.();
});


async function browserFor(actor: Actor): Promise<Browser> {
  if (actor === "anonymous") return anonymousBrowser();
  const { loginId, actingFor } = actorAccounts[actor];
  return signedInBrowser(db, loginId, { actingFor: actingFor ?? null });
}

const allows = (access: RouteAccess["get"] | undefined, actor: Actor) => access === "everyone" || (Array.isArray(access) && access.includes(actor));
const pathOf = (entry: RouteAccess, actor: Actor) => (typeof entry.path === "function" ? entry.path(actor) : entry.path);

type Page = { url: string; status: number; html: string; isPage: boolean };

async function open(path: string, as: Browser, lng: "ja" | "en"): Promise<Page> {
  const response = await portal.handle(browserRequest(path, { as, headers: { Accept: "text/html", "Accept-Language": lng } }));
  const isPage = (response.headers.get("Content-Type") ?? "").startsWith("text/html");
  return { url: path, status: response.status, html: await response.text(), isPage };
}

function linksOn(page: Page): string[] {
  const base = new URL(page.url, "http://madoguchi.test");
  return [...page.html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)]
    .map((match) => new URL(decode(match[1]), base))
    .filter((url) => url.origin === base.origin && !url.searchParams.has("lng"))
    .map((url) => `${url.pathname}${url.search}`);
}

function formsOn(page: Page): { method: string; action: string }[] {
  const base = new URL(page.url, "http://madoguchi.test");
  return [...page.html.matchAll(/<form\b([^>]*)>/g)].map((match) => {
    const attributes = match[1];
    const method = (/\bmethod="([^"]*)"/.exec(attributes)?.[1] ?? "get").toLowerCase();
    const action = new URL(decode(/\baction="([^"]*)"/.exec(attributes)?.[1] ?? page.url), base);
    return { method, action: action.pathname };
  });
}

describe("every page, as every person, in both languages", () => {
  for (const actor of actors) {
    it(`as ${actor}: no link or form that refuses them, and no raw key on any page`, async () => {
      const as = await browserFor(actor);
      const problems: string[] = [];
      const forms = new Set<string>();
      for (const lng of ["ja", "en"] as const) {
        const start = ["/", ...routeAccess.filter((entry) => entry.file !== "$" && allows(entry.get, actor)).map((entry) => pathOf(entry, actor))];
        const seen = new Set<string>();
        const pages: Page[] = [];
        for (const path of start) {
          if (seen.has(path)) continue;
          seen.add(path);
          const page = await open(path, as, lng);
          if (page.status === 200 && page.isPage) pages.push(page);
        }
        // One step further: every link on those pages.
        for (const page of [...pages]) {
          for (const link of linksOn(page)) {
            if (seen.has(link)) continue;
            seen.add(link);
            const target = await open(link, as, lng);
            if (target.status === 403 || target.status === 404) problems.push(`${lng} ${page.url} links to ${link}, which answers ${target.status}`);
            if (target.status === 200 && target.isPage) pages.push(target);
          }
        }
        for (const page of pages) {
          for (const form of formsOn(page)) if (form.method === "post") forms.add(form.action);
          // The audit search names who acted and whose data it was by account and person reference on purpose
          // (an administrator searches by them; a name there would be personal data), so ids are its content.
          const raw = rawKeysIn(visibleText(page.html)).filter((code) => !(page.url.startsWith("/admin/audit") && /^[up]-[a-z0-9-]+$/.test(code)));
          if (raw.length > 0) problems.push(`${lng} ${page.url} shows ${raw.join(", ")}`);
          const wrong = wrongSentencesIn(visibleText(page.html));
          if (wrong.length > 0) problems.push(`${lng} ${page.url} says ${wrong.join(", ")}`);
        }
      }
      // Every form shown, sent as it is (only the CSRF token): it may find the form incomplete (400) or ask to sign
      // in, but it must not refuse the person (403). Signing out is left for last: it is for everyone.
      for (const action of [...forms].filter((action) => action !== "/sign-out")) {
        const response = await portal.handle(browserRequest(action, { as, form: {}, headers: { Accept: "text/html" } }));
        if (response.status === 403) problems.push(`a form posting to ${action} answers 403`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("the raw-key check itself", () => {
  it("finds keys, namespaced keys, camelCase codes and internal ids, and passes ordinary text", () => {
    expect(rawKeysIn("住所 record.attributes.phone 出どころ")).toEqual(["record.attributes.phone"]);
    expect(rawKeysIn("who: journey:caseStatus.title")).toContain("journey:caseStatus.title");
    expect(rawKeysIn("Status informationRequested")).toEqual(["informationRequested"]);
    expect(rawKeysIn("sent to municipality-13104 for move-in-notification")).toEqual(["municipality-13104", "move-in-notification"]);
    expect(rawKeysIn("Change-of-address notification, e-mail taro.yamada@example.jp, login officer.shinjuku, 3.5 km, https://example.jp/a.b")).toEqual([]);
    expect(visibleText('<html><head><title>A &amp; B</title></head><body><p title="x.y">Hello <b>there</b></p><script>a.b()</script></body></html>')).toBe(
      "A & B Hello there",
    );
  });
});
