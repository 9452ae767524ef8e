// "Confirm it's you": a signed-in person proves who they are again (password, and their authenticator
// app's code if they have one) before changing how they sign in. Works without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { safeRedirect } from "~/identity/security/safe-redirect";
import { z } from "zod";
import { isRecentlyVerified, readVerifiedForm, requireUser } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary, summaryErrorsOf } from "~/components/error-summary/error-summary";
import { RateLimitNotice } from "~/components/rate-limit-notice/rate-limit-notice";
import { TextField } from "~/components/text-field/text-field";
import { codeField } from "~/components/totp-code/use-code-form";
import { getDb } from "../../db/client.server";
import { getUserById } from "../../db/queries/users";
import { retryAfterHeaders } from "~/identity/security/rate-limit.server";
import { confirmIdentity } from "~/identity/sign-in.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

/** The password always; the code only for someone with an authenticator app. */
const confirmSchema = (hasTotp: boolean) =>
  z.object({
    password: z.string({ required_error: "signIn.errors.passwordRequired" }).min(1, "signIn.errors.passwordRequired").max(1000),
    code: hasTotp ? codeField : z.string().optional(),
    redirectTo: z.string().optional(),
  });

const hasTotpOf = (userId: string) => getUserById(getDb(), { userId })?.totpSecret != null;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account");
  return { title: await pageTitle(request, "confirm.title", "auth"), hasTotp: hasTotpOf(auth.user.id), redirectTo, recent: isRecentlyVerified(auth) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request);
  const submission = parseWithZod(form, { schema: confirmSchema(hasTotpOf(auth.user.id)) });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "code"] }), retryAt: null }, { status: 400 });
  const outcome = await confirmIdentity(request, auth, submission.value);
  if (outcome.kind === "rate-limited") {
    return data(
      { result: submission.reply({ hideFields: ["password", "code"] }), retryAt: outcome.retryAt.toISOString() },
      { status: 429, headers: retryAfterHeaders(outcome.retryAt) },
    );
  }
  if (outcome.kind === "invalid") {
    return data({ result: submission.reply({ formErrors: ["confirm.errors.invalid"], hideFields: ["password", "code"] }), retryAt: null }, { status: 401 });
  }
  return redirect(safeRedirect(submission.value.redirectTo, "/account"), { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function ConfirmIdentity() {
  const { t } = useTranslation("auth");
  const { hasTotp, redirectTo, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = confirmSchema(hasTotp);
  const [form, fields] = useForm({
    id: "confirm",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = summaryErrorsOf(t, form, [fields.password, fields.code]);
  return (
    <>
      {actionData?.retryAt ? <RateLimitNotice retryAt={actionData.retryAt} /> : null}
      <ErrorSummary errors={errors} />
      <h1>{t("confirm.title")}</h1>
      <p>{t("confirm.lead")}</p>
      {recent ? <p>{t("confirm.alreadyRecent")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.password} label={t("signIn.password")} type="password" autoComplete="current-password" />
        {hasTotp ? (
          <TextField field={fields.code} label={t("twoFactor.code")} hint={t("twoFactor.codeHint")} autoComplete="one-time-code" inputMode="numeric" maxLength={7} />
        ) : null}
        <button type="submit" className="button">
          {t("confirm.submit")}
        </button>
      </Form>
    </>
  );
}
