// Agency systems report decisions here (signed JSON); the logic is in app/delivery/callbacks.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/client.server";
import { receiveAgencyCallback } from "~/delivery/callbacks.server";
import { SIGNATURE_HEADER } from "~/delivery/signature.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: { code: "methodNotAllowed", message: "Use POST" } }, { status: 405 });
  const outcome = receiveAgencyCallback(getDb(), {
    agencyId: params.agencyId ?? "",
    rawBody: await request.text(),
    signature: request.headers.get(SIGNATURE_HEADER),
  });
  return Response.json(outcome.body, { status: outcome.status });
}

export function loader() {
  return Response.json({ error: { code: "methodNotAllowed", message: "Use POST" } }, { status: 405 });
}
