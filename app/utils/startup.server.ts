// Checks made once when the server starts, so a dangerous setup stops it before any request.
import type { Db } from '#db/client.ts'
import { isDemoDatabase } from '#db/seed-demo.ts'
import type { Env } from './env.server.ts'

export class UnsafeStartError extends Error {}

/** Refuses to serve, in production, a database made by `npm run demo` (hazard H-009). */
export function checkStartup(env: Pick<Env, 'NODE_ENV' | 'FOOTHOLD_DEMO'>, db: Db): void {
  if (env.NODE_ENV === 'production' && !env.FOOTHOLD_DEMO && isDemoDatabase(db)) {
    throw new UnsafeStartError(
      'This database was made by `npm run demo` and has accounts whose passphrases are published. ' +
        'Refusing to serve it in production: set DATABASE_PATH to a new file (or delete the demo database).',
    )
  }
}
