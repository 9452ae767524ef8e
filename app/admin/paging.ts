// Paging of the console's lists. A list computed in memory (the organisations: the catalogue with each one's
// health) is cut into numbered pages; the audit log, which grows without end, pages by key instead
// (db/queries/audit.ts). Shared by the loaders and the pager's links.

export const PAGE_SIZE = 20;

export type Page<T> = { items: T[]; page: number; pages: number; total: number; from: number; to: number };

/**
 * Which page of `total` items to show for `requested` (1-based; anything else is page 1, past the end is the
 * last page), and the offset of its first item: for a list the database cuts (LIMIT/OFFSET) as for one in memory.
 */
export function pageWindow(total: number, requested: string | null, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  return { page, pages, offset: (page - 1) * size, limit: size };
}

/** A page of `total` whose items (`pageWindow`'s slice) were read already. */
export function pageFrom<T>(slice: T[], { page, pages, offset }: ReturnType<typeof pageWindow>, total: number): Page<T> {
  return { items: slice, page, pages, total, from: slice.length ? offset + 1 : 0, to: offset + slice.length };
}

/** The page `requested` (1-based; anything else is page 1, past the end is the last page) of `items`. */
export function pageOf<T>(items: T[], requested: string | null, size = PAGE_SIZE): Page<T> {
  const window = pageWindow(items.length, requested, size);
  return pageFrom(items.slice(window.offset, window.offset + size), window, items.length);
}

/** The addresses of the pages before and after `page` (null at either end), keeping the other parameters. */
export function pageLinks(search: string, { page, pages }: { page: number; pages: number }) {
  return {
    previous: page > 1 ? withParam(search, "page", String(page - 1)) : null,
    next: page < pages ? withParam(search, "page", String(page + 1)) : null,
  };
}

/** The address `search` (e.g. "?agency=x&page=2") with `name` set to `value`, or removed for null. */
export function withParam(search: string, name: string, value: string | null): string {
  const params = new URLSearchParams(search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "?";
}
