import { describe, expect, it } from "vitest";
import { i18nServer, languageCookie, languageOf } from "./i18n.server";

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

describe("languageOf remembers what it detected", () => {
  it("answers exactly as detection does, asked twice, for every combination of ?lng=, the lng cookie and Accept-Language", async () => {
    const ja = await languageCookie.serialize("ja");
    const en = await languageCookie.serialize("en");
    const session = "__session=abc123";
    const urls = ["/", "/?lng=en", "/?lng=ja", "/?lng=xx", "/cases?x=1&lng=en&lng=ja", "/?l%6Eg=en"];
    const cookies = [undefined, ja, en, `${session}; ${en}`, `${session}; ${ja}`, `${session}; lng =${en.split("=")[1].split(";")[0]}`, session, "lng=garbage"];
    const accepts = [undefined, "en-GB,en;q=0.9", "ja", "fr"];
    for (let pass = 0; pass < 2; pass++) {
      for (const url of urls) {
        for (const cookie of cookies) {
          for (const accept of accepts) {
            const headers: Record<string, string> = {};
            if (cookie) headers.Cookie = cookie;
            if (accept) headers["Accept-Language"] = accept;
            const expected = await i18nServer.getLocale(request(url, headers));
            expect(await languageOf(request(url, headers)), `${url} ${cookie} ${accept}`).toBe(expected === "en" ? "en" : "ja");
          }
        }
      }
    }
  });

  it("does not keep a different session's answer: only the lng cookie decides, whatever else the header holds", async () => {
    const en = await languageCookie.serialize("en");
    expect(await languageOf(request("/", { Cookie: `__session=one; ${en}` }))).toBe("en");
    expect(await languageOf(request("/", { Cookie: "__session=one" }))).toBe("ja");
    expect(await languageOf(request("/", { Cookie: `__session=two; ${en}` }))).toBe("en");
  });
});

describe("shared instances remember plain lookups", () => {
  it("translate exactly as a fresh i18next instance does, with and without values", async () => {
    const { createInstance } = await import("i18next");
    const { i18nFor, rememberPlainLookups, REMEMBERED_LOOKUPS } = await import("./i18n.server");
    const { i18nOptions } = await import("./resources.server");
    for (const lng of ["ja", "en"] as const) {
      const shared = await i18nFor(lng);
      const fresh = createInstance();
      await fresh.init({ ...i18nOptions, lng });
      for (const [key, ns] of [
        ["serviceName", "common"],
        ["caseStatus.timeline", "journey"],
        ["journey:caseStatus.timeline", undefined],
        ["no.such.key", "common"],
      ] as const) {
        // Twice: the second answer comes from what the instance remembered.
        for (let i = 0; i < 2; i++) {
          expect(shared.getFixedT(lng, ns ?? "common")(key)).toBe(fresh.getFixedT(lng, ns ?? "common")(key));
          expect(shared.t(key, { ns })).toBe(fresh.t(key, { ns }));
          // As react-i18next's useTranslation asks (no language: the instance's own).
          expect(shared.getFixedT(null, ns ?? "common")(key)).toBe(fresh.getFixedT(null, ns ?? "common")(key));
        }
      }
      // Values, counts and defaults are never remembered: each call reads its own.
      const t = shared.getFixedT(lng, "common");
      const tFresh = fresh.getFixedT(lng, "common");
      expect(t("no.such.key", "a default")).toBe("a default");
      expect(t("no.such.key", { defaultValue: "{{n}} left", n: 1 })).toBe(tFresh("no.such.key", { defaultValue: "{{n}} left", n: 1 }));
      expect(t("no.such.key", { defaultValue: "{{n}} left", n: 2 })).toBe("2 left");
      for (const count of [1, 2, 1]) expect(t("nav.casesNeedingAction", { count })).toBe(tFresh("nav.casesNeedingAction", { count }));
    }
    // A key built from input cannot make an instance remember without end.
    const instance = rememberPlainLookups(await (async () => {
      const i = createInstance();
      await i.init({ ...i18nOptions, lng: "en" });
      return i;
    })());
    for (let i = 0; i < REMEMBERED_LOOKUPS + 10; i++) instance.t(`made.up.${i}`);
    expect(instance.t("serviceName")).toBe("Madoguchi");
    expect(instance.t("no.such.key")).toBe("no.such.key");
  });
});
