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
          testTimeout: 30_000,
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
