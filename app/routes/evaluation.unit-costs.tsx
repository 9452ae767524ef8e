// Unit costs: evaluators set what one transaction costs online and at the counter (by default, or for one
// procedure), from which cost per transaction is computed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { EvaluationNav } from "~/components/evaluation-nav/evaluation-nav";
import { FormField, FormInput, summaryOf } from "~/components/form-field/form-field";
import { requestLanguage } from "~/evaluation/request-language.server";
import { currentFiscalYear } from "~/evaluation/figures.server";
import { changeUnitCost, unitCostsView } from "~/evaluation/unit-costs.server";
import { readVerifiedForm, requireUser } from "~/identity/auth.server";
import { formatDateTime } from "~/platform/format";
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
    title: await pageTitle(request, "unitCosts.title", "evaluation"),
    fiscalYear: currentFiscalYear(),
    ...unitCostsView(getDb(), await requestLanguage(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, { roles: ["evaluator"] });
  const form = await readVerifiedForm(request);
  const outcome = changeUnitCost(getDb(), { actor: auth.user.id, form });
  if (outcome.kind === "invalid") return formErrorsReply(outcome.result);
  return redirect("/evaluation/unit-costs?saved=1");
}

export default function UnitCosts() {
  const { t, i18n } = useTranslation("evaluation");
  const { fiscalYear, procedures, costs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const initial = actionData?.initial ?? {};
  const fields = [
    { name: "channel", id: "cost-channel" },
    { name: "procedure", id: "cost-procedure" },
    { name: "yen", id: "cost-yen" },
  ];
  return (
    <>
      <ErrorSummary errors={summaryOf(t, errors, fields)} />
      <EvaluationNav fiscalYear={fiscalYear} />
      <h1>{t("unitCosts.title")}</h1>
      <p className="lead">{t("unitCosts.lead")}</p>
      {params.get("saved") && !actionData ? (
        <div className="notice" role="status">
          <p>{t("unitCosts.saved")}</p>
        </div>
      ) : null}
      {costs.length === 0 ? (
        <p>{t("unitCosts.none")}</p>
      ) : (
        <DataTable caption={t("unitCosts.title")}>
          <thead>
            <tr>
              <th scope="col">{t("unitCosts.channel")}</th>
              <th scope="col">{t("unitCosts.procedure")}</th>
              <th scope="col">{t("unitCosts.yen")}</th>
              <th scope="col">{t("unitCosts.updated")}</th>
              <th scope="col">{t("unitCosts.remove")}</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((cost) => {
              const channel = t(`unitCosts.channels.${cost.channel}`);
              const procedure = cost.procedure ?? t("unitCosts.default");
              return (
                <tr key={`${cost.channel}-${cost.procedureId}`}>
                  <th scope="row">{channel}</th>
                  <td>{procedure}</td>
                  <td data-testid={`cost-${cost.channel}-${cost.procedureId || "default"}`}>
                    {t("yen", {
                      value: cost.yen.toLocaleString(i18n.language),
                    })}
                  </td>
                  <td>{formatDateTime(cost.updatedAt, i18n.language)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="channel" value={cost.channel} />
                      <input type="hidden" name="procedure" value={cost.procedureId} />
                      <button
                        type="submit"
                        className="button button--secondary"
                        aria-label={t("unitCosts.removeLabel", {
                          channel,
                          procedure,
                        })}
                      >
                        {t("unitCosts.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <section aria-labelledby="cost-set-heading">
        <h2 id="cost-set-heading">{t("unitCosts.set.heading")}</h2>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="set" />
          <FormField id="cost-channel" label={t("unitCosts.channel")} errors={errors.channel} ns="evaluation">
            {({ describedBy }) => (
              <select id="cost-channel" name="channel" className="input" defaultValue={initial.channel ?? "online"} aria-describedby={describedBy}>
                {(["online", "counter"] as const).map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`unitCosts.channels.${channel}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="cost-procedure" label={t("unitCosts.procedure")} hint={t("unitCosts.set.procedureHint")} errors={errors.procedure} ns="evaluation">
            {({ describedBy }) => (
              <select id="cost-procedure" name="procedure" className="input" defaultValue={initial.procedure ?? ""} aria-describedby={describedBy}>
                <option value="">{t("unitCosts.default")}</option>
                {procedures.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormInput id="cost-yen" name="yen" inputMode="numeric" label={t("unitCosts.yen")} errors={errors.yen} ns="evaluation" defaultValue={initial.yen ?? ""} />
          <button type="submit" className="button">
            {t("unitCosts.set.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
