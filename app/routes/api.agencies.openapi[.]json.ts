// GET /api/agencies/openapi.json: the agency API's OpenAPI 3.1 document, public, for agencies building a
// receiver (the document is generated in app/delivery/openapi.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { agencyApiDocument } from "~/delivery/openapi.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { configuredPublicOrigin } from "~/identity/security/request.server";

export function loader(_args: LoaderFunctionArgs) {
  // The configured public URL, never the request's Host header; without one, "/" (relative to this document).
  const document = agencyApiDocument({ serverUrl: configuredPublicOrigin() ?? "/" });
  return withSecurityHeaders(Response.json(document, { headers: { "Content-Type": "application/json; charset=utf-8" } }));
}
