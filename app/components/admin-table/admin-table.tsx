// The operations console's lists (organisations, staff, failed deliveries, the audit log): a way back to the
// console, a data table that scrolls inside its own region at 320 px, and links to the pages before and after.
// One component, so every admin list looks and pages the same.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/platform/i18n/texts";
import { DataTable } from "../data-table/data-table";

export type AdminColumn<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  className?: string;
};

/** The way back from a console page: to the console (the default) or to the list a page belongs to. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p>
      <Link to={to} className="back-link">
        {label}
      </Link>
    </p>
  );
}

export function BackToConsole() {
  const { t } = useTranslation("admin");
  return <BackLink to="/admin" label={t("backToConsole")} />;
}

export function AdminTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: AdminColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => (
              <td key={index} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * Links to the previous and next pages of a list (plain links, so they work without JavaScript), and where
 * the reader is. `previous`/`next` are the addresses, or null at either end.
 */
export function Pager({ label, position, previous, next }: { label: string; position?: string; previous: string | null; next: string | null }) {
  const { t } = useTranslation("admin");
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={label}>
      {position ? <p className="pager__position">{position}</p> : null}
      <ul className="pager__links">
        {previous ? (
          <li>
            <Link to={previous} rel="prev">
              {t("paging.previous")}
            </Link>
          </li>
        ) : null}
        {next ? (
          <li>
            <Link to={next} rel="next">
              {t("paging.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
