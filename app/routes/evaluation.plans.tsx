// Ministries' plans: evaluators record each ministry's plan items (an action, a target on one figure, a date);
// each shows its progress from the live figures. Below, the procedures where reform pays most.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { ReformRanking } from "~/components/evaluation-figures/figures";
import { EvaluationNav } from "~/components/evaluation-nav/evaluation-nav";
import { PlanTable } from "~/components/evaluation-plans/plan-table";
import { FormField, FormInput, summaryOf } from "~/components/form-field/form-field";
import { requestLanguage } from "~/evaluation/request-language.server";
import { currentFiscalYear } from "~/evaluation/figures.server";
import { changePlanItem, plansPageView } from "~/evaluation/plans.server";
import { readVerifiedForm, requireUser } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import { formErrorsReply } from "~/platform/form-reply.server";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["evaluation"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["evaluator"] });
  return {
    title: await pageTitle(request, "plans.title", "evaluation"),
    fiscalYear: currentFiscalYear(),
    ...plansPageView(getDb(), await requestLanguage(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, { roles: ["evaluator"] });
  const form = await readVerifiedForm(request);
  const outcome = changePlanItem(getDb(), { actor: auth.user.id, form });
  if (outcome.kind === "notFound") throw new Response(null, { status: 404 });
  if (outcome.kind === "invalid") return formErrorsReply(outcome.result);
  return redirect("/evaluation/plans?saved=1");
}

export default function Plans() {
  const { t } = useTranslation("evaluation");
  const { fiscalYear, period, ministries, procedures, figures, plans, ranking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const initial = actionData?.initial ?? {};
  const fields = [
    { name: "ministry", id: "plan-ministry" },
    { name: "title", id: "plan-title" },
    { name: "procedure", id: "plan-procedure" },
    { name: "figure", id: "plan-figure" },
    { name: "comparison", id: "plan-comparison" },
    { name: "target", id: "plan-target" },
    { name: "dueDate", id: "plan-due" },
  ];
  const select = (name: string, id: string, options: { id: string; name: string }[], describedBy: string | undefined, fallback = "") => (
    <select id={id} name={name} className="input" defaultValue={initial[name] ?? fallback} aria-describedby={describedBy}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <ErrorSummary errors={summaryOf(t, errors, fields)} />
      <EvaluationNav fiscalYear={fiscalYear} />
      <h1>{t("plans.title")}</h1>
      <p className="lead">{t("plans.lead", period)}</p>
      {params.get("saved") && !actionData ? (
        <div className="notice" role="status">
          <p>{t("plans.saved")}</p>
        </div>
      ) : null}
      <PlanTable plans={plans} removable />

      <section aria-labelledby="plan-add-heading">
        <h2 id="plan-add-heading">{t("plans.add.heading")}</h2>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          <FormField id="plan-ministry" label={t("plans.ministry")} errors={errors.ministry} ns="evaluation">
            {({ describedBy }) => select("ministry", "plan-ministry", ministries, describedBy)}
          </FormField>
          <FormInput
            id="plan-title"
            name="title"
            maxLength={200}
            wide
            label={t("plans.add.title")}
            hint={t("plans.add.titleHint")}
            errors={errors.title}
            ns="evaluation"
            defaultValue={initial.title ?? ""}
          />
          <FormField id="plan-procedure" label={t("plans.add.procedure")} errors={errors.procedure} ns="evaluation">
            {({ describedBy }) => select("procedure", "plan-procedure", [{ id: "", name: t("plans.allProcedures") }, ...procedures], describedBy)}
          </FormField>
          <FormField id="plan-figure" label={t("plans.add.figure")} errors={errors.figure} ns="evaluation">
            {({ describedBy }) =>
              select(
                "figure",
                "plan-figure",
                figures.map((figure) => ({
                  id: figure,
                  name: t(`plans.figures.${figure}`),
                })),
                describedBy,
              )
            }
          </FormField>
          <FormField id="plan-comparison" label={t("plans.add.comparison")} errors={errors.comparison} ns="evaluation">
            {({ describedBy }) =>
              select(
                "comparison",
                "plan-comparison",
                [
                  { id: "atLeast", name: t("plans.add.atLeast") },
                  { id: "atMost", name: t("plans.add.atMost") },
                ],
                describedBy,
              )
            }
          </FormField>
          <FormInput
            id="plan-target"
            name="target"
            inputMode="decimal"
            label={t("plans.add.target")}
            hint={t("plans.add.targetHint")}
            errors={errors.target}
            ns="evaluation"
            defaultValue={initial.target ?? ""}
          />
          <FormInput
            id="plan-due"
            name="dueDate"
            type="date"
            label={t("plans.add.dueDate")}
            hint={t("plans.add.dueDateHint")}
            errors={errors.dueDate}
            ns="evaluation"
            defaultValue={initial.dueDate ?? ""}
          />
          <button type="submit" className="button">
            {t("plans.add.submit")}
          </button>
        </Form>
      </section>

      <ReformRanking rows={ranking} lead={t("plans.rankingLead")} />
    </>
  );
}
