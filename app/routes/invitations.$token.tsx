// A member of staff's invitation link: set a password, then (officers, designers, administrators) enrol an
// authenticator app at the second-factor step before anything else. A used, expired or unknown link says so.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { acceptInvitation, checkInvitation } from "~/identity/invitations.server";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/identity/password-rules";
import { completeSignIn, needsSecondFactor, startSecondFactor } from "~/identity/sign-in.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const check = checkInvitation(getDb(), { token: params.token ?? "" });
  const title = await pageTitle(request, "invitation.title", "admin");
  if (!check.ok) return data({ title, valid: false as const, reason: check.reason, loginId: null, displayName: null }, { status: 410 });
  return { title, valid: true as const, reason: null, loginId: check.user.loginId, displayName: check.user.displayName };
}

type Errors = { password?: string; confirm?: string; link?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const password = String(form.get("password") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  const errors: Errors = {};
  if (password.length < MIN_PASSWORD_LENGTH) errors.password = "invitation.errors.passwordTooShort";
  else if (password.length > MAX_PASSWORD_LENGTH) errors.password = "invitation.errors.passwordTooLong";
  else if (password !== confirm) errors.confirm = "invitation.errors.confirmDifferent";
  if (errors.password || errors.confirm) return data({ errors }, { status: 400 });
  const accepted = await acceptInvitation(getDb(), { token: params.token ?? "", password });
  if (!accepted.ok) return data({ errors: { link: `invitation.invalid.${accepted.reason}` } satisfies Errors }, { status: 410 });
  return needsSecondFactor(accepted.user) ? startSecondFactor(request, accepted.user, null) : completeSignIn(request, accepted.user, { method: "password" });
}

export default function Invitation() {
  const { t } = useTranslation("admin");
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Errors = actionData?.errors ?? {};
  if (!view.valid) {
    return (
      <>
        <h1>{t("invitation.title")}</h1>
        <p>{t(`invitation.invalid.${view.reason}`)}</p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary
        errors={[
          ...(errors.link ? [{ message: t(errors.link) }] : []),
          ...(errors.password ? [{ message: t(errors.password, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }), fieldId: "password" }] : []),
          ...(errors.confirm ? [{ message: t(errors.confirm), fieldId: "confirm" }] : []),
        ]}
      />
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.lead", { name: view.displayName, loginId: view.loginId })}</p>
      <Form method="post">
        <CsrfField />
        <input type="text" name="username" autoComplete="username" value={view.loginId} readOnly hidden />
        <div className={`field${errors.password ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="password">
            {t("invitation.password")}
          </label>
          <span className="field__hint" id="password-hint">
            {t("invitation.passwordHint", { min: MIN_PASSWORD_LENGTH })}
          </span>
          {errors.password ? (
            <span className="field__error" id="password-error">
              {t(errors.password, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH })}
            </span>
          ) : null}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            className={`input${errors.password ? " input--error" : ""}`}
            aria-describedby={errors.password ? "password-hint password-error" : "password-hint"}
            aria-invalid={errors.password ? true : undefined}
          />
        </div>
        <div className={`field${errors.confirm ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="confirm">
            {t("invitation.confirm")}
          </label>
          {errors.confirm ? (
            <span className="field__error" id="confirm-error">
              {t(errors.confirm)}
            </span>
          ) : null}
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            className={`input${errors.confirm ? " input--error" : ""}`}
            aria-describedby={errors.confirm ? "confirm-error" : undefined}
            aria-invalid={errors.confirm ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t("invitation.submit")}
        </button>
      </Form>
    </>
  );
}
