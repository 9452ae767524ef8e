// The data a procedure delivered to an officer: each consented item with its data-dictionary label and its
// value formatted for the page's language. It shows what it is given and nothing else.
import { useTranslation } from "~/platform/i18n/texts";
import { formatAddress, formatDate, formatYen, type AddressLike } from "~/platform/format";

export type PayloadItemView = { key: string; label: string; value: unknown };

/** The data dictionary's date items (ISO dates in the payload). */
const dateItems = new Set(["birthDate", "moveDate", "foundingDate", "firstEmploymentDate", "firstBusinessYearEnd", "filedAt", "periodOfStay", "acquisitionDate"]);
type Entry = {
  name?: string;
  registrationNumber?: string;
  relationship?: string;
  birthDate?: string;
  kind?: string;
  breed?: string;
  nameKana?: string;
  make?: string;
  model?: string;
  chassisNumber?: string;
  condition?: string;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
};
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A vehicle as its forms describe it: make and model, chassis number, size, and new or used. */
function describeVehicle(vehicle: Entry, t: Translate): string {
  return [
    vehicle.registrationNumber,
    vehicle.kind ? t(`values.vehicleKind.${vehicle.kind}`) : null,
    vehicle.condition ? t(`values.condition.${vehicle.condition}`) : null,
    [vehicle.make, vehicle.model].filter(Boolean).join(" ") || null,
    vehicle.chassisNumber ? t("values.chassisNumber", { number: vehicle.chassisNumber }) : null,
    vehicle.lengthCm && vehicle.widthCm && vehicle.heightCm ? t("values.size3", { length: vehicle.lengthCm, width: vehicle.widthCm, height: vehicle.heightCm }) : null,
  ]
    .filter(Boolean)
    .join(t("values.separator"));
}

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
  if (itemKey === "acquiredVehicle" && typeof value === "object") return <>{describeVehicle(value as Entry, t)}</>;
  if (itemKey === "parkingSpace" && typeof value === "object") {
    const space = value as { right: string; lengthCm: number; widthCm: number };
    return <>{[t(`values.parkingRight.${space.right}`), t("values.size2", { length: space.lengthCm, width: space.widthCm })].join(t("values.separator"))}</>;
  }
  if (itemKey === "policeStation" && typeof value === "object") {
    // Named in both languages where the station is known; else the place it must serve, for the police to assign.
    const station = value as { name: { ja: string; en: string } };
    return <>{language === "en" ? station.name.en : station.name.ja}</>;
  }
  if (itemKey === "filedBy" && typeof value === "object") {
    const by = value as { kind: string; name: string; forName?: string };
    return <>{by.kind === "representative" ? t("values.filedBy.representative", { name: by.name, forName: by.forName }) : t("values.filedBy.self", { name: by.name })}</>;
  }
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

function describeEntry(entry: Entry, t: Translate, language: string): string {
  if (entry.chassisNumber) return describeVehicle(entry, t);
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
