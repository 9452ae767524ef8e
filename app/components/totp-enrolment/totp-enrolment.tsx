// What a person needs to add Madoguchi to an authenticator app: the secret as text (to type in) and the
// otpauth:// URI (to paste, or open on a phone). No QR image: it would need a script or a library.
import { useTranslation } from "~/platform/i18n/texts";

export function TotpEnrolment({ secret, uri }: { secret: string; uri: string }) {
  const { t } = useTranslation("auth");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="notice">
      <h2>{t("twoFactor.enrolTitle")}</h2>
      <p>{t("twoFactor.enrolBody")}</p>
      <dl>
        <dt>{t("twoFactor.secret")}</dt>
        <dd>
          <code className="secret" data-testid="totp-secret">
            {grouped}
          </code>
        </dd>
        <dt>{t("twoFactor.uri")}</dt>
        <dd>
          <code className="secret">{uri}</code>
        </dd>
      </dl>
    </div>
  );
}
