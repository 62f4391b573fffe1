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

describe('the demo client', () => {
  it('has two check-ins weeks apart, scored by the engine, with things improving', async () => {
    const { assessmentResponses } = await import('./schema/index.ts')
    const { eq: equals } = await import('drizzle-orm')
    const client = getDb().select().from(users).where(equals(users.username, 'demo-client')).get()
    const audits = getDb()
      .select()
      .from(assessmentResponses)
      .where(equals(assessmentResponses.instrumentId, 'audit'))
      .all()
      .filter((r) => r.userId === client?.id)
      .sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0))
    expect(audits).toHaveLength(2)
    const [first, second] = audits
    expect(first?.total).toBeGreaterThan(second?.total ?? 99)
    expect(first?.band).toBeTruthy()
  })
})
