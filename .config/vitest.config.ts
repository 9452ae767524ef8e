// Unit and integration tests: node for server code, flows and the database; jsdom for components (no Remix plugin).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
const alias = { "~": `${root}app` };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "node",
          root,
          environment: "node",
          include: ["app/**/*.test.ts", "db/**/*.test.ts", "flows/**/*.test.ts", "tests/**/*.test.ts"],
          setupFiles: ["tests/setup/setup-test-env.ts"],
          pool: "forks",
          // Tests wait on conditions, not time; this only stops a test that hangs, far above what one takes on
          // a busy two-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "components",
          root,
          environment: "jsdom",
          include: ["app/**/*.test.tsx"],
          setupFiles: ["tests/setup/setup-test-env.ts", "tests/setup/setup-components.ts"],
        },
      },
    ],
  },
});
