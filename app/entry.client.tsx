// Hydration: the page's texts are in the language the server rendered (<html lang>), with only the
// namespaces the matched routes name (handle.i18n) in that language, loaded before hydrating. A later
// navigation to a route that needs another namespace suspends inside Remix's transition until it is loaded
// (useRouteNamespaces, in the root layout), so no raw key is ever shown.
import { matchPath, RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useEffect, type ReactNode } from "react";
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

/**
 * The events for which React 18 hydrates the page at once, synchronously, when one arrives before hydration ends
 * (react-dom's list of discrete events it replays).
 */
const eventsThatForceHydration = [
  "mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick", "pointercancel", "pointerdown",
  "pointerup", "dragend", "dragstart", "drop", "compositionend", "compositionstart", "keydown", "keypress", "keyup",
  "input", "textInput", "copy", "cut", "paste", "click", "change", "contextmenu", "reset", "submit",
];

/**
 * Until the page is hydrated, a person's clicks and keys go to the browser alone, as on a page without JavaScript
 * (links and forms work natively), not to React. With single fetch, RemixBrowser suspends at the root until the
 * page's data is decoded; an event in that moment makes React 18 hydrate synchronously, which cannot suspend, and
 * it throws #345 ("Root did not complete") and renders the page again from scratch. Stopped at the window in the
 * capture phase, the event never reaches React's listeners on the document.
 */
function holdEventsUntilHydrated(): () => void {
  const stop = (event: Event) => event.stopImmediatePropagation();
  for (const type of eventsThatForceHydration) window.addEventListener(type, stop, true);
  return () => {
    for (const type of eventsThatForceHydration) window.removeEventListener(type, stop, true);
  };
}

/** Calls `onHydrated` once the whole page has hydrated (a parent's effect runs after all its children's). */
function Hydrated({ onHydrated, children }: { onHydrated: () => void; children: ReactNode }) {
  useEffect(onHydrated, [onHydrated]);
  return children;
}

async function hydrate() {
  const release = holdEventsUntilHydrated();
  // Marked on the page once every effect has run (a timer a component set, say), for a browser test to wait on.
  const hydrated = () => {
    release();
    document.documentElement.dataset.hydrated = "";
  };
  const htmlLang = document.documentElement.lang;
  // Both languages hold every key (a test checks), so the browser never needs a second language.
  const texts: PageTexts = { language: isLanguage(htmlLang) ? htmlLang : fallbackLanguage, namespaces: {} };
  await loadNamespaces(texts.language, namespacesForRoutes(matchedRoutes()), texts.namespaces);
  startTransition(() => {
    hydrateRoot(
      document,
      <Hydrated onHydrated={hydrated}>
        <TextsProvider texts={texts}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </TextsProvider>
      </Hydrated>,
    );
  });
}

void hydrate();
