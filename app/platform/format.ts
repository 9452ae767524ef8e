// Dates, money and addresses as people in Japan read them, in the page's language.
export function formatDate(iso: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Tokyo",
  }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(date);
}

/** A time of day in Japan's time zone, e.g. when a session ends or when to try again. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function formatYen(amount: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "ja-JP", { style: "currency", currency: "JPY" }).format(amount);
}

export type AddressLike = { postalCode?: string; prefecture?: string; municipality?: string; town?: string; street?: string; building?: string };

export function formatAddress(address: AddressLike): string {
  const postal = address.postalCode && /^\d{7}$/.test(address.postalCode) ? `〒${address.postalCode.slice(0, 3)}-${address.postalCode.slice(3)} ` : "";
  const line = [address.prefecture, address.municipality, address.town, address.street].filter(Boolean).join("");
  return `${postal}${line}${address.building ? ` ${address.building}` : ""}`;
}
