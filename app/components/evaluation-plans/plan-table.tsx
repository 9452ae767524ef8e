// Ministries' plan items with their progress from the live figures: on the plans page and in the yearly report.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { useFormat } from "~/components/evaluation-figures/figures";

export type PlanRow = {
  id: number;
  ministry: string;
  title: string;
  procedure: string | null;
  figure: string;
  unit: "share" | "hours" | "yen";
  comparison: "atLeast" | "atMost";
  target: number;
  dueDate: string;
  value: number | null;
  status: "met" | "notYet" | "missed" | "noData";
};

export function PlanTable({ plans, removable = false, caption }: { plans: PlanRow[]; removable?: boolean; caption?: string }) {
  const { t } = useTranslation("evaluation");
  const f = useFormat();
  const format = (unit: PlanRow["unit"], value: number | null) => (unit === "share" ? f.percent(value) : unit === "hours" ? f.hours(value) : f.yen(value));
  if (plans.length === 0) return <p>{t("plans.none")}</p>;
  return (
    <DataTable caption={caption ?? t("plans.title")}>
      <thead>
        <tr>
          <th scope="col">{t("plans.ministry")}</th>
          <th scope="col">{t("plans.item")}</th>
          <th scope="col">{t("plans.figure")}</th>
          <th scope="col">{t("plans.target")}</th>
          <th scope="col">{t("plans.due")}</th>
          <th scope="col">{t("plans.value")}</th>
          <th scope="col">{t("plans.status")}</th>
          {removable ? <th scope="col">{t("plans.remove")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id} data-testid={`plan-${plan.id}`}>
            <td>{plan.ministry}</td>
            <th scope="row">{plan.title}</th>
            <td>
              {t(`plans.figures.${plan.figure}`)}
              {" — "}
              {plan.procedure ?? t("plans.allProcedures")}
            </td>
            <td>{t(`plans.comparison.${plan.comparison}`, { value: format(plan.unit, plan.target) })}</td>
            <td>{plan.dueDate}</td>
            <td>{format(plan.unit, plan.value)}</td>
            <td className="plan-status">{t(`plans.statuses.${plan.status}`)}</td>
            {removable ? (
              <td>
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={plan.id} />
                  <button type="submit" className="button button--secondary" aria-label={t("plans.removeLabel", { title: plan.title })}>
                    {t("plans.remove")}
                  </button>
                </Form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
