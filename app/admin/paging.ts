// Paging of the console's lists. A list computed in memory (the organisations: the catalogue with each one's
// health) is cut into numbered pages; the audit log, which grows without end, pages by key instead
// (db/queries/audit.ts). Shared by the loaders and the pager's links.

export const PAGE_SIZE = 20;

export type Page<T> = { items: T[]; page: number; pages: number; total: number; from: number; to: number };

/** The page `requested` (1-based; anything else is page 1, past the end is the last page) of `items`. */
export function pageOf<T>(items: T[], requested: string | null, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const start = (page - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page, pages, total: items.length, from: slice.length ? start + 1 : 0, to: start + slice.length };
}

/** The address `search` (e.g. "?agency=x&page=2") with `name` set to `value`, or removed for null. */
export function withParam(search: string, name: string, value: string | null): string {
  const params = new URLSearchParams(search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "?";
}
