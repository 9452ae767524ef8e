// The evaluators' pages: the dashboard, the ministries' plans, unit costs and this year's report.
import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";

export function EvaluationNav({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation("evaluation");
  const links = [
    ["/evaluation", t("nav.dashboard")],
    ["/evaluation/plans", t("nav.plans")],
    ["/evaluation/unit-costs", t("nav.unitCosts")],
    [`/evaluation/reports/${fiscalYear}`, t("nav.report", { year: fiscalYear })],
  ] as const;
  return (
    <nav aria-label={t("nav.label")} className="evaluation-nav">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
