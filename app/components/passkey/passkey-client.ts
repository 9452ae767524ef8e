// The browser half of the passkey ceremonies: fetch options from the portal (with the CSRF token), ask
// the authenticator, and return its answer for a form post.
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";

async function fetchOptions(action: string, csrf: string) {
  const body = new FormData();
  body.set("csrf", csrf);
  body.set("intent", "options");
  const response = await fetch(action, { method: "POST", body, headers: { Accept: "application/json" } });
  // The portal first wants the person to confirm who they are: go there, and come back afterwards.
  if (response.redirected) {
    window.location.assign(response.url);
    throw new Error("options: confirmation needed");
  }
  if (!response.ok) throw new Error(`options: ${response.status}`);
  return (await response.json()) as { challengeId: string; options: never };
}

export async function runPasskeySignIn(csrf: string) {
  const { challengeId, options } = await fetchOptions("/sign-in/passkey", csrf);
  const response = await startAuthentication({ optionsJSON: options });
  return { challengeId, response: JSON.stringify(response) };
}

export async function runPasskeyRegistration(csrf: string) {
  const { challengeId, options } = await fetchOptions("/account/passkeys", csrf);
  const response = await startRegistration({ optionsJSON: options });
  return { challengeId, response: JSON.stringify(response) };
}
