// `npm run demo`: migrate (creating the database if needed), seed demo accounts when the
// database is new, print the demo sign-ins, then serve the production build in demo mode.

import { hashPassphrase } from '#app/domain/accounts/passphrase.server.ts'
import { closeDb, getDb } from '#db/client.ts'
import { DEMO_ACCOUNTS, seedDemo } from '#db/seed-demo.ts'

process.env.NODE_ENV = 'production'
process.env.FOOTHOLD_DEMO = '1'
process.env.DATABASE_PATH ||= './data/foothold.db'
// Demo accounts have published passphrases: listen on this machine only unless HOST says otherwise.
process.env.HOST ||= '127.0.0.1'
// One server process: the demo and the end-to-end tests need no more.
process.env.WEB_CONCURRENCY ||= '1'

const seeded = await seedDemo(getDb(), hashPassphrase)
closeDb()

const port = process.env.PORT || '3000'
console.log(
  seeded
    ? `Created a demo database at ${process.env.DATABASE_PATH}.`
    : `Using the database at ${process.env.DATABASE_PATH}.`,
)
console.log(`\nDemo sign-ins (demo mode only) at http://localhost:${port}/login :`)
for (const account of DEMO_ACCOUNTS)
  console.log(`  ${account.role.padEnd(10)} ${account.username.padEnd(16)} passphrase: ${account.passphrase}`)
console.log('')

await import('../server.ts')
