// The inbox's filters: a plain GET form (status, deadline), so filtering works without JavaScript and a
// filtered inbox is a link an officer can keep.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";

export function OfficeInboxFilters({
  statuses,
  deadlines,
  current,
}: {
  statuses: readonly string[];
  deadlines: readonly string[];
  current: { status: string; deadline: string };
}) {
  const { t } = useTranslation("office");
  return (
    <Form method="get" className="office-filters" aria-labelledby="office-filters-heading">
      <h2 id="office-filters-heading">{t("inbox.filters.heading")}</h2>
      <div className="office-filters__fields">
        <div className="field">
          <label className="field__label" htmlFor="filter-status">
            {t("inbox.filters.status")}
          </label>
          <select className="input" id="filter-status" name="status" defaultValue={current.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status === "open" || status === "all" ? t(`inbox.filters.statusOptions.${status}`) : t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-deadline">
            {t("inbox.filters.deadline")}
          </label>
          <select className="input" id="filter-deadline" name="deadline" defaultValue={current.deadline}>
            {deadlines.map((deadline) => (
              <option key={deadline} value={deadline}>
                {t(`inbox.filters.deadlineOptions.${deadline}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button button--secondary">
        {t("inbox.filters.apply")}
      </button>
    </Form>
  );
}
