// After a navigation in the browser, the new page's routes may name namespaces (handle.i18n) that the browser has
// not loaded yet. The root layout asks for them here: in the browser rendering suspends until they are loaded,
// and since Remix renders a navigation inside a transition, the old page stays on screen meanwhile, so no raw
// key is ever shown. On the server the page's texts already hold exactly these namespaces.
import { useMatches } from "@remix-run/react";
import { loadNamespaces, namespacesForRoutes } from "./config";
import type { PageTexts } from "./texts";

const loading = new Map<string, Promise<void>>();

/** Loads into `texts` (the page's language's) what the matched routes name and it lacks, suspending meanwhile. */
export function useRouteNamespaces(texts: PageTexts): void {
  const matches = useMatches();
  if (typeof document === "undefined") return;
  const missing = namespacesForRoutes(matches.map(({ id, handle, params }) => ({ id, handle, params }))).filter((ns) => !texts.namespaces[ns]);
  if (missing.length === 0) return;
  const key = `${texts.language}:${missing.join(",")}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = loadNamespaces(texts.language, missing, texts.namespaces).finally(() => loading.delete(key));
    loading.set(key, promise);
  }
  // Suspense: React renders again once the namespaces are in the page's texts.
  throw promise;
}
