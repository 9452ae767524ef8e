// Weight benchmark (`npm run bench:weight`): the JavaScript and CSS a browser downloads for each page type, from
// the production build's Remix manifest: the manifest itself, the client entry, the root route and the page's
// route module with every chunk they import (each file once), and the translation chunks the page loads before
// hydrating (its route's `handle.i18n` and the layout's namespaces, in Japanese), raw and gzip (level 9).
// CSS: the stylesheets every page links (the design tokens and app.css) and any the route imports.
//
// Usage: npm run bench:weight [-- --json] [--skip-build]
//   last line: {"pages":[{"page","jsBytes","jsGzipBytes","cssGzipBytes",...}]}
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { flag, report } from "./support/measure";
import { buildApp } from "./support/portal";

const routeFiles = {
  start: "app/routes/_index.tsx",
  journey: "app/routes/life-events.$lifeEventId.questions.$questionId.tsx",
  status: "app/routes/cases.$reference.tsx",
  office: "app/routes/office._index.tsx",
} as const;

/** The namespaces a route names in `handle.i18n` (a list, journeyNamespaces, or a list with it), besides the layout's. */
function routeNamespaces(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const named = /export const handle = \{ i18n: ([^}]+) \}/.exec(source)?.[1]?.trim();
  if (named === undefined) return readdirSync("public/locales/ja").map((f) => f.replace(/\.json$/, ""));
  const journey = /journeyNamespaces = \[([^\]]*)\]/.exec(readFileSync("app/journeys/namespaces.ts", "utf8"))![1];
  // `journeyNamespaces` alone, or spread in a list (`[...journeyNamespaces, "office"]`).
  const list = named === "journeyNamespaces" ? `[${journey}]` : named.replace("...journeyNamespaces", journey);
  return JSON.parse(list) as string[];
}

/** The built chunk of a Japanese namespace file: the `<ns>-*.js` asset that holds its first text. */
function translationChunk(ns: string): string | undefined {
  const values = JSON.stringify(JSON.parse(readFileSync(`public/locales/ja/${ns}.json`, "utf8")));
  const sample = /"([^"\\]*\P{ASCII}[^"\\]*)"/u.exec(values)?.[1];
  return readdirSync(assetsDir)
    .filter((file) => file.startsWith(`${ns}-`) && file.endsWith(".js"))
    .map((file) => `/assets/${file}`)
    .find((file) => !sample || readFileSync(path.join(clientDir, file), "utf8").includes(sample));
}

const pagesByRoute = {
  start: "routes/_index",
  journey: "routes/life-events.$lifeEventId.questions.$questionId",
  status: "routes/cases.$reference",
  office: "routes/office._index",
} as const;

type ManifestEntry = { module: string; imports?: string[]; css?: string[] };
type Manifest = { url?: string; entry: ManifestEntry; routes: Record<string, ManifestEntry & { parentId?: string }> };

if (!flag("skip-build")) buildApp();
const clientDir = path.resolve("build/client");
const assetsDir = path.join(clientDir, "assets");
const manifestFile = readdirSync(assetsDir).find((file) => /^manifest-.*\.js$/.test(file));
if (!manifestFile) throw new Error("no Remix manifest in build/client/assets: run npm run build");
const manifestSource = readFileSync(path.join(assetsDir, manifestFile), "utf8");
const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
const globalCss = readdirSync(assetsDir).filter((file) => file.endsWith(".css")).map((file) => `/assets/${file}`);

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

const pages = Object.entries(pagesByRoute).map(([page, routeId]) => {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the manifest`);
  const chain: ManifestEntry[] = [manifest.entry];
  for (let current: (ManifestEntry & { parentId?: string }) | undefined = route; current; current = current.parentId ? manifest.routes[current.parentId] : undefined) chain.push(current);
  const js = new Set<string>([`/assets/${manifestFile}`]);
  const css = new Set<string>(globalCss);
  for (const entry of chain) {
    js.add(entry.module);
    for (const file of entry.imports ?? []) js.add(file);
    for (const file of entry.css ?? []) css.add(file);
  }
  for (const ns of new Set(["common", "auth", ...routeNamespaces(routeFiles[page as keyof typeof routeFiles])])) {
    const chunk = translationChunk(ns);
    if (chunk) js.add(chunk);
  }
  const jsBytes = bytesOf(js);
  const cssBytes = bytesOf(css);
  return { page, route: routeId, jsBytes: jsBytes.raw, jsGzipBytes: jsBytes.gzip, cssBytes: cssBytes.raw, cssGzipBytes: cssBytes.gzip, files: js.size };
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
report({ pages }, pages.map((p) => `${p.page.padEnd(8)} JS ${kb(p.jsBytes)} (gzip ${kb(p.jsGzipBytes)}, ${p.files} files)  CSS gzip ${kb(p.cssGzipBytes)}`).join("\n"));
