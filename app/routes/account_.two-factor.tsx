// Setting up (or replacing) the authenticator app that gives TOTP codes, for a signed-in person who has
// confirmed who they are in the last 10 minutes.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm, requireRecentVerification, requireUser } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { TextField } from "~/components/text-field/text-field";
import { codeSchema, useCodeForm } from "~/components/totp-code/use-code-form";
import { TotpEnrolment } from "~/components/totp-enrolment/totp-enrolment";
import { getDb } from "../../db/client.server";
import { getUserById } from "../../db/queries/users";
import { finishTotpEnrolment, startTotpEnrolment } from "~/identity/two-factor.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  requireRecentVerification(auth, { returnTo: "/account/two-factor" });
  const user = getUserById(getDb(), { userId: auth.user.id })!;
  return { title: await pageTitle(request, "twoFactor.enrolTitle", "auth"), enrolment: await startTotpEnrolment(getDb(), user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request);
  requireRecentVerification(auth, { returnTo: "/account/two-factor" });
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
  const user = getUserById(getDb(), { userId: auth.user.id })!;
  const ok = await finishTotpEnrolment(getDb(), user, { enrolmentId: submission.value.enrolmentId ?? "", code: submission.value.code });
  if (!ok) return data({ result: submission.reply({ fieldErrors: { code: ["twoFactor.errors.wrongEnrolment"] }, hideFields: ["code"] }) }, { status: 400 });
  return redirect("/account?twoFactor=enrolled");
}

export default function AccountTwoFactor() {
  const { t } = useTranslation("auth");
  const { enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, fields, errors } = useCodeForm("account-two-factor", actionData?.result, t);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t("twoFactor.enrolTitle")}</h1>
      <p>{t("twoFactor.enrolLead")}</p>
      <TotpEnrolment secret={enrolment.secret} uri={enrolment.uri} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="enrolmentId" value={enrolment.enrolmentId} />
        <TextField field={fields.code} label={t("twoFactor.code")} hint={t("twoFactor.codeHint")} autoComplete="one-time-code" inputMode="numeric" maxLength={7} />
        <button type="submit" className="button">
          {t("twoFactor.submitEnrolment")}
        </button>
      </Form>
    </>
  );
}
