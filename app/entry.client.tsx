// Hydration: the page's texts are in the language the server rendered (<html lang>), with only the
// namespaces the matched routes name (handle.i18n) in that language, loaded before hydrating. A later
// navigation to a route that needs another namespace suspends inside Remix's transition until it is loaded
// (useRouteNamespaces, in the root layout), so no raw key is ever shown.
import { matchPath, RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { fallbackLanguage, isLanguage, loadNamespaces, namespacesForRoutes } from "./platform/i18n/config";
import { TextsProvider, type PageTexts } from "./platform/i18n/texts";

type ManifestRoute = { path?: string; parentId?: string };

/**
 * The routes of this page, with their parameters: on the first load the browser has exactly the matched routes'
 * modules, and the manifest their paths (the router that would say the parameters does not exist yet).
 */
function matchedRoutes() {
  const modules = (window as unknown as { __remixRouteModules: Record<string, { handle?: unknown } | undefined> }).__remixRouteModules;
  const manifest = (window as unknown as { __remixManifest: { routes: Record<string, ManifestRoute | undefined> } }).__remixManifest.routes;
  const fullPath = (id: string | undefined): string =>
    id && manifest[id] ? [fullPath(manifest[id].parentId), manifest[id].path].filter(Boolean).join("/") : "";
  return Object.entries(modules).map(([id, module]) => ({
    id,
    handle: module?.handle,
    params: matchPath({ path: `/${fullPath(id)}`, end: false }, window.location.pathname)?.params,
  }));
}

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  // Both languages hold every key (a test checks), so the browser never needs a second language.
  const texts: PageTexts = { language: isLanguage(htmlLang) ? htmlLang : fallbackLanguage, namespaces: {} };
  await loadNamespaces(texts.language, namespacesForRoutes(matchedRoutes()), texts.namespaces);
  startTransition(() => {
    hydrateRoot(
      document,
      <TextsProvider texts={texts}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </TextsProvider>,
    );
  });
}

void hydrate();
