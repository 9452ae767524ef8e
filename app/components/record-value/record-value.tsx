// One value of a person's or company's record, shown in the page's language.
import { useTranslation } from "react-i18next";
import { formatAddress, formatDate, formatYen, type AddressLike } from "~/platform/format";

type Named = { name?: string; registrationNumber?: string; relationship?: string; birthDate?: string; breed?: string };

export function RecordValue({ attributeKey, value }: { attributeKey: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === "") return <>{t("journey:answers.notGiven")}</>;
  if (typeof value === "boolean") return <>{t(value ? "journey:answers.yes" : "journey:answers.no")}</>;
  if (attributeKey === "birthDate" || attributeKey.endsWith("foundedOn")) return <>{formatDate(String(value), i18n.language)}</>;
  if (attributeKey.endsWith("capital")) return <>{formatYen(Number(value), i18n.language)}</>;
  if (["healthInsurance", "pension", "gender"].includes(attributeKey)) return <>{t(`journey:record.values.${attributeKey}.${String(value)}`)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{t("journey:answers.none")}</>;
    return (
      <ul className="plain-list">
        {(value as Named[]).map((item, index) => (
          <li key={index}>
            {[
              item.name ?? item.registrationNumber,
              item.relationship ? t(`journey:record.relationships.${item.relationship}`) : null,
              item.birthDate ? formatDate(item.birthDate, i18n.language) : null,
              item.breed,
            ]
              .filter(Boolean)
              .join(t("journey:answers.separator"))}
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") return <>{formatAddress(value as AddressLike)}</>;
  return <>{String(value)}</>;
}
