// "Sign in with a passkey": needs JavaScript (WebAuthn is a browser API), so it appears only once the
// page is hydrated in a browser that supports passkeys; the password form above works without it.
import { useSubmit } from "@remix-run/react";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";
import { useTranslation } from "~/platform/i18n/texts";
import { useCsrfToken } from "~/components/csrf-field/csrf-field";
import { runPasskeySignIn } from "./passkey-client";

export function PasskeySignIn({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation("auth");
  const csrf = useCsrfToken();
  const submit = useSubmit();
  const [supported, setSupported] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return null;

  async function signIn() {
    setFailed(false);
    try {
      const { challengeId, response } = await runPasskeySignIn(csrf);
      submit({ csrf, intent: "verify", challengeId, response, redirectTo }, { method: "post", action: "/sign-in/passkey" });
    } catch {
      setFailed(true);
    }
  }

  return (
    <section aria-labelledby="passkey-heading" className="passkey-box">
      <h2 id="passkey-heading">{t("passkey.signInTitle")}</h2>
      <p>{t("passkey.signInBody")}</p>
      {failed ? (
        <p className="field__error" role="alert">
          {t("passkey.failed")}
        </p>
      ) : null}
      <button type="button" className="button button--secondary" onClick={signIn}>
        {t("passkey.signIn")}
      </button>
    </section>
  );
}
