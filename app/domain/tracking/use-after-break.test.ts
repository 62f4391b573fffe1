// "Use after a break" (CLINICAL.md; hazard H-026) through the page's own action and loader: the
// entry is saved, the page it lands on has the tolerance warning's data (with the crisis
// contacts), a safety event is raised, and it shows as a flag on the caseload and the session
// summary of a worker the client shares tracking with, not of one without tracking.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseload } from '#app/domain/caseload/list.server.ts'
import { sessionSummary } from '#app/domain/caseload/summary.server.ts'
import { createShareCode, linkedClient, redeemShareCode, type Scopes } from '#app/domain/sharing/links.server.ts'
import * as entryPage from '#app/routes/track.use.$id.tsx'
import * as newUse from '#app/routes/track.use.new.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { assessments, safetyEvents, useEntries } from '#db/schema/index.ts'
import { dataOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { logNoUse, logUse } from './entries.server.ts'
import { trackingForms } from './forms.server.ts'

const NOW = new Date('2026-12-05T18:00:00Z')
const DAY = 86_400_000
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

type Client = { id: string; role: 'client'; cookie: string }
async function client(): Promise<Client> {
  const user = await makeUser('client')
  return { id: user.id, role: 'client', cookie: await signedInCookie({ id: user.id, role: 'client' }) }
}
const diaryUse = async (userId: string, substance: string, daysAgo: number) => {
  const parsed = trackingForms().UseSchema.parse({ substance, amount: 1 })
  const logged = await logUse(userId, parsed, ago(daysAgo))
  if (!logged.ok) throw new Error('fixture: use not logged')
}
const events = (userId: string) => getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, userId)).all()

/** Posts the "Log a drink or drug use" form, then loads the page it lands on. */
async function logThroughPage(who: Client, form: Record<string, string>) {
  const response = (await newUse.action({
    request: makeRequest('/track/use/new', { cookie: who.cookie, form }),
    params: {},
    context: loadContext,
  })) as Response
  expect(response.status).toBe(302)
  const location = response.headers.get('Location') ?? ''
  const id = /^\/track\/use\/([^?]+)\?logged=1$/.exec(location)?.[1] ?? ''
  const page = dataOf<{ afterBreak: boolean; contacts: Array<{ name: string; phone: string }> }>(
    await entryPage.loader({
      request: makeRequest(location, { cookie: who.cookie }),
      params: { id },
      context: loadContext,
    }),
  )
  return { id, location, page }
}

