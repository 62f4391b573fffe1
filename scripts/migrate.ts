// `npm run db:migrate`: apply pending migrations without starting the server.
import { closeDb, getDb } from '#db/client.ts'

getDb()
closeDb()
console.log(`Database at ${process.env.DATABASE_PATH || './data/foothold.db'} is up to date.`)
