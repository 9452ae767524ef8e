// Agency systems report decisions here (signed JSON); the logic is in app/delivery/callbacks.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/client.server";
import { receiveAgencyCallback } from "~/delivery/callbacks.server";
import { SIGNATURE_HEADER } from "~/delivery/signature.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { BodyTooLargeError, MAX_CALLBACK_BYTES, readBodyWithin } from "~/platform/body.server";

/** Every answer of the agency API carries the same security headers as the portal's pages. */
const apiJson = (body: unknown, status: number) => withSecurityHeaders(Response.json(body, { status }));
const methodNotAllowed = () => apiJson({ error: { code: "methodNotAllowed", message: "Use POST" } }, 405);

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  let body: Uint8Array;
  try {
    body = await readBodyWithin(request, MAX_CALLBACK_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return apiJson({ error: { code: "bodyTooLarge", message: `The body is larger than ${MAX_CALLBACK_BYTES} bytes` } }, 413);
  }
  let rawBody: string;
  try {
    rawBody = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return apiJson({ error: { code: "invalidBody", message: "The body is not UTF-8" } }, 422);
  }
  const outcome = receiveAgencyCallback(getDb(), {
    agencyId: params.agencyId ?? "",
    rawBody,
    contentType: request.headers.get("content-type"),
    signature: request.headers.get(SIGNATURE_HEADER),
  });
  return apiJson(outcome.body, outcome.status);
}

export function loader() {
  return methodNotAllowed();
}
