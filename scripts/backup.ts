// `npm run db:backup -- <file>`: a consistent copy of the live database, safe while the server
// runs. It opens the database as it is, without migrating, so a backup taken before an upgrade
// is a true copy of the old state. See the README for how to restore.
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { backupDatabase } from '#db/backup.ts'
import { DEFAULT_DATABASE_PATH } from '#db/client.ts'

const source = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH
const destination = process.argv[2]
if (!destination) {
  console.error('Usage: npm run db:backup -- <backup-file.db>')
  process.exit(2)
}
if (!existsSync(source)) {
  console.error(`There is no database at ${source}. Set DATABASE_PATH to the database to back up.`)
  process.exit(1)
}
let sqlite: Database.Database | undefined
try {
  sqlite = new Database(source, { fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  const { pages } = await backupDatabase(sqlite, destination)
  console.log(`Backed up ${source} to ${destination} (${pages} pages, integrity ok).`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  sqlite?.close()
}
