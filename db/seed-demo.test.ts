import { describe, expect, it } from 'vitest'
import { getDb } from './client.ts'
import { users } from './schema/index.ts'
import { DEMO_ACCOUNTS, isDemoDatabase, seedDemo } from './seed-demo.ts'

const fakeHash = async (passphrase: string) => `hashed:${passphrase.length}`

describe('demo seed', () => {
  it('creates one account per role on a new database and marks it as a demo', async () => {
    const db = getDb()
    expect(isDemoDatabase(db)).toBe(false)
    expect(await seedDemo(db, fakeHash)).toBe(true)
    expect(
      db
        .select({ role: users.role })
        .from(users)
        .all()
        .map((u) => u.role)
        .sort(),
    ).toEqual(['admin', 'client', 'clinician', 'keyworker'])
    expect(isDemoDatabase(db)).toBe(true)
    expect(DEMO_ACCOUNTS).toHaveLength(4)
  })

  it('leaves a database that already has accounts alone', async () => {
    expect(await seedDemo(getDb(), fakeHash)).toBe(false)
    expect(getDb().select().from(users).all()).toHaveLength(4)
  })
})
