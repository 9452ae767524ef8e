// Every server render, Remix builds the whole route tree anew from the build's manifest (`createServerRoutes`, one
// object per route, ~120 of them) and React Router copies it into "data routes" for the static router
// (`convertRoutesToDataRoutes`): the same answer every time for the same build, about 4% of a page's CPU, and new
// trees defeat route-matching.server.ts's memory of each tree's shape. Here both are built once per build and
// shared by every render (README, "Design decisions", 2026-12-03 "A render's route tree is built once per build").
import { createRequire } from "node:module";

type ServerRoute = { id?: string; children?: ServerRoute[] };
type CreateServerRoutes = (manifest: Record<string, unknown>, routeModules: Record<string, unknown>, future: unknown, isSpaMode: boolean, ...rest: unknown[]) => ServerRoute[];
type ConvertRoutes = (routes: ServerRoute[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, unknown>) => ServerRoute[];

/**
 * `createServerRoutes` that builds a manifest's tree once and gives it again while the route modules, `future`
 * and SPA mode are the same (the server runtime passes a new object of the same modules on every request).
 * Remix's own recursive calls (with a parent id) are passed through.
 */
export function rememberingCreateServerRoutes(createServerRoutes: CreateServerRoutes): CreateServerRoutes {
  const built = new WeakMap<object, { modules: Map<string, unknown>; future: unknown; isSpaMode: boolean; routes: ServerRoute[] }>();
  return (manifest, routeModules, future, isSpaMode, ...rest) => {
    if (rest.length > 0 || !manifest || !routeModules) return createServerRoutes(manifest, routeModules, future, isSpaMode, ...rest);
    const known = built.get(manifest);
    if (known && known.future === future && known.isSpaMode === isSpaMode && sameModules(known.modules, routeModules)) return known.routes;
    const routes = createServerRoutes(manifest, routeModules, future, isSpaMode);
    built.set(manifest, { modules: new Map(Object.entries(routeModules)), future, isSpaMode, routes });
    return routes;
  };
}

function sameModules(known: Map<string, unknown>, routeModules: Record<string, unknown>): boolean {
  let count = 0;
  for (const id in routeModules) {
    if (known.get(id) !== routeModules[id]) return false;
    count++;
  }
  return count === known.size;
}

/**
 * `convertRoutesToDataRoutes` that converts a tree once (for one `mapRouteProperties`) and gives the same data
 * routes again, filling the caller's manifest with them as the original does. Only a top-level call with an
 * empty manifest (how the static router calls it) is remembered; any other call is passed through.
 */
export function rememberingConvertRoutes(convert: ConvertRoutes): ConvertRoutes {
  const converted = new WeakMap<object, { mapRouteProperties: unknown; routes: ServerRoute[]; byId: Record<string, unknown> }>();
  return (routes, mapRouteProperties, parentPath, manifest) => {
    if (parentPath !== undefined || !manifest || Object.keys(manifest).length > 0 || !Array.isArray(routes)) {
      return convert(routes, mapRouteProperties, parentPath, manifest);
    }
    let known = converted.get(routes);
    if (!known || known.mapRouteProperties !== mapRouteProperties) {
      const byId: Record<string, unknown> = {};
      known = { mapRouteProperties, routes: convert(routes, mapRouteProperties, undefined, byId), byId };
      converted.set(routes, known);
    }
    Object.assign(manifest, known.byId);
    return known.routes;
  };
}

let installed = false;

/**
 * Makes the exported `createServerRoutes` of @remix-run/react (the one `<RemixServer>` calls) and
 * `UNSAFE_convertRoutesToDataRoutes` of @remix-run/router (the one React Router's `createStaticRouter` calls)
 * remember their trees. Neither is changed for its other callers' shapes of call.
 */
export function rememberRenderRoutes() {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const remixRoutes = require("@remix-run/react/dist/routes.js") as { createServerRoutes: CreateServerRoutes };
  remixRoutes.createServerRoutes = rememberingCreateServerRoutes(remixRoutes.createServerRoutes);
  const router = require("@remix-run/router") as { UNSAFE_convertRoutesToDataRoutes: ConvertRoutes };
  router.UNSAFE_convertRoutesToDataRoutes = rememberingConvertRoutes(router.UNSAFE_convertRoutesToDataRoutes);
}
