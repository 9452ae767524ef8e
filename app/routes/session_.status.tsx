// For the session-timeout dialog: when the session ends, as JSON, without counting as activity.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/identity/auth.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getOptionalUser(request, { touch: false });
  return withSecurityHeaders(
    Response.json({ signedIn: auth !== null, idleExpiresAt: auth?.session.idleExpiresAt.toISOString() ?? null, now: new Date().toISOString() }),
  );
}
