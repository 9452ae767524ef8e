// What enters Madoguchi (issue 11, items 8, 9 and 10): agency callbacks that break the published contract
// are refused with a clear JSON error and change nothing; control and bidirectional characters are
// refused in callbacks and removed from every form; bodies are refused by declared length before a byte
// is read, and reading stops at the limit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAgencyEndpoint } from "../../app/delivery/endpoints.server";
import { auditEntries, callbackReceipts, cases, outbox, procedureEvents, procedureRequests } from "../../db/schema";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { signBody } from "../../app/delivery/signature.server";
import { readVerifiedForm } from "../../app/identity/auth.server";
import { MAX_CALLBACK_BYTES, MAX_FORM_BYTES } from "../../app/platform/body.server";
import { cleanText, hasUnsafeControls } from "../../app/platform/text";
import { action as callbackAction } from "../../app/routes/api.agencies.$agencyId.callbacks";
import * as signIn from "../../app/routes/sign-in";
import { submitSampleCase } from "../factories";
import { anonymousBrowser, browserRequest, run, useSeededDatabase, ORIGIN, type Browser } from "../setup/auth";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
let mailId: string;
const secret = "japan-post-secret";
beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  saveAgencyEndpoint(db, { agencyId: "japan-post", url: "http://127.0.0.1:1/x", secret });
  const { procedureRequests: requests } = submitSampleCase(db);
  mailId = requests.find((request) => request.procedureId === "mail-forwarding")!.id;
  applyCaseEvent(db, { procedureRequestId: mailId, event: { type: "delivery.started" }, actor: "system:test" });
  applyCaseEvent(db, { procedureRequestId: mailId, event: { type: "delivery.succeeded" }, actor: "system:test" });
});
afterAll(() => close());

const dump = () => [cases, procedureRequests, procedureEvents, outbox, auditEntries, callbackReceipts].map((table) => db.select().from(table).all());
const callbackBody = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ procedureRequestId: mailId, eventId: randomUUID(), decision: "accepted", reference: "JP-1", ...fields });

function callback(body: BodyInit, { contentType = "application/json" as string | null, headers = {} as Record<string, string>, signed = typeof body === "string" ? body : "" } = {}) {
  const h = new Headers(headers);
  if (contentType) h.set("Content-Type", contentType);
  h.set("X-Madoguchi-Signature", signBody({ secret, body: signed }));
  const request = new Request(`${ORIGIN}/api/agencies/japan-post/callbacks`, { method: "POST", body, headers: h, duplex: "half" } as RequestInit);
  return callbackAction({ request, params: { agencyId: "japan-post" }, context: {} });
}

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
}

/** A body that yields `chunk` bytes at a time, up to `total`, counting what was read; `stall` never ends it. */
function countedStream(total: number, { chunk = 16 * 1024, stall = false } = {}) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) {
        if (!stall) controller.close();
        return new Promise(() => undefined); // a stalled sender: nothing more, ever
      }
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, state };
}

describe("agency callbacks that break the published contract (item 8)", () => {
  it.each([
    ["a property the schema does not list", () => callbackBody({ isAdmin: true }), "invalidBody"],
    ["a rejection code the procedure does not list", () => callbackBody({ decision: "rejected", reference: undefined, reason: "no-such-code|free text" }), "unknownRejectionCode"],
    ["a right-to-left override in a reason", () => callbackBody({ decision: "rejected", reference: undefined, reason: "incomplete|\u202Etxet" }), "unsafeText"],
    ["a NUL character in a reference", () => callbackBody({ reference: "JP\u00001" }), "unsafeText"],
    ["a C1 control in a question", () => callbackBody({ decision: "informationRequested", reference: undefined, question: "Which\u0085floor?" }), "unsafeText"],
  ])("refuses %s with 422, changing nothing", async (_name, body, code) => {
    const before = dump();
    await expectRefused(await callback(body()), 422, code);
    expect(dump()).toEqual(before);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["no content type", null],
    ["a form", "application/x-www-form-urlencoded"],
  ])("refuses %s with 415, changing nothing", async (_name, contentType) => {
    const before = dump();
    const body = callbackBody();
    const h = new Headers({ "X-Madoguchi-Signature": signBody({ secret, body }) });
    if (contentType) h.set("Content-Type", contentType);
    const request = new Request(`${ORIGIN}/api/agencies/japan-post/callbacks`, { method: "POST", body: new TextEncoder().encode(body), headers: h });
    await expectRefused(await callbackAction({ request, params: { agencyId: "japan-post" }, context: {} }), 415, "unsupportedMediaType");
    expect(dump()).toEqual(before);
  });

  it("still accepts a listed rejection code with free text", async () => {
    const response = await callback(callbackBody({ decision: "rejected", reference: undefined, reason: "incomplete|住所の番地が足りません" }));
    expect(response.status).toBe(200);
  });
});

