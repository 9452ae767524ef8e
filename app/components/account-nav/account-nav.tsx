// The header's account area: who is signed in and for whom they act, with account and sign-out; or a
// sign-in link. Sign out is a real form (POST with the CSRF token), so it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field/csrf-field";

export type AccountSummary = {
  displayName: string;
  role: string;
  actingFor: string | null;
  canChooseSubject: boolean;
};

export function AccountNav({ account }: { account: AccountSummary | null }) {
  const { t } = useTranslation("auth");
  if (!account) {
    return (
      <nav aria-label={t("nav.label")}>
        <ul>
          <li>
            <Link to="/sign-in">{t("nav.signIn")}</Link>
          </li>
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={t("nav.label")} className="account-nav">
      <p className="account-nav__who">
        {t("nav.signedInAs", { name: account.displayName })}
        {account.actingFor ? (
          <>
            <br />
            <strong>{t("nav.actingFor", { name: account.actingFor })}</strong>
          </>
        ) : null}
      </p>
      <ul>
        {account.canChooseSubject ? (
          <li>
            <Link to="/act-for">{t("nav.chooseSubject")}</Link>
          </li>
        ) : null}
        {account.role === "officer" ? (
          <li>
            <Link to="/office">{t("office:nav.inbox")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/account">{t("nav.account")}</Link>
        </li>
        <li>
          <Form method="post" action="/sign-out" className="inline-form">
            <CsrfField />
            <button type="submit" name="intent" value="this" className="link-button">
              {t("nav.signOut")}
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}
