// The SQLite-only pieces of the domains' SQL, in one place: what a second engine (PostgreSQL,
// a later issue) must give its own version of. Everything else goes through drizzle.
//
// - `namedStatement`: SQL text with `@name` parameters, prepared once per connection. Used where
//   a statement reads more plainly as SQL than through the query builder (window functions,
//   FILTER clauses, sub-selects on scopes) and sits on a hot path (the caseload, the summary).
// - `jsonText`: one field of a JSON text column (PostgreSQL would say `column->>'field'`);
//   `jsonField` is the same for a drizzle column, inside a query built with drizzle.
// - `jsonRows`: a group's rows as one JSON array.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { prepared } from './prepared.ts'

/** A statement whose values are bound by name (`@workerId`), prepared once per connection. */
export function namedStatement<Params extends object, Row>(text: string) {
  const statement = prepared((db: Db) => db.$client.prepare<[Params], Row>(text))
  return {
    /** Every row, for the named values. */
    all: async (params: Params): Promise<Row[]> => statement().all(params),
    /** The first row, if any. */
    get: async (params: Params): Promise<Row | undefined> => statement().get(params),
  }
}

/**
 * SQL for a group's rows as one JSON text, an array with one `[column, …]` array a row
 * (PostgreSQL: `json_agg(json_build_array(…))`), in no promised order: put a column in each row
 * that tells the reader where it goes. One value a group rather than a row each: a client's
 * handful of rows reach JavaScript as one string to parse, far cheaper than a row object each.
 */
export const jsonRows = (columns: string[]) => `json_group_array(json_array(${columns.join(', ')}))`

/** SQL for one top-level field of a JSON text column, as text. */
export const jsonText = (column: string, field: string) => `json_extract(${column}, '$.${field}')`

/** One top-level field of a JSON text column, as text, for a query built with drizzle. */
export const jsonField = (column: AnyColumn, field: string): SQL<string> =>
  sql<string>`json_extract(${column}, ${sql.raw(`'$.${field}'`)})`
