// The Remix build. Lives in .config/ so the top level stays as the design card lists it.
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  root,
  resolve: { alias: { "~": `${root}app` } },
  server: { port: 3000 },
  // better-sqlite3 is native: never bundle it.
  ssr: { external: ["better-sqlite3"] },
  plugins: [
    remix({
      appDirectory: `${root}app`,
      // Tests and server-only helpers sit beside routes but are not routes.
      ignoredRouteFiles: ["**/*.test.ts", "**/*.test.tsx", "**/*.server.ts", "**/.*"],
      buildDirectory: `${root}build`,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
