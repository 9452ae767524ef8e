import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeDeliveryError } from "./delivery-errors";

const admin = (lang: string) => JSON.parse(readFileSync(`public/locales/${lang}/admin.json`, "utf8")) as { deliveryErrors: Record<string, string> };

describe("a failed delivery's reason, in words", () => {
  it.each([
    ["attempt 1: HTTP 400", null, "badRequest", { attempt: 1, status: 400 }],
    ["HTTP 401", 401, "notAuthorised", { status: 401 }],
    ["attempt 3: HTTP 404", null, "notFound", { attempt: 3, status: 404 }],
    ["HTTP 409", 409, "conflict", { status: 409 }],
    ["HTTP 418", 418, "refused", { status: 418 }],
    ["attempt 1: HTTP 307", null, "redirected", { attempt: 1, status: 307 }],
    ["attempt 2: HTTP 429", null, "tooMany", { attempt: 2, status: 429 }],
    ["HTTP 500", 500, "agencyError", { status: 500 }],
    ["HTTP 503", 503, "unavailable", { status: 503 }],
    ["attempt 8: timeout after 10000 ms", null, "timeout", { attempt: 8, seconds: 10 }],
    ["connection failed (ECONNREFUSED)", null, "connectionRefused", {}],
    ["connection failed (ENOTFOUND)", null, "hostNotFound", {}],
    ["connection failed (ECONNRESET)", null, "connectionReset", {}],
    ["connection failed (DEPTH_ZERO_SELF_SIGNED_CERT)", null, "certificate", {}],
    ["connection failed (unknown)", null, "connectionFailed", {}],
    ["attempt 1: connector error: TypeError", null, "unexpected", {}],
    ["attempt 1: no endpoint configured for japan-post", null, "noEndpoint", { attempt: 1 }],
    ["attempt 1: unknown agency x", null, "unknownAgency", { attempt: 1 }],
    ["procedure request is accepted, not due for delivery", null, "notDue", {}],
    ["something nobody expected", null, "other", {}],
  ] as const)("%s (HTTP status %s) → %s", (note, status, kind, values) => {
    const message = describeDeliveryError(note, status);
    expect(message.key).toBe(`deliveryErrors.${kind}`);
    expect(message.values).toMatchObject(values);
  });

  it("has a sentence in Japanese and English for every kind, with no English note or code left in the Japanese", () => {
    const ja = admin("ja").deliveryErrors;
    const en = admin("en").deliveryErrors;
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ja)) {
      expect(text.replace(/\{\{\w+\}\}/g, ""), key).not.toMatch(/attempt|HTTP \d|ECONN|timeout/);
      expect(text, key).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
  });
});
