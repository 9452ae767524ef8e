// Dates, money and addresses as people in Japan read them, in the page's language.
// Intl formatters are costly to build (about 250 µs each, and native memory), so each is built once per
// language and kept: a page of 50 rows formats 50 dates with one formatter.
const locale = (language: string) => (language === "en" ? "en-GB" : "ja-JP");

function cached<F>(build: (language: string) => F): (language: string) => F {
  const built = new Map<string, F>();
  return (language) => {
    const key = locale(language);
    let formatter = built.get(key);
    if (!formatter) {
      formatter = build(key);
      built.set(key, formatter);
    }
    return formatter;
  };
}

const dateFormat = cached((tag) => new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" }));
const dateTimeFormat = cached((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }));
const timeFormat = cached((tag) => new Intl.DateTimeFormat(tag, { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" }));
const yenFormat = cached((tag) => new Intl.NumberFormat(tag, { style: "currency", currency: "JPY" }));

const eraDateFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" });

/**
 * The texts of the last few thousand dates formatted, per language and style: a list page formats the same
 * deadlines and times on every view (the inbox: 100 a page), and formatting one costs microseconds. Bounded,
 * so it never grows: when full it starts again.
 */
function remembered(format: (iso: string, language: string) => string): (iso: string, language: string) => string {
  const texts = new Map<string, string>();
  return (iso, language) => {
    const key = `${language}|${iso}`;
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= 4096) texts.clear();
      texts.set(key, (text = format(iso, language)));
    }
    return text;
  };
}

const plainDate = remembered((iso, language) => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(language).format(date);
});

const dateTime = remembered((iso, language) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(language).format(date);
});

/**
 * A date as people read it: 2026年3月20日, 20 March 2026. `era`: in Japanese, as official forms write it
 * (令和8年3月20日; 令和元年 for the first year); English keeps the readable date.
 */
export function formatDate(iso: string, language: string, { era = false }: { era?: boolean } = {}): string {
  if (!era || locale(language) !== "ja-JP") return plainDate(iso, language);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return eraDateFormat.format(date);
}

export function formatDateTime(iso: string, language: string): string {
  return dateTime(iso, language);
}

/**
 * Times of day already formatted, by language and minute: every signed-in page formats the session's end (a new
 * instant on each request, so `remembered` by text would never hit), and the text shows only hours and minutes.
 * Japan's offset is whole hours, so every instant of one UTC minute reads the same.
 */
const times = new Map<string, string>();

/** A time of day in Japan's time zone, e.g. when a session ends or when to try again. */
export function formatTime(iso: string, language: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return timeFormat(language).format(new Date(iso));
  const key = `${language}|${Math.floor(ms / 60_000)}`;
  let text = times.get(key);
  if (text === undefined) {
    if (times.size >= 4096) times.clear();
    times.set(key, (text = timeFormat(language).format(ms)));
  }
  return text;
}

const durationFormats = {
  second: cached((tag) => new Intl.NumberFormat(tag, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 })),
  minute: cached((tag) => new Intl.NumberFormat(tag, { style: "unit", unit: "minute", unitDisplay: "short", maximumFractionDigits: 1 })),
  hour: cached((tag) => new Intl.NumberFormat(tag, { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 })),
};

/** A duration in the largest unit under which it stays readable: seconds under a minute, minutes under an hour, else hours. */
export function formatDuration(seconds: number, language: string): string {
  if (seconds < 60) return durationFormats.second(language).format(seconds);
  if (seconds < 3600) return durationFormats.minute(language).format(seconds / 60);
  return durationFormats.hour(language).format(seconds / 3600);
}

const listFormat = cached((tag) => new Intl.ListFormat(tag, { style: "long", type: "conjunction" }));

/** Names as one phrase in the page's language: 「氏名、生年月日」, "name, date of birth and address". */
export function formatList(names: string[], language: string): string {
  return listFormat(language).format(names);
}

export function formatYen(amount: number, language: string): string {
  return yenFormat(language).format(amount);
}

const regionNames = cached((tag) => new Intl.DisplayNames(tag, { type: "region" }));

/** A country or region from its ISO 3166 code (the register's nationality, e.g. VN), in the page's language. */
export function formatCountry(code: string, language: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames(language).of(code) ?? code;
  } catch {
    return code;
  }
}

export type AddressLike = { postalCode?: string; prefecture?: string; municipality?: string; town?: string; street?: string; building?: string };

export function formatAddress(address: AddressLike): string {
  const postal = address.postalCode && /^\d{7}$/.test(address.postalCode) ? `〒${address.postalCode.slice(0, 3)}-${address.postalCode.slice(3)} ` : "";
  const line = [address.prefecture, address.municipality, address.town, address.street].filter(Boolean).join("");
  return `${postal}${line}${address.building ? ` ${address.building}` : ""}`;
}
