import { afterEach, describe, expect, it } from "vitest";
import { isRedactedKey, logger, redact, setLogSink } from "./logger.server";
import { identityNumberFields } from "../../flows";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("logger", () => {
  it("writes one JSON line per entry with time, level and message", () => {
    const lines: string[] = [];
    restore = setLogSink((line) => lines.push(line));
    logger.info("case submitted", { caseId: "c-1" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "info", message: "case submitted", caseId: "c-1" });
  });

  it("redacts personal data and secrets by key name, at any depth", () => {
    const lines: string[] = [];
    restore = setLogSink((line) => lines.push(line));
    logger.warn("details", {
      userId: "u-tanaka-ichiro",
      person: { name: "田中 一郎", address: "東京都新宿区", birthDate: "1985-04-01", myNumber: "123456789012", phone: "090", email: "a@b.jp" },
      form: { password: "hunter2", csrfToken: "t", totp_secret: "S", answers: { newAddress: "x" }, payload: { a: 1 } },
      list: [{ displayName: "佐藤" }],
    });
    const line = lines[0];
    for (const secret of ["田中", "東京都", "1985-04-01", "123456789012", "090", "a@b.jp", "hunter2", "newAddress", "佐藤"]) expect(line).not.toContain(secret);
    expect(JSON.parse(line).userId).toBe("u-tanaka-ichiro");
    expect(JSON.parse(line).person.name).toBe("[redacted]");
  });

  it("knows the personal key names, whatever their case or separators", () => {
    for (const key of ["name", "Address", "birth_date", "my-number", "MyNumber", "EMAIL", "phone", "password", "sessionToken", "apiSecret", "answers", "payload"]) {
      expect(isRedactedKey(key), key).toBe(true);
    }
    for (const key of ["userId", "caseId", "agencyId", "status", "path"]) expect(isRedactedKey(key), key).toBe(false);
  });

  it("redacts every field that holds an identity number, in records, answers and payloads (issue 11, item 5)", () => {
    for (const key of identityNumberFields()) expect(isRedactedKey(key), key).toBe(true);
  });

  it("keeps errors to their name and message", () => {
    expect(redact({ error: new Error("boom") })).toEqual({ error: { name: "Error", message: "boom" } });
  });
});
