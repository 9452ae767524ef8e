// Browser user stories: the built portal served by remix-serve, driven by playwright-core in Debian's Chromium.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "~": `${root}app` } },
  test: {
    name: "e2e",
    root,
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    // The stories and the portals they start share one audit key.
    setupFiles: ["tests/setup/run-keys.ts"],
    // Stories wait on conditions (a page, a status), never on time; these limits only stop a story that hangs,
    // and are far above what a story takes on a busy two-core machine shared with other test runs.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
