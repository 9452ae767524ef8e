// What a browser downloads for each page type, from the production build in build/client: the page's part of the
// Remix manifest (with lazy route discovery, v3_lazyRouteDiscovery, the page inlines the manifest of its own routes
// and never loads the whole manifest-*.js; counted as that inline script), the client entry, the root route and the page's route module with every chunk they import (each file once),
// and the translation chunks the page loads before hydrating (the layout's namespaces and its route's
// `handle.i18n`, in Japanese), raw and gzip (level 9, each file on its own, as a server sends them). CSS: the
// stylesheets every page links (the design tokens and app.css) and any the route imports. Used by
// `npm run bench:weight` and by the size budget in tests/e2e/weight-budget.e2e.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { matchRoutes } from "@remix-run/react";

const routeFiles = {
  start: "app/routes/_index.tsx",
  journey: "app/routes/life-events.$lifeEventId.questions.$questionId.tsx",
  status: "app/routes/cases.$reference.tsx",
  office: "app/routes/office._index.tsx",
} as const;

const routeIds = {
  start: "routes/_index",
  journey: "routes/life-events.$lifeEventId.questions.$questionId",
  status: "routes/cases.$reference",
  office: "routes/office._index",
} as const;

/** An address of each page type, for the routes its inline manifest names. */
const pagePaths = {
  start: "/",
  journey: "/life-events/relocation/questions/newAddress",
  status: "/cases/MDG-0000-0000",
  office: "/office",
} as const;

export type PageType = keyof typeof routeIds;
export type PageWeight = { page: PageType; route: string; jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number; files: number };

/** A `name = [...]` list of strings in a source file. */
function listIn(file: string, name: string): string[] {
  const list = new RegExp(`${name} = (\\[[^\\]]*\\])`).exec(readFileSync(file, "utf8"))?.[1];
  if (!list) throw new Error(`no ${name} in ${file}`);
  return JSON.parse(list) as string[];
}

/**
 * The namespaces a route names in `handle.i18n` (a list, journeyNamespaces, or a list with it), besides the
 * layout's; a `:lifeEventId` entry is moving house's namespace (the journey measured is relocation's).
 */
function routeNamespaces(file: string): string[] {
  const named = /export const handle = \{ i18n: ([^}]+) \}/.exec(readFileSync(file, "utf8"))?.[1]?.trim();
  if (named === undefined) return readdirSync("public/locales/ja").map((f) => f.replace(/\.json$/, ""));
  const journey = JSON.stringify(listIn("app/journeys/namespaces.ts", "journeyNamespaces")).slice(1, -1);
  // `journeyNamespaces` alone, or spread in a list (`[...journeyNamespaces, "office"]`).
  const list = named === "journeyNamespaces" ? `[${journey}]` : named.replace("...journeyNamespaces", journey);
  return (JSON.parse(list) as string[]).map((ns) => (ns === ":lifeEventId" ? "relocation" : ns));
}

type ManifestEntry = { module: string; imports?: string[]; css?: string[] };
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry & { parentId?: string }> };

/** Each page type's weight, from the build in `build/client` (run `npm run build` first). */
export function measureWeight(): PageWeight[] {
  const clientDir = path.resolve("build/client");
  const assetsDir = path.join(clientDir, "assets");
  const assets = readdirSync(assetsDir);
  const manifestFile = assets.find((file) => /^manifest-.*\.js$/.test(file));
  if (!manifestFile) throw new Error("no Remix manifest in build/client/assets: run npm run build");
  const manifestSource = readFileSync(path.join(assetsDir, manifestFile), "utf8");
  const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
  const globalCss = assets.filter((file) => file.endsWith(".css")).map((file) => `/assets/${file}`);
  const layoutNamespaces = listIn("app/platform/i18n/config.ts", "layoutNamespaces");

  /** The built chunk of a Japanese namespace file: the `<ns>-*.js` asset that holds its first text. */
  const translationChunk = (ns: string) => {
    const values = JSON.stringify(JSON.parse(readFileSync(`public/locales/ja/${ns}.json`, "utf8")));
    const sample = /"([^"\\]*\P{ASCII}[^"\\]*)"/u.exec(values)?.[1];
    return assets
      .filter((file) => file.startsWith(`${ns}-`) && file.endsWith(".js"))
      .map((file) => `/assets/${file}`)
      .find((file) => !sample || readFileSync(path.join(clientDir, file), "utf8").includes(sample));
  };

  const bytesOf = (files: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const content = readFileSync(path.join(clientDir, file));
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    return { raw, gzip };
  };

  // The routes as the router sees them, to find which the page's inline manifest holds.
  type RouteNode = { id: string; path?: string; index?: boolean; children: RouteNode[] };
  const nodes = new Map(Object.entries(manifest.routes).map(([id, r]) => [id, { id, path: (r as { path?: string }).path, index: (r as { index?: boolean }).index, children: [] } as RouteNode]));
  for (const [id, r] of Object.entries(manifest.routes)) if (r.parentId) nodes.get(r.parentId)!.children.push(nodes.get(id)!);
  const routeTree = [nodes.get("root")!] as unknown as Parameters<typeof matchRoutes>[0];

  return (Object.keys(routeIds) as PageType[]).map((page) => {
    const routeId = routeIds[page];
    const route = manifest.routes[routeId];
    if (!route) throw new Error(`no route ${routeId} in the manifest`);
    const chain: ManifestEntry[] = [manifest.entry];
    for (let current: (ManifestEntry & { parentId?: string }) | undefined = route; current; current = current.parentId ? manifest.routes[current.parentId] : undefined) chain.push(current);
    const js = new Set<string>();
    const css = new Set<string>(globalCss);
    for (const entry of chain) {
      js.add(entry.module);
      for (const file of entry.imports ?? []) js.add(file);
      for (const file of entry.css ?? []) css.add(file);
    }
    for (const ns of new Set([...layoutNamespaces, ...routeNamespaces(routeFiles[page])])) {
      const chunk = translationChunk(ns);
      if (chunk) js.add(chunk);
    }
    const jsBytes = bytesOf(js);
    // The inline manifest, as Remix writes it into the page (getPartialManifest): the routes of the page's address
    // and of each shorter address (for their index and pathless routes).
    const segments = pagePaths[page].split("/").filter(Boolean);
    const routeIdsInPage = new Set<string>();
    for (let n = segments.length; n >= 0; n--) {
      for (const match of matchRoutes(routeTree, `/${segments.slice(0, n).join("/")}`) ?? []) if (match.route.id) routeIdsInPage.add(match.route.id);
    }
    const partialManifest = Buffer.from(
      `window.__remixManifest = ${JSON.stringify({ ...manifest, routes: Object.fromEntries([...routeIdsInPage].map((id) => [id, manifest.routes[id]])) }, null, 2)};`,
    );
    jsBytes.raw += partialManifest.length;
    jsBytes.gzip += gzipSync(partialManifest, { level: 9 }).length;
    const cssBytes = bytesOf(css);
    return { page, route: routeId, jsBytes: jsBytes.raw, jsGzipBytes: jsBytes.gzip, cssBytes: cssBytes.raw, cssGzipBytes: cssBytes.gzip, files: js.size };
  });
}
