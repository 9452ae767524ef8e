import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("password hashing (scrypt)", () => {
  it("stores OWASP's parameters and a salt in production, and verifies the right password only", async () => {
    vi.stubEnv("MADOGUCHI_MODE", "production");
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("lets test runs, and only them, lower the cost; a hash of any cost verifies", async () => {
    vi.stubEnv("MADOGUCHI_TEST_PASSWORD_LOG_N", "10");
    const cheap = await hashPassword("pass1234");
    expect(cheap).toMatch(/^scrypt\$10\$8\$1\$/);
    vi.stubEnv("MADOGUCHI_MODE", "production");
    expect(await hashPassword("pass1234")).toMatch(/^scrypt\$17\$/);
    expect(await verifyPassword("pass1234", cheap)).toBe(true);
    vi.stubEnv("MADOGUCHI_MODE", "demo");
    vi.stubEnv("MADOGUCHI_TEST_PASSWORD_LOG_N", "4");
    expect(await hashPassword("pass1234")).toMatch(/^scrypt\$17\$/);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats full-width and half-width input alike (NFKC), as Japanese keyboards produce both", async () => {
    const stored = await hashPassword("pass1234");
    expect(await verifyPassword("ｐａｓｓ１２３４", stored)).toBe(true);
  });

  it("answers false for a missing or malformed hash, without throwing", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});
