// Remix matches a request's path against the whole route tree several times per page: the server runtime once,
// then, while rendering, React Router and the partial manifest of lazy route discovery (`<Scripts>`) once for
// the path and once for each parent path. Each time @remix-run/router flattens the ~120 routes, ranks every
// branch and compiles a regular expression for each branch it tries: a tenth of a page's CPU, and the same answer
// every time for the same path. Here `matchRoutes` remembers its answers per route tree and path (README,
// "Design decisions", 2026-12-02 "Route matching remembers its answers").
import { createRequire } from "node:module";

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
/** A match with its route named by id: the trees Remix builds per request are new objects with the same routes. */
type Remembered = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; routeId: string }[] | null;

/** How many answers are kept; paths hold case references and ids, so there can be any number of them. */
export const REMEMBERED_MATCHES = 2_000;

const trees = new WeakMap<Route[], { shape: number; byId: Map<string, Route> } | null>();
/** Each tree shape seen, numbered (one in production: the build's routes). */
const shapes = new Map<string, number>();
const answers = new Map<string, Remembered>();

/** The tree's shape (what matching reads: ids, paths, index, case sensitivity) and its routes by id; null if a route has no id. */
function treeOf(routes: Route[]) {
  let tree = trees.get(routes);
  if (tree !== undefined) return tree;
  const byId = new Map<string, Route>();
  const parts: string[] = [];
  let complete = true;
  const walk = (list: Route[]) => {
    parts.push("[");
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) complete = false;
      else byId.set(route.id, route);
      parts.push(`${route.id}\u0001${route.path ?? "\u0002"}\u0001${route.index === true ? 1 : 0}${route.caseSensitive === true ? 1 : 0}\u0001`);
      if (route.children?.length) walk(route.children);
    }
    parts.push("]");
  };
  walk(routes);
  const signature = parts.join("");
  let shape = shapes.get(signature);
  if (shape === undefined) shapes.set(signature, (shape = shapes.size));
  tree = complete ? { shape, byId } : null;
  trees.set(routes, tree);
  return tree;
}

/** `matchRoutes` that answers from memory when it has matched the same path in a tree of the same shape. */
export function rememberingMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  return (routes, location, basename = "/") => {
    const pathname = typeof location === "string" ? location : location?.pathname;
    const tree = Array.isArray(routes) && typeof pathname === "string" ? treeOf(routes) : null;
    if (!tree) return matchRoutes(routes, location, basename);
    const key = `${tree.shape}\u0000${basename}\u0000${pathname}`;
    let remembered = answers.get(key);
    if (remembered === undefined) {
      const matches = matchRoutes(routes, location, basename);
      remembered = matches && matches.map((m) => ({ params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase, routeId: m.route.id! }));
      if (answers.size >= REMEMBERED_MATCHES) answers.clear();
      answers.set(key, remembered);
      return matches;
    }
    if (!remembered) return null;
    // Fresh objects for every caller, with the caller's own route objects; like matchRoutes' own answer, every
    // match of one answer shares one params object.
    const params = { ...remembered.at(-1)?.params };
    return remembered.map((m) => ({ params, pathname: m.pathname, pathnameBase: m.pathnameBase, route: tree.byId.get(m.routeId)! }));
  };
}

let installed = false;

/**
 * Makes @remix-run/router's exported `matchRoutes` (the one the server runtime, React Router and Remix's
 * lazy route discovery call) remember its answers. Its own internal calls are unchanged.
 */
export function rememberRouteMatches() {
  if (installed) return;
  installed = true;
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = rememberingMatchRoutes(router.matchRoutes);
}
