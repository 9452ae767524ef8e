// After a navigation in the browser, the new page's routes may name namespaces (handle.i18n) that the browser has
// not loaded yet. The root layout asks for them here: in the browser (useSuspense) rendering suspends until they
// are loaded, and since Remix renders a navigation inside a transition, the old page stays on screen meanwhile,
// so no raw key is ever shown. On the server the page's instance already holds exactly these namespaces.
import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { namespacesForRoutes } from "./config";

export function useRouteNamespaces(): void {
  const matches = useMatches();
  useTranslation(namespacesForRoutes(matches.map(({ id, handle, params }) => ({ id, handle, params }))));
}
