// `npm run db:backup -- <file>`: a consistent copy of the live database. See README for restore.
import { BackupError, backupDatabase } from '#db/backup.ts'
import { closeDb, getDb } from '#db/client.ts'

const destination = process.argv[2]
if (!destination) {
  console.error('Usage: npm run db:backup -- <backup-file.db>')
  process.exit(2)
}
try {
  const { pages } = await backupDatabase(getDb(), destination)
  console.log(`Backed up ${process.env.DATABASE_PATH || './data/foothold.db'} to ${destination} (${pages} pages, integrity ok).`)
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error)
  process.exitCode = 1
} finally {
  closeDb()
}
