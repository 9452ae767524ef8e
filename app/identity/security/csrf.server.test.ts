import { createHmac } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getSecrets } from "../../platform/secrets.server";
import { checkCsrfToken, issueCsrfToken } from "./csrf.server";

const page = (cookie?: string) => new Request("http://127.0.0.1/somewhere", { headers: cookie ? { cookie } : {} });
const form = (token: string) => {
  const data = new FormData();
  data.set("csrf", token);
  return data;
};

describe("CSRF tokens", () => {
  it("gives a browser the same token on every page, its cookie's HMAC, and accepts only that token", async () => {
    const first = await issueCsrfToken(page());
    expect(first.setCookie).toBeTruthy();
    const cookie = first.setCookie!.split(";")[0];
    const value = (await createCookie(cookie.slice(0, cookie.indexOf("="))).parse(cookie)) as string;
    const expected = createHmac("sha256", getSecrets().sessionSecret).update(`csrf|${value}`).digest("base64url");
    for (let i = 0; i < 3; i++) {
      const again = await issueCsrfToken(page(cookie));
      expect(again).toEqual({ token: expected, setCookie: null });
    }
    expect(await checkCsrfToken(page(cookie), form(expected))).toBeNull();
    expect(await checkCsrfToken(page(cookie), form(`${expected.slice(0, -1)}${expected.endsWith("A") ? "B" : "A"}`))).toBe("bad-token");
    // Another browser's cookie gets its own token, and this browser's token does not work with it.
    const other = (await issueCsrfToken(page())).setCookie!.split(";")[0];
    const otherToken = (await issueCsrfToken(page(other))).token;
    expect(otherToken).not.toBe(expected);
    expect(await checkCsrfToken(page(other), form(expected))).toBe("bad-token");
    expect(await checkCsrfToken(page(other), form(otherToken))).toBeNull();
  });

  it("signs again under a new session secret: a token remembered under the old one is no longer accepted", async () => {
    const cookie = (await issueCsrfToken(page())).setCookie!.split(";")[0];
    const before = (await issueCsrfToken(page(cookie))).token;
    const secret = process.env.MADOGUCHI_SESSION_SECRET;
    process.env.MADOGUCHI_SESSION_SECRET = "a-rotated-session-secret-0123456789abcdefghijklmnop";
    try {
      const after = await issueCsrfToken(page(cookie));
      expect(after.token).not.toBe(before);
      expect(await checkCsrfToken(page(cookie), form(before))).toBe("bad-token");
      expect(await checkCsrfToken(page(cookie), form(after.token))).toBeNull();
    } finally {
      process.env.MADOGUCHI_SESSION_SECRET = secret;
    }
    expect((await issueCsrfToken(page(cookie))).token).toBe(before);
  });
});
