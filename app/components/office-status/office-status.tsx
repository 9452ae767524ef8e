// A procedure request's status as officers read it ("to decide", "waiting for the applicant"…), as a tag.
import { useTranslation } from "~/platform/i18n/texts";

export function OfficeStatus({ status }: { status: string }) {
  const { t } = useTranslation("office");
  return <strong className={`status status--${status}`}>{t(`statuses.${status}`)}</strong>;
}

/** The "overdue" mark: words, not only a colour. */
export function OverdueTag() {
  const { t } = useTranslation("office");
  return <strong className="status status--overdue">{t("overdue")}</strong>;
}
