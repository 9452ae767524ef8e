// Sign in: login id and password (works without JavaScript; password managers and pasting work), a
// passkey button (with JavaScript), and, in demo mode only, a clearly marked "sign in as a demo person".
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { z } from "zod";
import { getOptionalUser, readVerifiedForm } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary, summaryErrorsOf } from "~/components/error-summary/error-summary";
import { PasskeySignIn } from "~/components/passkey/passkey-sign-in";
import { RateLimitNotice } from "~/components/rate-limit-notice/rate-limit-notice";
import { TextField } from "~/components/text-field/text-field";
import { getDb } from "../../db/client.server";
import { getUserByLoginId } from "../../db/queries/users";
import { demoShortcutAccount, demoShortcutAccounts } from "~/identity/demo-shortcut.server";
import { retryAfterHeaders } from "~/identity/security/rate-limit.server";
import { afterSignIn, checkPasswordSignIn, completeSignIn, needsSecondFactor, startSecondFactor } from "~/identity/sign-in.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export const passwordSchema = z.object({
  loginId: z.string({ required_error: "signIn.errors.loginIdRequired" }).trim().min(1, "signIn.errors.loginIdRequired").max(200),
  password: z.string({ required_error: "signIn.errors.passwordRequired" }).min(1, "signIn.errors.passwordRequired").max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // Already signed in: go on (a signed-in person does not need the form).
  const auth = await getOptionalUser(request);
  if (auth) throw redirect(afterSignIn(url.searchParams.get("redirectTo"), auth.user.role));
  return {
    title: await pageTitle(request, "signIn.title", "auth"),
    demoAccounts: demoShortcutAccounts(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const intent = form.get("intent");
  const redirectTo = typeof form.get("redirectTo") === "string" ? String(form.get("redirectTo")) : null;

  if (intent === "demo") {
    // The shortcut exists only in demo mode; in production this intent does not exist.
    const account = demoShortcutAccount(String(form.get("loginId") ?? ""));
    if (!account) throw new Response("Not Found", { status: 404 });
    const user = getUserByLoginId(getDb(), { loginId: account.loginId });
    if (!user) throw new Response("Not Found", { status: 404 });
    return completeSignIn(request, user, { method: "demo", redirectTo });
  }

  const submission = parseWithZod(form, { schema: passwordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAt: null }, { status: 400 });
  }
  const outcome = await checkPasswordSignIn(request, submission.value);
  if (outcome.kind === "rate-limited") {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), retryAt: outcome.retryAt.toISOString() },
      { status: 429, headers: retryAfterHeaders(outcome.retryAt) },
    );
  }
  if (outcome.kind === "invalid") {
    return data(
      { result: submission.reply({ formErrors: ["signIn.errors.invalid"], hideFields: ["password"] }), retryAt: null },
      { status: 401 },
    );
  }
  if (needsSecondFactor(outcome.user)) return startSecondFactor(request, outcome.user, redirectTo);
  return completeSignIn(request, outcome.user, { method: "password", redirectTo });
}

export default function SignIn() {
  const { t } = useTranslation("auth");
  const { demoAccounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const expired = searchParams.get("expired");
  const passkey = searchParams.get("passkey");
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData?.result,
    constraint: getZodConstraint(passwordSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  const errors = summaryErrorsOf(t, form, [fields.loginId, fields.password]);

  return (
    <>
      {actionData?.retryAt ? <RateLimitNotice retryAt={actionData.retryAt} /> : null}
      <ErrorSummary errors={errors} />
      <h1>{t("signIn.title")}</h1>
      {expired === "idle" || expired === "absolute" ? (
        <div className="notice" role="status">
          <p>{t(`signIn.expired.${expired}`)}</p>
        </div>
      ) : null}
      {passkey === "failed" || passkey === "limited" ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(passkey === "failed" ? "signIn.passkeyFailed" : "signIn.passkeyLimited")}</p>
        </div>
      ) : null}
      <p>{t("signIn.lead")}</p>

      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value="password" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.loginId} label={t("signIn.loginId")} hint={t("signIn.loginIdHint")} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        <TextField field={fields.password} label={t("signIn.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
      </Form>

      <PasskeySignIn redirectTo={redirectTo} />

      {demoAccounts ? (
        <section className="demo-box" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t("demo.title")}</h2>
          <p>{t("demo.body")}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="demo" />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <div className="field">
              <label htmlFor="demo-login-id" className="field__label">
                {t("demo.person")}
              </label>
              <select id="demo-login-id" name="loginId" className="input">
                {demoAccounts.map((account) => (
                  <option key={account.loginId} value={account.loginId}>
                    {t("demo.option", { name: account.displayName, role: t(`roles.${account.role}`), loginId: account.loginId })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("demo.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
