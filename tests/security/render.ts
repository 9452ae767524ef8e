// The whole portal as one request handler, built in memory by Vite from the sources (no `npm run build`
// needed): requests go through entry.server's headers, the root loader and the real React render.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createServer, type ViteDevServer } from "vite";

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
