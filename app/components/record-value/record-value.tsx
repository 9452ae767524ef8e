// One value of a person's or company's record, shown in the page's language: codes become words (a country,
// a relationship as the register writes it), dates are dates, and the rows come in the order people read them.
import { useTranslation } from "~/platform/i18n/texts";
import { formatAddress, formatCountry, formatDate, formatYen, type AddressLike } from "~/platform/format";

/** Who the person is, then where and with whom they live, then what each organisation holds. */
const recordOrder = [
  "company.name", "company.nameKana", "company.corporateNumber", "company.foundedOn", "company.headOffice", "company.capital",
  "name.kanji", "name.kana", "birthDate", "gender", "nationality", "address", "householder.name", "householder.relationship", "household",
  "residenceStatus", "periodOfStayUntil", "residenceCardNumber", "myNumberCard", "phone", "email",
  "healthInsurance", "pension", "receivesPension", "basicPensionNumber", "longTermCareInsured", "childAllowance",
  "driversLicenceNumber", "vehicles", "dogs",
];

/** The record's attributes in reading order; any attribute not listed comes last, as it came. */
export function inRecordOrder<A extends { key: string }>(attributes: A[]): A[] {
  const rank = (key: string) => (recordOrder.includes(key) ? recordOrder.indexOf(key) : recordOrder.length);
  return [...attributes].sort((a, b) => rank(a.key) - rank(b.key));
}

type Named = { name?: string; registrationNumber?: string; relationship?: string; birthDate?: string; breed?: string };

export function RecordValue({ attributeKey, value }: { attributeKey: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === "") return <>{t("journey:answers.notGiven")}</>;
  if (typeof value === "boolean") return <>{t(value ? "journey:answers.yes" : "journey:answers.no")}</>;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value, i18n.language)}</>;
  if (attributeKey === "nationality") return <>{formatCountry(String(value), i18n.language)}</>;
  // The register's own words (世帯主, 妻, 技術・人文知識・国際業務...): translated where known, else shown as written.
  if (attributeKey === "householder.relationship" || attributeKey === "residenceStatus") {
    return <>{t(`journey:record.registerWords.${String(value)}`, { defaultValue: String(value) })}</>;
  }
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