describe('logging use after a break', () => {
  it('saves the entry, shows the warning with crisis contacts, and raises one safety event', async () => {
    const who = await client()
    await diaryUse(who.id, 'opioids', 5)
    await logNoUse(who.id, ago(2))
    const { id, page, location } = await logThroughPage(who, { substance: 'opioids', amount: '0.5', unit: 'grams' })
    // Nothing about the warning travels in the address.
    expect(location).toBe(`/track/use/${id}?logged=1`)
    const saved = getDb().select().from(useEntries).where(eq(useEntries.id, id)).get()
    expect(saved).toMatchObject({ userId: who.id, substance: 'opioids', amount: 0.5, unit: 'grams' })
    expect(page.afterBreak).toBe(true)
    expect(page.contacts.map((c) => c.name)).toContain('Samaritans')
    expect(events(who.id).map((e) => [e.rule, e.source])).toEqual([['use-after-break', 'tracking:use']])
    // Seen again later (no "logged"), the entry page does not repeat it.
    const later = dataOf<{ afterBreak: boolean }>(
      await entryPage.loader({
        request: makeRequest(`/track/use/${id}`, { cookie: who.cookie }),
        params: { id },
        context: loadContext,
      }),
    )
    expect(later.afterBreak).toBe(false)
  })

  it('does not fire after a 2-day gap, for cannabis, or for alcohol without dependence signs', async () => {
    const who = await client()
    getDb()
      .insert(assessments)
      .values({
        userId: who.id,
        contentVersion: '1',
        substances: ['alcohol'],
        mainSubstance: 'alcohol',
        completedAt: ago(20),
      })
      .run()
    await diaryUse(who.id, 'benzodiazepines', 3)
    await logNoUse(who.id, ago(1))
    expect((await logThroughPage(who, { substance: 'benzodiazepines', amount: '1' })).page.afterBreak).toBe(false)
    expect((await logThroughPage(who, { substance: 'cannabis', amount: '1' })).page.afterBreak).toBe(false)
    expect((await logThroughPage(who, { substance: 'alcohol', amount: '4', unit: 'units' })).page.afterBreak).toBe(
      false,
    )
    // (Benzos then alcohol on one day is a dangerous mix: that rule's event is not this one's.)
    expect(events(who.id).filter((e) => e.rule !== 'mixing')).toEqual([])
    // With dependence signs from a check-in, the same alcohol does.
    getDb()
      .insert(safetyEvents)
      .values({ userId: who.id, rule: 'alcohol-dependence', source: 'assessment:audit', createdAt: ago(20) })
      .run()
    const other = await client()
    getDb()
      .insert(assessments)
      .values({
        userId: other.id,
        contentVersion: '1',
        substances: ['alcohol'],
        mainSubstance: 'alcohol',
        completedAt: ago(20),
      })
      .run()
    getDb()
      .insert(safetyEvents)
      .values({ userId: other.id, rule: 'alcohol-dependence', source: 'assessment:audit', createdAt: ago(20) })
      .run()
    await logNoUse(other.id, ago(2))
    expect((await logThroughPage(other, { substance: 'alcohol', amount: '4', unit: 'units' })).page.afterBreak).toBe(
      true,
    )
  })

  it('fires from a stop goal with a 3-day streak, and not on an edit', async () => {
    const who = await client()
    getDb()
      .$client.prepare(
        `insert into goals (id, user_id, what, type, substance, area, status, created_at, updated_at)
        values ('g-${who.id}', ?, 'Stop opioids', 'stop', 'opioids', 'behaviours', 'active', ?, ?)`,
      )
      .run(who.id, ago(3).getTime(), ago(3).getTime())
    const first = await logThroughPage(who, { substance: 'opioids', amount: '1', unit: 'bags' })
    expect(first.page.afterBreak).toBe(true)
    // An edit of it (or of any entry) raises nothing more.
    const edited = (await entryPage.action({
      request: makeRequest(`/track/use/${first.id}`, {
        cookie: who.cookie,
        form: { substance: 'opioids', amount: '2', unit: 'bags' },
      }),
      params: { id: first.id },
      context: loadContext,
    })) as Response
    expect(edited.status).toBe(302)
    expect(events(who.id)).toHaveLength(1)
  })
})

describe('the key worker', () => {
  it('sees "Use after a break" on the caseload and session summary when tracking is shared, not otherwise', async () => {
    const who = await client()
    const tracking = { id: (await makeUser('keyworker')).id, username: 'tracking-worker' }
    const checkIns = { id: (await makeUser('keyworker')).id, username: 'check-in-worker' }
    const share = async (workerId: string, scopes: Scopes) => {
      const redeemed = await redeemShareCode({ id: workerId }, (await createShareCode(who.id, scopes)).code)
      if (!redeemed.ok) throw new Error('fixture: the share code did not work')
      return redeemed.linkId
    }
    const none = { assessments: false, modules: false, tracking: false, goals: false }
    const trackingLink = await share(tracking.id, { ...none, tracking: true })
    const checkInLink = await share(checkIns.id, { ...none, assessments: true, modules: true, goals: true })
    await diaryUse(who.id, 'other', 6)
    await logNoUse(who.id, ago(1))
    expect((await logThroughPage(who, { substance: 'other', amount: '1' })).page.afterBreak).toBe(true)

    const flags = async (worker: { id: string; username: string }) =>
      (await caseload(worker, { show: 'all', sort: 'name', page: 1 }, NOW)).clients.flatMap((c) =>
        c.flags.map((f) => f.label),
      )
    expect(await flags(tracking)).toEqual(['Use after a break (use diary, 5 Dec)'])
    expect(await flags(checkIns)).not.toContainEqual(expect.stringContaining('Use after a break'))

    const range = { from: '2026-11-08', to: '2026-12-05', days: 28 }
    const summary = async (workerId: string, linkId: string) => {
      const linked = await linkedClient(workerId, linkId)
      if (!linked) throw new Error('fixture: no link')
      return (await sessionSummary(linked, range, NOW)).flags.map((f) => f.label)
    }
    expect(await summary(tracking.id, trackingLink)).toEqual(['Use after a break (use diary, 5 Dec)'])
    expect(await summary(checkIns.id, checkInLink)).toEqual([])
  })
})
