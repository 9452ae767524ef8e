// The data a procedure delivered to an officer: each consented item with its data-dictionary label and its
// value formatted for the page's language. It shows what it is given and nothing else.
import { useTranslation } from "react-i18next";
import { formatAddress, formatDate, formatYen, type AddressLike } from "~/platform/format";

export type PayloadItemView = { key: string; label: string; value: unknown };

/** The data dictionary's date items (ISO dates in the payload). */
const dateItems = new Set(["birthDate", "moveDate", "foundingDate", "firstEmploymentDate", "filedAt", "periodOfStay", "firstBusinessYearEnd"]);
type Entry = { name?: string; registrationNumber?: string; relationship?: string; birthDate?: string; kind?: string; breed?: string; nameKana?: string };

const regionNames = new Map<string, Intl.DisplayNames>();

function regionName(code: string, language: string): string {
  try {
    let names = regionNames.get(language);
    if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language], { type: "region" })));
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** One value in the page's language; `era`: dates in the Japanese era, as an official form writes them. */
export function PayloadValue({ itemKey, value, era = false }: { itemKey: string; value: unknown; era?: boolean }) {
  const { t, i18n } = useTranslation("office");
  const language = i18n.language;
  if (value === null || value === undefined || value === "") return <>{t("values.notKnownYet")}</>;
  if (dateItems.has(itemKey) && typeof value === "string") return <>{formatDate(value, language, { era })}</>;
  if (itemKey === "capital" && typeof value === "number") return <>{formatYen(value, language)}</>;
  if (itemKey === "fiscalYearEndMonth" && typeof value === "number") return <>{t("values.month", { month: value })}</>;
  if (itemKey === "gender" || itemKey === "companyType") return <>{t(`values.${itemKey}.${String(value)}`)}</>;
  if (itemKey === "nationality" && typeof value === "string") return <>{regionName(value, language)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{t("values.none")}</>;
    return (
      <ul className="plain-list">
        {value.map((entry: unknown, index) => (
          <li key={index}>{typeof entry === "object" && entry !== null ? describeEntry(entry as Entry, t, language) : String(entry)}</li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") return <>{formatAddress(value as AddressLike)}</>;
  return <>{String(value)}</>;
}

function describeEntry(entry: Entry, t: (key: string) => string, language: string): string {
  return [
    entry.name ?? entry.registrationNumber,
    entry.nameKana,
    entry.relationship ? t(`values.relationship.${entry.relationship}`) : null,
    entry.birthDate ? formatDate(entry.birthDate, language) : null,
    entry.kind ? t(`values.vehicleKind.${entry.kind}`) : null,
    entry.breed,
    entry.name && entry.registrationNumber ? entry.registrationNumber : null,
  ]
    .filter(Boolean)
    .join(t("values.separator"));
}

export function PayloadList({ items }: { items: PayloadItemView[] }) {
  return (
    <dl className="summary-list">
      {items.map((item) => (
        <div className="summary-list__row" key={item.key}>
          <dt>{item.label}</dt>
          <dd>
            <PayloadValue itemKey={item.key} value={item.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
