// The whole portal as one request handler, built in memory by Vite from the sources (no `npm run build`
// needed): requests go through entry.server's headers, the root loader and the real React render.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../db/client.server";
import { useSeededDatabase } from "../setup/auth";

export async function createPortalHandler(): Promise<{ handle: (request: Request) => Promise<Response>; close: () => Promise<void> }> {
  const vite: ViteDevServer = await createServer({
    configFile: ".config/vite.config.ts",
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: "custom",
    logLevel: "silent",
  });
  const build = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  return { handle: (request) => handler(request), close: () => vite.close() };
}

/**
 * For a test file: a fresh seeded database, `prepare`'s data added to it, and the whole portal rendering from it;
 * both closed after the file. Read `db` and `portal` inside tests (they exist once `beforeAll` has run).
 */
export function useRenderedPortal(prepare?: (db: Db) => Promise<void> | void) {
  const state = {} as { db: Db; portal: Awaited<ReturnType<typeof createPortalHandler>>; close: () => void };
  beforeAll(async () => {
    const { db, close } = await useSeededDatabase();
    Object.assign(state, { db, close });
    await prepare?.(db);
    state.portal = await createPortalHandler();
  }, 300_000);
  afterAll(async () => {
    await state.portal?.close();
    state.close?.();
  });
  return state;
}
