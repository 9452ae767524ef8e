// Passkey sign-in (a resource route for the JavaScript button): "options" hands out a single-use
// challenge; "verify" checks the signed answer and signs the person in.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { readVerifiedForm } from "~/identity/auth.server";
import { getDb } from "../../db/client.server";
import { getUserById } from "../../db/queries/users";
import { checkRateLimit, hitRateLimit, signInPerIp } from "~/identity/security/rate-limit.server";
import { clientIp } from "~/identity/security/request.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { passkeySignInOptions, verifyPasskeySignIn } from "~/identity/security/webauthn.server";
import { completeSignIn, ipLimitKey } from "~/identity/sign-in.server";

export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const db = getDb();
  const ip = clientIp(request);
  const limit = checkRateLimit(db, ipLimitKey(ip), signInPerIp);
  if (!limit.allowed) throw redirect("/sign-in?passkey=limited");
  hitRateLimit(db, ipLimitKey(ip), signInPerIp);
  if (form.get("intent") === "options") {
    return withSecurityHeaders(Response.json(await passkeySignInOptions(db, request)));
  }
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(String(form.get("response") ?? "")) as AuthenticationResponseJSON;
  } catch {
    throw redirect("/sign-in?passkey=failed");
  }
  const userId = await verifyPasskeySignIn(db, request, { challengeId: String(form.get("challengeId") ?? ""), response });
  const user = userId ? getUserById(db, { userId }) : undefined;
  if (!user || user.deactivatedAt) throw redirect("/sign-in?passkey=failed");
  const redirectTo = form.get("redirectTo");
  return completeSignIn(request, user, { method: "passkey", redirectTo: typeof redirectTo === "string" ? redirectTo : null });
}
