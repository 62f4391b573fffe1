// Mixing warnings (issue 15 §3; hazard H-039) through the pages' own actions and loaders: two
// dangerous substances logged on one local day, or one with a listed prescribed medicine, save
// the entry, give the page it lands on the warning, and raise one `mixing` safety event; the
// medicines are in the privacy export and gone with the account.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteUser } from '#app/domain/accounts/account.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { logUse } from '#app/domain/tracking/entries.server.ts'
import { trackingForms } from '#app/domain/tracking/forms.server.ts'
import * as medicinesPage from '#app/routes/medicines.tsx'
import * as entryPage from '#app/routes/track.use.$id.tsx'
import * as newUse from '#app/routes/track.use.new.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { safetyEvents, useEntries } from '#db/schema/index.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { MIXING_RULE } from './mixing.server.ts'

// 18:00 in London on 5 Dec: "earlier today" and "yesterday" are clear in the client's zone.
const NOW = new Date('2026-12-05T18:00:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

type Client = { id: string; cookie: string }
async function client(): Promise<Client> {
  const user = await makeUser('client')
  return { id: user.id, cookie: await signedInCookie({ id: user.id, role: 'client' }) }
}

/** A diary entry logged directly (a fixture), `hoursAgo` before now. */
async function logged(userId: string, substance: string, hoursAgo: number) {
  const form = trackingForms().UseSchema.parse({ substance, amount: 1 })
  const done = await logUse(userId, form, new Date(NOW.getTime() - hoursAgo * 3_600_000))
  if (!done.ok) throw new Error('fixture: use not logged')
}

type EntryPage = { mixing: Array<{ id: string; names: string[]; reason: string }> | null }

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
  const page = dataOf<EntryPage>(
    await entryPage.loader({
      request: makeRequest(location, { cookie: who.cookie }),
      params: { id },
      context: loadContext,
    }),
  )
  return { id, location, page }
}

const mixingEvents = (userId: string) =>
  getDb()
    .select()
    .from(safetyEvents)
    .where(and(eq(safetyEvents.userId, userId), eq(safetyEvents.rule, MIXING_RULE)))
    .all()

async function addMedicine(who: Client, form: Record<string, string>) {
  return medicinesPage.action({
    request: makeRequest('/medicines', { cookie: who.cookie, form }),
    params: {},
    context: loadContext,
  })
}

describe('the mixing warning', () => {
  it('alcohol earlier today, then an opioid: saved, warned at once, one safety event', async () => {
    const who = await client()
    await logged(who.id, 'alcohol', 3)
    const { id, location, page } = await logThroughPage(who, { substance: 'opioids', amount: '0.5', unit: 'grams' })
    // Nothing about the warning travels in the address.
    expect(location).toBe(`/track/use/${id}?logged=1`)
    expect(getDb().select().from(useEntries).where(eq(useEntries.id, id)).get()).toMatchObject({
      substance: 'opioids',
      amount: 0.5,
    })
    expect(page.mixing?.map((row) => row.id)).toEqual(['alcohol-opioids'])
    expect(page.mixing?.[0]?.reason).toMatch(/breathing/)
    expect(mixingEvents(who.id).map((e) => e.source)).toEqual(['tracking:use'])
    // Seen again later (no "logged"), the page does not repeat it.
    const later = dataOf<EntryPage>(
      await entryPage.loader({
        request: makeRequest(`/track/use/${id}`, { cookie: who.cookie }),
        params: { id },
        context: loadContext,
      }),
    )
    expect(later.mixing).toBeNull()
  })

  it('no warning and no event for a harmless pair, or for the same pair on different local days', async () => {
    const who = await client()
    await logged(who.id, 'alcohol', 2)
    expect((await logThroughPage(who, { substance: 'cannabis', amount: '1', unit: 'grams' })).page.mixing).toBeNull()
    const other = await client()
    await logged(other.id, 'alcohol', 30) // yesterday in London
    expect((await logThroughPage(other, { substance: 'opioids', amount: '1', unit: 'grams' })).page.mixing).toBeNull()
    expect([...mixingEvents(who.id), ...mixingEvents(other.id)]).toEqual([])
  })

  it('a use entry that mixes with a listed medicine warns on its own', async () => {
    const who = await client()
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: who.cookie, form: { kind: 'ost', name: 'methadone' } }),
      ),
    ).toBe(200)
    const { page } = await logThroughPage(who, { substance: 'alcohol', amount: '2', unit: 'units' })
    expect(page.mixing?.map((row) => row.id)).toEqual(['alcohol-opioids'])
    expect(page.mixing?.[0]?.names[1]).toMatch(/Opioids/)
    expect(mixingEvents(who.id)).toHaveLength(1)
  })

  it('an edit never raises it (checked when the entry was logged)', async () => {
    const who = await client()
    await logged(who.id, 'alcohol', 2)
    await logged(who.id, 'cannabis', 1)
    const entry = getDb()
      .select()
      .from(useEntries)
      .where(and(eq(useEntries.userId, who.id), eq(useEntries.substance, 'cannabis')))
      .get()
    const response = (await entryPage.action({
      request: makeRequest(`/track/use/${entry?.id}`, {
        cookie: who.cookie,
        form: { substance: 'opioids', amount: '1', unit: 'grams' },
      }),
      params: { id: entry?.id ?? '' },
      context: loadContext,
    })) as Response
    expect(response.status).toBe(302)
    expect(mixingEvents(who.id)).toEqual([])
  })
})

describe('the medicines list', () => {
  it("adds and removes, refuses a kind not on the list (400) and another client's medicine (404)", async () => {
    const who = await client()
    const stranger = await client()
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: who.cookie, form: { kind: 'aspirin' } }),
      ),
    ).toBe(400)
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: who.cookie, form: { kind: 'gabapentinoid', name: 'x'.repeat(61) } }),
      ),
    ).toBe(400)
    await addMedicine(who, { kind: 'gabapentinoid', name: 'pregabalin' })
    const list = dataOf<{ medicines: Array<{ id: string; kind: string; name: string | null }> }>(
      await medicinesPage.loader({
        request: makeRequest('/medicines', { cookie: who.cookie }),
        params: {},
        context: loadContext,
      }),
    ).medicines
    expect(list).toMatchObject([{ kind: 'gabapentinoid', name: 'pregabalin' }])
    const id = list[0]?.id ?? ''
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: stranger.cookie, form: { intent: 'remove', id } }),
      ),
    ).toBe(404)
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: who.cookie, form: { intent: 'remove', id } }),
      ),
    ).toBe(200)
    expect(
      await statusOf(
        medicinesPage.action,
        makeRequest('/medicines', { cookie: who.cookie, form: { intent: 'remove', id } }),
      ),
    ).toBe(404)
  })

  it('is in the privacy export, and nothing of it is left after the account is deleted', async () => {
    const who = await client()
    await addMedicine(who, { kind: 'benzodiazepine', name: 'diazepam' })
    await addMedicine(who, { kind: 'antidepressant' })
    const exported = await exportUserData(who.id)
    expect(exported.prescribedMedicines).toMatchObject([
      { kind: 'benzodiazepine', name: 'diazepam' },
      { kind: 'antidepressant', name: null },
    ])
    await deleteUser(who.id)
    expect(rowsMentioning(who.id)).toEqual([])
  })
})
