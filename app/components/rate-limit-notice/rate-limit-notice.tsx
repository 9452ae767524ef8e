// "Too many attempts: try again after 14:32": shown on a 429, in the reader's language and Japan's time.
import { useTranslation } from "~/platform/i18n/texts";
import { formatTime } from "~/platform/format";

export function RateLimitNotice({ retryAt, headingLevel = 2 }: { retryAt: string; headingLevel?: 1 | 2 }) {
  const { t, i18n } = useTranslation("common");
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="notice notice--warning" role="alert">
      <Heading>{t("rateLimited.title")}</Heading>
      <p>{t("rateLimited.body", { time: formatTime(retryAt, i18n.language) })}</p>
    </div>
  );
}
