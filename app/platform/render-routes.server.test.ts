import { createRequire } from "node:module";
import { UNSAFE_convertRoutesToDataRoutes as convertRoutesToDataRoutes } from "@remix-run/router";
import { UNSAFE_mapRouteProperties as mapRouteProperties } from "react-router";
import { describe, expect, it } from "vitest";
import { rememberingConvertRoutes, rememberingCreateServerRoutes } from "./render-routes.server";

type CreateServerRoutes = Parameters<typeof rememberingCreateServerRoutes>[0];
const { createServerRoutes } = createRequire(import.meta.url)("@remix-run/react/dist/routes.js") as { createServerRoutes: CreateServerRoutes };

// A build's manifest and route modules, as the server runtime hands them to <RemixServer>.
const manifest = {
  root: { id: "root", path: "", hasLoader: true, module: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true, hasLoader: true, module: "" },
  "routes/cases.$reference": { id: "routes/cases.$reference", parentId: "root", path: "cases/:reference", hasLoader: true, module: "" },
  "routes/office": { id: "routes/office", parentId: "root", path: "office", hasLoader: false, module: "" },
  "routes/office._index": { id: "routes/office._index", parentId: "routes/office", index: true, hasLoader: true, module: "" },
};
const modules = {
  root: { default: () => null, Layout: ({ children }: { children: unknown }) => children, handle: { i18n: [] } },
  "routes/_index": { default: () => null },
  "routes/cases.$reference": { default: () => null, handle: { i18n: ["cases"] } },
  "routes/office": { default: () => null },
  "routes/office._index": { default: () => null, ErrorBoundary: () => null },
};
// A new object of the same modules on every request, as createEntryRouteModules gives.
const modulesOfARequest = () => ({ ...modules });
const future = { v3_singleFetch: true };
type Built = { id?: string; path?: string; index?: boolean; handle?: unknown; Component?: unknown; element?: { type: unknown } | null; loader?: unknown; children?: Built[] };
// What a render reads of a route (Remix builds a new root error element and boundary function on every call).
const shapeOf = (routes: Built[]): unknown[] =>
  routes.map((r) => ({ id: r.id, path: r.path, index: r.index, handle: r.handle, Component: r.Component, element: r.element?.type, loader: typeof r.loader, children: r.children && shapeOf(r.children) }));

describe("the render's route tree, built once per build", () => {
  it("is the tree Remix builds, and the same tree for every request of the same build", () => {
    const remembering = rememberingCreateServerRoutes(createServerRoutes);
    const first = remembering(manifest, modulesOfARequest(), future, false);
    expect(shapeOf(first)).toEqual(shapeOf(createServerRoutes(manifest, modulesOfARequest(), future, false)));
    expect(remembering(manifest, modulesOfARequest(), future, false)).toBe(first);
  });

  it("is built again when a route module, the future flags or SPA mode change", () => {
    const remembering = rememberingCreateServerRoutes(createServerRoutes);
    const first = remembering(manifest, modulesOfARequest(), future, false);
    const changed = { ...modulesOfARequest(), "routes/_index": { default: () => "new" } };
    const again = remembering(manifest, changed, future, false);
    expect(again).not.toBe(first);
    expect(shapeOf(again)).toEqual(shapeOf(createServerRoutes(manifest, changed, future, false)));
    expect(remembering(manifest, changed, { ...future }, false)).not.toBe(again);
    const { ["routes/office._index"]: _gone, ...fewer } = modulesOfARequest();
    expect(() => remembering(manifest, fewer, future, false)).toThrow();
  });

  it("converts a tree to data routes once, and fills each caller's manifest as React Router does", () => {
    const remembering = rememberingConvertRoutes(convertRoutesToDataRoutes as never);
    const routes = createServerRoutes(manifest, modulesOfARequest(), future, false);
    const expectedManifest: Record<string, unknown> = {};
    const expected = convertRoutesToDataRoutes(routes as never, mapRouteProperties, undefined, expectedManifest as never);
    const firstManifest: Record<string, unknown> = {};
    const first = remembering(routes, mapRouteProperties, undefined, firstManifest);
    expect(shapeOf(first)).toEqual(shapeOf(expected as Built[]));
    expect(Object.keys(firstManifest).sort()).toEqual(Object.keys(expectedManifest).sort());
    const secondManifest: Record<string, unknown> = {};
    expect(remembering(routes, mapRouteProperties, undefined, secondManifest)).toBe(first);
    expect(secondManifest).toEqual(firstManifest);
    expect(secondManifest["routes/office._index"]).toBe(first[0].children![2].children![0]);
    // Another tree is converted on its own.
    const other = createServerRoutes(manifest, modulesOfARequest(), future, false);
    expect(remembering(other, mapRouteProperties, undefined, {})).not.toBe(first);
  });
});
