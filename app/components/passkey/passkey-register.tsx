// "Add a passkey" on the account page: with JavaScript only (WebAuthn); without it the page says so.
import { useSubmit } from "@remix-run/react";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";
import { useTranslation } from "~/platform/i18n/texts";
import { useCsrfToken } from "~/components/csrf-field/csrf-field";
import { runPasskeyRegistration } from "./passkey-client";

export function PasskeyRegister() {
  const { t } = useTranslation("auth");
  const csrf = useCsrfToken();
  const submit = useSubmit();
  const [supported, setSupported] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (supported === null) return <p>{t("passkey.needsJavaScript")}</p>;
  if (!supported) return <p>{t("passkey.unsupported")}</p>;

  async function register() {
    setFailed(false);
    try {
      const { challengeId, response } = await runPasskeyRegistration(csrf);
      submit({ csrf, intent: "verify", challengeId, response }, { method: "post", action: "/account/passkeys" });
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      {failed ? (
        <p className="field__error" role="alert">
          {t("passkey.failed")}
        </p>
      ) : null}
      <button type="button" className="button button--secondary" onClick={register}>
        {t("passkey.add")}
      </button>
    </>
  );
}
