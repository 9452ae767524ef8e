// Registering a passkey (a resource route for the account page's JavaScript button): "options" hands
// out a single-use challenge for this user; "verify" checks the authenticator's answer and stores it.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { readVerifiedForm, requireRecentVerification, requireUser } from "~/identity/auth.server";
import { getDb } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { getUserById } from "../../db/queries/users";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { passkeyRegistrationOptions, registerPasskey } from "~/identity/security/webauthn.server";

export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request);
  requireRecentVerification(auth, { returnTo: "/account" });
  const db = getDb();
  const user = getUserById(db, { userId: auth.user.id })!;
  if (form.get("intent") === "options") {
    return withSecurityHeaders(Response.json(await passkeyRegistrationOptions(db, request, user)));
  }
  let response: RegistrationResponseJSON;
  try {
    response = JSON.parse(String(form.get("response") ?? "")) as RegistrationResponseJSON;
  } catch {
    throw redirect("/account?passkey=failed");
  }
  const passkey = await registerPasskey(db, request, user, { challengeId: String(form.get("challengeId") ?? ""), response });
  if (!passkey) throw redirect("/account?passkey=failed");
  appendAuditEntry(db, { actor: user.id, action: "account.passkey-added", subjectType: "user", subjectId: user.id });
  return redirect("/account?passkey=added");
}
