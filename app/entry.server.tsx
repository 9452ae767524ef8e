// Server rendering in the request's language (the page's namespaces in that language, shared), so the HTML is
// complete without JavaScript and the browser hydrates it with the same translations.
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce/nonce";
import { languageOf, pageTexts } from "./platform/i18n/i18n.server";
import { TextsProvider } from "./platform/i18n/texts";
import { namespacesForRoutes } from "./platform/i18n/config";
import { logger } from "./platform/logger.server";
import { htmlBodyStream } from "./platform/html-stream.server";
import { applySecurityHeaders, createNonce } from "./identity/security/headers.server";
import { retryAfterOf } from "./identity/security/rate-limit.server";
import { startEngineOnce } from "./delivery/engine.server";
import { startDemoOnce } from "./demo/start.server";
import { recoverInterruptedSubmissions } from "./journeys/journeys.server";
import { getDb } from "../db/client.server";
import { getSecrets } from "./platform/secrets.server";
import { isProductionMode } from "./platform/mode.server";
import { assertNoDemoLeftovers } from "./demo/production-guard.server";
import { rememberRouteMatches } from "./platform/route-matching.server";
import { rememberRenderRoutes } from "./platform/render-routes.server";

// The start-up: the keys first (a missing one stops the server here, saying which); in production, nothing
// of the demo (npm start checks it first; this holds for a server started another way); the delivery engine
// always; the demo (agency simulator, sign-in shortcut) in demo mode only.
getSecrets();
// Matching a path against the ~120 routes, done several times per page, answers from memory after the first time.
rememberRouteMatches();
// The route tree a render builds from the build's manifest is built once per build, not once per page.
rememberRenderRoutes();
if (isProductionMode()) assertNoDemoLeftovers(getDb());
startEngineOnce();
startDemoOnce();
// A journey that a crash in an older version left half-way (case written, journey not) is finished now.
recoverInterruptedSubmissions(getDb());

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  // The page renders with the namespaces its routes name (handle.i18n), the same the browser loads to hydrate it.
  const routes = remixContext.staticHandlerContext.matches.map(({ route, params }) => ({ id: route.id, handle: remixContext.routeModules[route.id]?.handle, params }));
  const texts = pageTexts(await languageOf(request), namespacesForRoutes(routes));

  const nonce = createNonce();
  // A page that says "try again later" says when in Retry-After too (the lockout page).
  if (responseStatusCode === 429 && !responseHeaders.has("Retry-After")) {
    const { actionHeaders, loaderHeaders } = remixContext.staticHandlerContext;
    const retryAfter = retryAfterOf([...Object.values(actionHeaders ?? {}), ...Object.values(loaderHeaders ?? {})]);
    if (retryAfter) responseHeaders.set("Retry-After", retryAfter);
  }
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // The render is abandoned after ABORT_DELAY; a finished one clears its timer, so the timer does not keep the
    // whole render (the page's data and tree) alive for seconds after the response is sent.
    const abortTimer: { id?: ReturnType<typeof setTimeout> } = {};
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TextsProvider texts={texts}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </TextsProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          // Not a PassThrough: React 18 can put zero bytes inside a Japanese word (html-stream.server.ts).
          const body = htmlBodyStream();
          body.once("finish", () => clearTimeout(abortTimer.id));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applySecurityHeaders(responseHeaders, { nonce });
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer.id);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors during streaming are logged without request data (which may hold personal data).
          if (shellRendered) logger.error("render error", { error: error instanceof Error ? error.message : "unknown" });
        },
      },
    );
    abortTimer.id = setTimeout(abort, ABORT_DELAY);
  });
}

/** Data requests (client navigations, fetchers) get the same security headers as pages. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};
