import { describe, expect, it } from 'vitest'
import { getDb } from './client.ts'
import { users } from './schema/index.ts'
import { DEMO_ACCOUNTS, isDemoDatabase, seedDemo } from './seed-demo.ts'

const fakeHash = async (passphrase: string) => `hashed:${passphrase.length}`

describe('demo seed', () => {
  it('creates one account per role (two clinicians) on a new database and marks it as a demo', async () => {
    const db = getDb()
    expect(isDemoDatabase(db)).toBe(false)
    expect(await seedDemo(db, fakeHash)).toBe(true)
    const demo = new Set(DEMO_ACCOUNTS.map((a) => a.username))
    expect(
      db
        .select({ role: users.role, username: users.username })
        .from(users)
        .all()
        .filter((u) => demo.has(u.username))
        .map((u) => u.role)
        .sort(),
    ).toEqual(['admin', 'client', 'clinician', 'clinician', 'keyworker'])
    expect(isDemoDatabase(db)).toBe(true)
    expect(DEMO_ACCOUNTS).toHaveLength(5)
  })

  it('leaves a database that already has accounts alone', async () => {
    const before = getDb().select().from(users).all().length
    expect(await seedDemo(getDb(), fakeHash)).toBe(false)
    expect(getDb().select().from(users).all()).toHaveLength(before)
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

describe('the demo key worker', () => {
  it('has a caseload with the demo client sharing everything', async () => {
    const { careLinks } = await import('./schema/index.ts')
    const { eq: equals } = await import('drizzle-orm')
    const worker = getDb().select().from(users).where(equals(users.username, 'demo-keyworker')).get()
    const links = getDb()
      .select()
      .from(careLinks)
      .where(equals(careLinks.workerId, worker?.id ?? ''))
      .all()
    expect(links).toHaveLength(25)
    const client = getDb().select().from(users).where(equals(users.username, 'demo-client')).get()
    expect(links.find((l) => l.clientId === client?.id)).toMatchObject({
      assessments: true,
      modules: true,
      tracking: true,
      goals: true,
      revokedAt: null,
    })
  })
})

describe('the demo studio', () => {
  it('has a draft by demo-clinician in review, for demo-reviewer to check', async () => {
    const { studioVersions } = await import('./schema/index.ts')
    const { eq: equals } = await import('drizzle-orm')
    const author = getDb().select().from(users).where(equals(users.username, 'demo-clinician')).get()
    const drafts = getDb().select().from(studioVersions).where(equals(studioVersions.status, 'in-review')).all()
    expect(drafts.map((d) => [d.itemId, d.authorId])).toEqual([['saying-no', author?.id]])
  })
})
