// The second step of signing in for officers, designers and administrators: a TOTP code (or, the first
// time, enrolling an authenticator app). Only reachable with a fresh "second-factor" session.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { RateLimitNotice } from "~/components/rate-limit-notice/rate-limit-notice";
import { TextField } from "~/components/text-field/text-field";
import { codeSchema, useCodeForm } from "~/components/totp-code/use-code-form";
import { TotpEnrolment } from "~/components/totp-enrolment/totp-enrolment";
import { getDb } from "../../db/client.server";
import { getUserById } from "../../db/queries/users";
import { retryAfterHeaders } from "~/identity/security/rate-limit.server";
import { verifyUserTotp } from "~/identity/security/totp.server";
import { readSession } from "~/identity/session.server";
import { clearSecondFactorFailures, completeSignIn, recordSecondFactorFailure, secondFactorLock } from "~/identity/sign-in.server";
import { finishTotpEnrolment, startTotpEnrolment } from "~/identity/two-factor.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

/** The user at the second-factor step, or a redirect back to the password step. */
async function requirePendingUser(request: Request) {
  const db = getDb();
  const state = await readSession(request, { db });
  if (state.status === "expired") throw redirect("/sign-in?expired=idle");
  if (state.status !== "valid") throw redirect("/sign-in");
  if (state.session.stage !== "second-factor") throw redirect("/account");
  const user = getUserById(db, { userId: state.session.userId });
  if (!user || user.deactivatedAt) throw redirect("/sign-in");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePendingUser(request);
  const enrolment = user.totpSecret ? null : await startTotpEnrolment(getDb(), user);
  return { title: await pageTitle(request, "twoFactor.title", "auth"), enrolment };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const user = await requirePendingUser(request);
  const db = getDb();
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["code"] }), retryAt: null }, { status: 400 });
  const lock = secondFactorLock(db, request, user);
  if (!lock.allowed) {
    return data({ result: submission.reply({ hideFields: ["code"] }), retryAt: lock.retryAt.toISOString() }, { status: 429, headers: retryAfterHeaders(lock.retryAt) });
  }
  const { code, enrolmentId, redirectTo } = submission.value;
  const ok = user.totpSecret ? await verifyUserTotp(db, user, code) : await finishTotpEnrolment(db, user, { enrolmentId: enrolmentId ?? "", code });
  if (!ok) {
    const outcome = recordSecondFactorFailure(db, request, user);
    if (outcome.kind === "rate-limited") {
      return data(
        { result: submission.reply({ hideFields: ["code"] }), retryAt: outcome.retryAt.toISOString() },
        { status: 429, headers: retryAfterHeaders(outcome.retryAt) },
      );
    }
    return data({ result: submission.reply({ fieldErrors: { code: ["twoFactor.errors.wrong"] }, hideFields: ["code"] }), retryAt: null }, { status: 401 });
  }
  clearSecondFactorFailures(db, user);
  return completeSignIn(request, user, { method: "password+totp", redirectTo });
}

export default function TwoFactor() {
  const { t } = useTranslation("auth");
  const { enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { form, fields, errors } = useCodeForm("two-factor", actionData?.result, t);
  return (
    <>
      {actionData?.retryAt ? <RateLimitNotice retryAt={actionData.retryAt} /> : null}
      <ErrorSummary errors={errors} />
      <h1>{t("twoFactor.title")}</h1>
      <p>{t(enrolment ? "twoFactor.enrolLead" : "twoFactor.lead")}</p>
      {enrolment ? <TotpEnrolment secret={enrolment.secret} uri={enrolment.uri} /> : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        {enrolment ? <input type="hidden" name="enrolmentId" value={enrolment.enrolmentId} /> : null}
        <TextField field={fields.code} label={t("twoFactor.code")} hint={t("twoFactor.codeHint")} autoComplete="one-time-code" inputMode="numeric" maxLength={7} />
        <button type="submit" className="button">
          {t("twoFactor.submit")}
        </button>
      </Form>
    </>
  );
}
