// Prepared statements for queries on hot paths. Building a drizzle query and having SQLite
// compile it costs more than running it; a prepared query is built and compiled once per
// database connection and then only bound and run. Use sql.placeholder('name') for values.
import { type Db, getDb } from './client.ts'

export function prepared<T>(build: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>()
  return () => {
    const db = getDb()
    let query = cache.get(db)
    if (!query) {
      query = build(db)
      cache.set(db, query)
    }
    return query
  }
}
