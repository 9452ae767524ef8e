// The Remix build. Lives in .config/ so the top level stays as the design card lists it.
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

type ModuleInfo = { importedIds: readonly string[] } | null;
type ChunkMeta = { getModuleIds: () => IterableIterator<string>; getModuleInfo: (id: string) => ModuleInfo };

const isRoot = (id: string) => /\/app\/root\.tsx(\?|$)/.test(id);
/** Per build (each has its own module graph, and so its own getModuleInfo): the app modules the root imports. */
const layoutModules = new WeakMap<object, Set<string>>();

/**
 * The browser build's chunks: every app module that the root route imports, however deeply, goes into one chunk
 * with the libraries (React, Remix), instead of a small chunk each that other routes share. Every page loads the
 * root, so no page loads more code; each page loads five files fewer, and one gzip stream compresses them
 * better than six (about 1.7 KB gzip less on every page; README, "Design decisions", 2026-12-03).
 */
function layoutChunk(id: string, { getModuleIds, getModuleInfo }: ChunkMeta): string | undefined {
  if (id.includes("/node_modules/") || id.includes("/public/locales/") || isRoot(id)) return undefined;
  let modules = layoutModules.get(getModuleInfo);
  if (!modules) {
    const found = new Set<string>();
    const walk = (current: string) => {
      if (found.has(current)) return;
      found.add(current);
      for (const next of getModuleInfo(current)?.importedIds ?? []) if (!next.includes("/node_modules/")) walk(next);
    };
    const root = [...getModuleIds()].find(isRoot);
    if (root) walk(root);
    layoutModules.set(getModuleInfo, (modules = found));
  }
  return modules.has(id) ? "layout" : undefined;
}

const root = fileURLToPath(new URL("..", import.meta.url));

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  root,
  resolve: { alias: { "~": `${root}app` } },
  server: { port: 3000 },
  // better-sqlite3 is native: never bundle it.
  ssr: { external: ["better-sqlite3"] },
  build: isSsrBuild ? {} : { rollupOptions: { output: { manualChunks: layoutChunk } } },
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
}));