describe("bodies (item 10)", () => {
  it("answers a callback that announces 5 MiB and stalls at once with 413, reading nothing", async () => {
    const { stream, state } = countedStream(5 * 1024 * 1024, { stall: true });
    const response = await callback(stream, { headers: { "Content-Length": String(5 * 1024 * 1024) } });
    await expectRefused(response, 413, "bodyTooLarge");
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024); // at most what the stream buffered ahead on its own
  });

  it("stops reading a 50 MiB callback without a declared length at the limit", async () => {
    const { stream, state } = countedStream(50 * 1024 * 1024);
    await expectRefused(await callback(stream), 413, "bodyTooLarge");
    expect(state.pulled).toBeLessThanOrEqual(MAX_CALLBACK_BYTES + 2 * 16 * 1024);
  });

  function signInWith(browser: Browser, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
    const h = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Host: new URL(ORIGIN).host, Cookie: browser.cookie, ...headers });
    const request = new Request(`${ORIGIN}/sign-in`, { method: "POST", body, headers: h, duplex: "half" } as RequestInit);
    return run(() => signIn.action({ request, params: {}, context: {} }));
  }

  it("refuses a 10 MB sign-in form by its declared length, reading nothing", async () => {
    const { stream, state } = countedStream(10 * 1024 * 1024, { stall: true });
    const result = await signInWith(await anonymousBrowser(), stream, { "Content-Length": String(10 * 1024 * 1024) });
    expect(result.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a sign-in form without a declared length at the limit", async () => {
    const { stream, state } = countedStream(10 * 1024 * 1024);
    const result = await signInWith(await anonymousBrowser(), stream);
    expect(result.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(MAX_FORM_BYTES + 2 * 16 * 1024);
  });
});

describe("control and bidirectional characters in forms (item 9)", () => {
  it("are removed from every field of every form on the way in; passwords stay as typed", async () => {
    const browser = await anonymousBrowser();
    const form = await readVerifiedForm(
      browserRequest("/life-events/relocation/questions/new-address", {
        as: browser,
        form: { town: "新宿\u202E区\u0000", note: "line one\r\nline two\ttab\u0007\u200F", password: "pa\u0007ss" },
      }),
    );
    expect(form.get("town")).toBe("新宿区");
    expect(form.get("note")).toBe("line one\nline two\ttab");
    expect(form.get("password")).toBe("pa\u0007ss");
  });

  it("one rule: tab and newline pass, C0, C1, DEL and the bidirectional controls do not", () => {
    for (const allowed of ["a\tb", "a\nb", "a\r\nb", "日本語 English 123 <5>", "\u00A0\u3000"]) expect(hasUnsafeControls(allowed), JSON.stringify(allowed)).toBe(false);
    const refused = ["\u0000", "\u0007", "\u000B", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\u061C", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069", "a\rb"];
    for (const bad of refused) {
      expect(hasUnsafeControls(`x${bad}y`), JSON.stringify(bad)).toBe(true);
      expect(hasUnsafeControls(cleanText(`x${bad}y`)), JSON.stringify(bad)).toBe(false);
    }
  });
});
