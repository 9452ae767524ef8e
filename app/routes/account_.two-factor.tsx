// Setting up (or replacing) the authenticator app that gives TOTP codes, for a signed-in person.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readVerifiedForm, requireUser } from "~/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { TextField } from "~/components/text-field/text-field";
import { TotpEnrolment } from "~/components/totp-enrolment/totp-enrolment";
import { getDb } from "../../db/client.server";
import { getUserById } from "../../db/queries/users";
import { finishTotpEnrolment, startTotpEnrolment } from "~/two-factor.server";
import { titleMeta } from "~/utils/meta";
import { pageTitle } from "~/utils/page.server";
import { codeSchema } from "./sign-in_.two-factor";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const user = getUserById(getDb(), { userId: auth.user.id })!;
  return { title: await pageTitle(request, "twoFactor.enrolTitle", "auth"), enrolment: await startTotpEnrolment(getDb(), user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request);
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
  const [form, fields] = useForm({
    id: "account-two-factor",
    lastResult: actionData?.result,
    constraint: getZodConstraint(codeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  const errors = (fields.code.errors ?? []).map((message) => ({ message: t(message), fieldId: fields.code.id }));
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
