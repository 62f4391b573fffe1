// The database: one better-sqlite3 connection per process (SQLite allows one writer at a time,
// so a single connection serialises writes without lock contention), opened with the pragmas
// the design asks for and migrated before first use.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const DEFAULT_DATABASE_PATH = './data/foothold.db'

/**
 * The migrations folder, found from this module's own location rather than the working
 * directory. When bundled into build/server the module lives elsewhere, so walk up until the
 * project's db/migrations appears.
 */
export function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error('Could not find db/migrations beside the application')
    dir = parent
  }
}

/** Opens (creating if needed) and migrates a database. `:memory:` gives a private test database. */
export function openDatabase(path: string, migrationsFolder = findMigrationsFolder()): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  // drizzle applies all pending migrations inside one transaction: all or nothing. Foreign keys
  // stay off while it runs, because a migration that rebuilds a table (drop and re-create) would
  // otherwise cascade-delete every row that references it, and PRAGMA foreign_keys cannot be
  // changed inside a transaction. Integrity is checked before they are switched back on.
  sqlite.pragma('foreign_keys = OFF')
  const before = appliedMigrations(sqlite)
  migrate(db, { migrationsFolder })
  // The check reads every row that references another (most of a second on a large database),
  // so it runs only when a migration was just applied: that is the only time it can find one.
  const broken = appliedMigrations(sqlite) === before ? [] : (sqlite.pragma('foreign_key_check') as unknown[])
  if (broken.length > 0) {
    sqlite.close()
    throw new Error(`Migrations left ${broken.length} rows with broken references; the database was not opened.`)
  }
  sqlite.pragma('foreign_keys = ON')
  return db
}

/** How many migrations the database records as applied (0 for a new database). */
function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
  if (!table.get()) return 0
  return (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
}

let current: Db | undefined

/** The process's database, opened on first use from DATABASE_PATH. */
export function getDb(): Db {
  current ??= openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH)
  return current
}

/**
 * Closes the process's database (for scripts and graceful shutdown). Background work on the
 * database is started and stopped by the entry module that started it, never from here.
 */
export function closeDb(): void {
  current?.$client.close()
  current = undefined
}
