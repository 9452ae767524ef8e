// An organisation's delivery health in words and numbers: the backlog's change, the oldest waiting delivery,
// and per window (last hour, last day) the deliveries, retries, dead letters and p50/p95 delivery times. Used
// by the organisations list (one row each) and an organisation's page (a small table of its own).
import { useTranslation } from "~/platform/i18n/texts";
import type { DeliveryHealth, HealthWindow } from "~/admin/delivery-health";
import { formatDateTime, formatDuration } from "~/platform/format";
import { DataTable } from "../data-table/data-table";

export function Backlog({ change }: { change: number }) {
  const { t } = useTranslation("admin");
  if (change > 0) return <strong>{t("health.backlogGrowing", { count: change })}</strong>;
  return <>{change < 0 ? t("health.backlogShrinking", { count: -change }) : t("health.backlogSteady")}</>;
}

export function OldestWaiting({ since }: { since: string | null }) {
  const { t, i18n } = useTranslation("admin");
  return <>{since ? formatDateTime(since, i18n.language) : t("health.noneWaiting")}</>;
}

/** The list's shorter form: nothing waiting is a dash. */
export function OldestWaitingShort({ since }: { since: string | null }) {
  const { i18n } = useTranslation("admin");
  return <>{since ? formatDateTime(since, i18n.language) : "—"}</>;
}

export function Seconds({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation("admin");
  return <>{value === null ? t("health.noDeliveries") : formatDuration(value, i18n.language)}</>;
}

/** The five figures of one window, in the order the tables show them. */
export const windowFigures = ["delivered", "retried", "deadLettered", "p50Seconds", "p95Seconds"] as const satisfies readonly (keyof HealthWindow)[];

export function WindowFigure({ window, figure }: { window: HealthWindow; figure: (typeof windowFigures)[number] }) {
  return figure === "p50Seconds" || figure === "p95Seconds" ? <Seconds value={window[figure]} /> : <>{window[figure]}</>;
}

/** One window's five figures as short lines, for a cell of the organisations list. */
export function WindowSummary({ window }: { window: HealthWindow }) {
  const { t } = useTranslation("admin");
  return (
    <ul className="plain-list health-summary">
      {windowFigures.map((figure) => (
        <li key={figure}>
          {t(`health.short.${figure}`)} <WindowFigure window={window} figure={figure} />
        </li>
      ))}
    </ul>
  );
}

/** An organisation's page: one row per figure, a column for the last hour and one for the last day. */
export function HealthTable({ health }: { health: DeliveryHealth }) {
  const { t } = useTranslation("admin");
  return (
    <DataTable caption={t("health.caption")} showCaption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t("health.lastHour")}</th>
          <th scope="col">{t("health.lastDay")}</th>
        </tr>
      </thead>
      <tbody>
        {windowFigures.map((figure) => (
          <tr key={figure}>
            <th scope="row">{t(`health.figures.${figure}`)}</th>
            <td className="figure-number">
              <WindowFigure window={health.lastHour} figure={figure} />
            </td>
            <td className="figure-number">
              <WindowFigure window={health.lastDay} figure={figure} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
