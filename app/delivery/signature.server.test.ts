import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature.server";

const secret = "s3cret";
const body = JSON.stringify({ hello: "世界" });
const now = new Date("2026-11-27T10:00:00Z");
const t = Math.floor(now.getTime() / 1000);

describe("signatures", () => {
  it("signs as t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signBody({ secret, body, now })).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature", () => {
    expect(verifySignature({ secret, body, header: signBody({ secret, body, now }), now })).toEqual({ ok: true, timestamp: t });
  });

  it.each([
    { name: "no header", header: null, reason: "missing" },
    { name: "garbage", header: "nonsense", reason: "malformed" },
    { name: "no v1", header: `t=${t}`, reason: "malformed" },
    { name: "another secret", header: signBody({ secret: "other", body, now }), reason: "mismatch" },
    { name: "a changed body", header: signBody({ secret, body: body + " ", now }), reason: "mismatch" },
    { name: "a short digest", header: `t=${t},v1=abcd`, reason: "mismatch" },
    { name: "a timestamp 6 minutes old", header: signBody({ secret, body, now: new Date(now.getTime() - 360_000) }), reason: "stale" },
    { name: "a timestamp 6 minutes ahead", header: signBody({ secret, body, now: new Date(now.getTime() + 360_000) }), reason: "stale" },
  ])("refuses $name", ({ header, reason }) => {
    expect(verifySignature({ secret, body, header, now })).toEqual({ ok: false, reason });
  });

  it("accepts a timestamp 4 minutes old", () => {
    expect(verifySignature({ secret, body, header: signBody({ secret, body, now: new Date(now.getTime() - 240_000) }), now }).ok).toBe(true);
  });
});
