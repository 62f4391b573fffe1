import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { seedDemo } from '#db/seed-demo.ts'
import { checkStartup, UnsafeStartError } from './startup.server.ts'

describe('starting the server', () => {
  it('serves a database that npm run demo did not make', () => {
    expect(() => checkStartup({ NODE_ENV: 'production', FOOTHOLD_DEMO: false }, getDb())).not.toThrow()
  })

  it('refuses a demo database in production, but not in demo mode or development', async () => {
    await seedDemo(getDb(), async () => 'not-a-real-hash')
    expect(() => checkStartup({ NODE_ENV: 'production', FOOTHOLD_DEMO: false }, getDb())).toThrow(UnsafeStartError)
    expect(() => checkStartup({ NODE_ENV: 'production', FOOTHOLD_DEMO: true }, getDb())).not.toThrow()
    expect(() => checkStartup({ NODE_ENV: 'development', FOOTHOLD_DEMO: false }, getDb())).not.toThrow()
  })
})
