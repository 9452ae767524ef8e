// Agency systems report decisions here (signed JSON); the logic is in app/delivery/callbacks.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/client.server";
import { receiveAgencyCallback } from "~/delivery/callbacks.server";
import { SIGNATURE_HEADER } from "~/delivery/signature.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";

/** Every answer of the agency API carries the same security headers as the portal's pages. */
const apiJson = (body: unknown, status: number) => withSecurityHeaders(Response.json(body, { status }));
const methodNotAllowed = () => apiJson({ error: { code: "methodNotAllowed", message: "Use POST" } }, 405);

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const outcome = receiveAgencyCallback(getDb(), {
    agencyId: params.agencyId ?? "",
    rawBody: await request.text(),
    signature: request.headers.get(SIGNATURE_HEADER),
  });
  return apiJson(outcome.body, outcome.status);
}

export function loader() {
  return methodNotAllowed();
}
