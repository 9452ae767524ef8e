// The header's account area: who is signed in and for whom they act, the way to their own work (an applicant's
// applications, with how many need them, and record; each staff role's home), account and sign-out; or a
// sign-in link. Only links the person may open are shown. Sign out is a real form (POST with the CSRF token),
// so it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { homeOf } from "~/identity/home";
import type { Role } from "../../../db/schema";

export type AccountSummary = {
  displayName: string;
  role: Role;
  actingFor: string | null;
  canChooseSubject: boolean;
  /** For an applicant acting for someone: how many of their cases wait for them. */
  casesNeedingAction: number | null;
};

const isApplicant = (role: Role) => role === "citizen" || role === "representative";

export function AccountNav({ account }: { account: AccountSummary | null }) {
  const { t } = useTranslation("common");
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
        {isApplicant(account.role) ? (
          <>
            <li>
              <Link to="/cases">
                {t("nav.cases")}
                {account.casesNeedingAction ? <span className="account-nav__count">{t("nav.casesNeedingAction", { count: account.casesNeedingAction })}</span> : null}
              </Link>
            </li>
            <li>
              <Link to="/record">{t("nav.record")}</Link>
            </li>
          </>
        ) : (
          <li>
            <Link to={homeOf(account.role)}>{t(`nav.home.${account.role}`)}</Link>
          </li>
        )}
        {account.canChooseSubject ? (
          <li>
            <Link to="/act-for">{t("nav.chooseSubject")}</Link>
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
