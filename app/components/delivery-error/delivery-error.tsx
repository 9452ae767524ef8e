// Why a delivery failed, as a sentence in the page's language (never the dispatcher's English note).
import { useTranslation } from "~/platform/i18n/texts";
import type { DeliveryErrorMessage } from "~/delivery/delivery-errors";

export function DeliveryError({ message }: { message: DeliveryErrorMessage }) {
  const { t } = useTranslation("admin");
  const { attempt, ...values } = message.values;
  return (
    <>
      {attempt !== undefined ? t("deliveryErrors.attempt", { attempt }) : null}
      {t(message.key, values)}
    </>
  );
}
