// Consistent online backups with SQLite's backup API: safe while the server is running and
// writing, because SQLite copies a consistent snapshot page by page.
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

export class BackupError extends Error {}

/** Copies the database to `destination` (which must not exist yet) and checks the copy. */
export async function backupDatabase(sqlite: Database.Database, destination: string): Promise<{ pages: number }> {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists. Choose a new file name.`)
  const { totalPages } = await sqlite.backup(destination)
  const copy = new Database(destination, { readonly: true })
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok')
      throw new BackupError(`The backup at ${destination} failed its integrity check: ${String(check)}`)
  } finally {
    copy.close()
  }
  return { pages: totalPages }
}
