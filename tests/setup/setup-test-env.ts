// Every test: an unexpected console.error fails it (a React warning is a bug).
import { afterEach, beforeEach, vi } from "vitest";

let errorSpy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  errorSpy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  errorSpy?.mockRestore();
});

// Fixed keys for tests, so no key file is written into the repository's data folder.
process.env.MADOGUCHI_SESSION_SECRET ??= "test-session-secret-0123456789abcdefghijklmnop";
process.env.MADOGUCHI_ENCRYPTION_KEYS ??= `t1:${Buffer.alloc(32, 1).toString("base64")}`;
process.env.MADOGUCHI_AUDIT_KEY ??= Buffer.alloc(32, 2).toString("base64");
// Server logs stay out of test output (set MADOGUCHI_LOG= to see them); tests of the logger capture them.
process.env.MADOGUCHI_LOG ??= "silent";
// A test that renders the whole portal must not start its engine or the demo's agency simulator (on the fixed
// port 3001, which a portal someone runs may hold): tests that need them start their own, on port 0.
process.env.DISPATCHER ??= "off";
process.env.AGENCY_SIMULATOR ??= "off";
// Cheap password hashes in tests only (production mode ignores it): a busy machine must not time out seeding.
process.env.MADOGUCHI_TEST_PASSWORD_LOG_N ??= "10";
// The demo people move in spring 2026: tests file on 1 March 2026 so their move dates are inside the
// window the law allows (production mode ignores it).
process.env.MADOGUCHI_TEST_TODAY ??= "2026-03-01";
