// Queries that a submission and a delivery run many times, built once per connection with drizzle's
// placeholders: drizzle otherwise builds each query's SQL again on every call, which cost more than SQLite
// running it (README, "Design decisions", 2026-12-02 "The hot queries are built once").
import { getTableColumns, is, sql, SQL, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Tx } from "./client.server";

const built = new WeakMap<object, Map<unknown, unknown>>();

/**
 * The query `build` makes, built on the first call for this connection and kept. `key` names the query (a
 * constant, never built from a value). Every transaction of a connection shares its session, and so its
 * prepared queries; a prepared query never holds a value, only placeholders.
 */
export function preparedOnce<T>(tx: Tx, key: unknown, build: (tx: Tx) => T): T {
  // drizzle's session is internal, but it is what a prepared query is bound to: one per connection.
  const session = (tx as unknown as { session: object }).session;
  let queries = built.get(session);
  if (!queries) built.set(session, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (query === undefined) queries.set(key, (query = build(tx)));
  return query;
}

/**
 * One placeholder per value of a list, named `name0`, `name1`…: a query with `inArray` is prepared once for each
 * length of its list (`preparedOnce` with the length in its key), and bound with `listValues`.
 */
export function listPlaceholders(name: string, length: number) {
  return Array.from({ length }, (_, i) => sql.placeholder(`${name}${i}`));
}

/** The values for `listPlaceholders(name, values.length)`. */
export function listValues<T>(name: string, values: readonly T[]): Record<string, T> {
  const bound: Record<string, T> = {};
  values.forEach((value, i) => (bound[`${name}${i}`] = value));
  return bound;
}

type Column = ReturnType<typeof getTableColumns>[string];

/**
 * Inserts one row and returns it, as `tx.insert(table).values(values).returning().get()` does (a missing value
 * takes the column's default, else null), with the insert built once. Tables whose defaults are SQL
 * expressions are inserted the ordinary way.
 */
export function insertReturning<T extends SQLiteTable>(tx: Tx, table: T, values: InferInsertModel<T>): InferSelectModel<T> {
  const insert = preparedOnce(tx, table, () => buildInsert(tx, table, true));
  if (!insert) return tx.insert(table).values(values).returning().get() as InferSelectModel<T>;
  return insert.query.get(filledValues(insert.columns, values)) as InferSelectModel<T>;
}

/**
 * Inserts one row, as insertReturning does, without reading it back (for rows written and not used again in
 * the same call: an audit entry, a status event). Returns the new row's rowid (its integer key, if it has one).
 */
export function insertRow<T extends SQLiteTable>(tx: Tx, table: T, values: InferInsertModel<T>): number {
  const insert = preparedOnce(tx, insertRow, () => new WeakMap<SQLiteTable, ReturnType<typeof buildInsert>>());
  let built = insert.get(table);
  if (built === undefined) insert.set(table, (built = buildInsert(tx, table, false)));
  const result = built ? built.query.run(filledValues(built.columns, values)) : tx.insert(table).values(values).run();
  return Number(result.lastInsertRowid);
}

/** The values bound for one row: a missing value takes the column's default, else null. */
function filledValues(columns: [string, Column][], values: object): Record<string, unknown> {
  const given = values as Record<string, unknown>;
  const filled: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = given[key] !== undefined ? given[key] : defaultOf(column);
    // What drizzle does with a value it binds: null stays null, anything else goes through the column's mapping.
    filled[key] = value === null ? null : column.mapToDriverValue(value);
  }
  return filled;
}

function buildInsert<T extends SQLiteTable>(tx: Tx, table: T, returning: boolean) {
  // As drizzle's own insert does: generated columns are left out.
  const columns: [string, Column][] = Object.entries(getTableColumns(table)).filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert());
  if (columns.some(([, column]) => is(column.default, SQL))) return null;
  // A placeholder inside sql`` is bound as it is; the values are mapped in filledValues, as drizzle maps them.
  const placeholders = Object.fromEntries(columns.map(([key]) => [key, sql`${sql.placeholder(key)}`]));
  const insert = tx.insert(table).values(placeholders as InferInsertModel<T>);
  return { columns, query: returning ? insert.returning().prepare() : insert.prepare() };
}

function defaultOf(column: Column): unknown {
  if (column.default !== undefined && column.default !== null) return column.default;
  if (column.defaultFn) return column.defaultFn();
  if (column.onUpdateFn) return column.onUpdateFn();
  return null;
}
