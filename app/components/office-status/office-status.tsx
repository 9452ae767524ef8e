// A procedure request's status as officers read it ("to decide", "waiting for the applicant"…), as a tag.
import type { TFunction } from "i18next";
import { useTranslation } from "~/platform/i18n/texts";

/**
 * The tag itself, from a translate function the caller already has (an "office" one): a long list renders it
 * on every row without a hook per row. `text` replaces the status's own words (the overdue mark).
 */
export function statusTag(status: string, t: TFunction, text: string = t(`statuses.${status}`)) {
  return <strong className={`status status--${status}`}>{text}</strong>;
}

export function OfficeStatus({ status }: { status: string }) {
  const { t } = useTranslation("office");
  return statusTag(status, t);
}

/** The "overdue" mark: words, not only a colour. */
export function OverdueTag() {
  const { t } = useTranslation("office");
  return statusTag("overdue", t, t("overdue"));
}
