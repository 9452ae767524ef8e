// GET /api/agencies/openapi.json: the agency API's OpenAPI 3.1 document, public, for agencies building a
// receiver (the document is generated in app/delivery/openapi.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { agencyApiDocument } from "~/delivery/openapi.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";

export function loader({ request }: LoaderFunctionArgs) {
  const document = agencyApiDocument({ serverUrl: new URL(request.url).origin });
  return withSecurityHeaders(Response.json(document, { headers: { "Content-Type": "application/json; charset=utf-8" } }));
}
