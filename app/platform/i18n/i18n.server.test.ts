import { describe, expect, it } from "vitest";
import { i18nServer, languageCookie } from "./i18n.server";

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("language detection", () => {
  it("is Japanese by default", async () => {
    expect(await i18nServer.getLocale(request("/"))).toBe("ja");
  });

  it("follows Accept-Language", async () => {
    expect(await i18nServer.getLocale(request("/", { "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
  });

  it("prefers the cookie over Accept-Language", async () => {
    const cookie = await languageCookie.serialize("ja");
    expect(await i18nServer.getLocale(request("/", { "Accept-Language": "en", Cookie: cookie }))).toBe("ja");
  });

  it("prefers ?lng= over the cookie", async () => {
    const cookie = await languageCookie.serialize("ja");
    expect(await i18nServer.getLocale(request("/?lng=en", { Cookie: cookie }))).toBe("en");
  });

  it("ignores an unsupported language", async () => {
    expect(await i18nServer.getLocale(request("/?lng=xx", { "Accept-Language": "fr" }))).toBe("ja");
  });
});
