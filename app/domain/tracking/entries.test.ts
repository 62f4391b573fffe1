// Issue 16, items 10, 11 and 13: "No use today" and use on the same day never both stand; unit
// names are listed once and counted as "1 unit"; the calculator's total without JavaScript; a
// backdated entry shows its year, and one more than a year back is refused with a "Did you mean".

import { parseWithZod } from '@conform-to/zod/v4'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueUnits } from '#app/components/unit-field.tsx'
import * as track from '#app/routes/track._index.tsx'
import * as newUse from '#app/routes/track.use.new.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { useEntries } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { alcoholUnitsText, countOf, ukUnits } from './amounts.ts'
import { getUse, logNoUse, logUrge, logUse, NO_USE_AFTER_USE, updateUse } from './entries.server.ts'
import { trackingChoices, trackingForms } from './forms.server.ts'
import { dashboard } from './stats.server.ts'
import { entryWhen, recentEntries } from './view.server.ts'

const NOW = new Date('2026-11-21T18:30:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

function parsed(schema: 'UseSchema' | 'UrgeSchema', fields: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  const result = parseWithZod(data, { schema: trackingForms()[schema] })
  if (result.status !== 'success') throw new Error(JSON.stringify(result.error))
  return result.value as never
}

const rowsOf = (userId: string) =>
  getDb().select().from(useEntries).where(eq(useEntries.userId, userId)).orderBy(useEntries.createdAt).all()

describe('"No use today" and use on the same day (item 10)', () => {
  it('refuses "No use today" after use was logged that day, with a clear message', async () => {
    const user = await makeUser()
    await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '2' }), NOW)
    const marked = await logNoUse(user.id, NOW)
    expect(marked).toEqual({ ok: false, field: 'intent', message: NO_USE_AFTER_USE })
    expect(rowsOf(user.id).map((r) => r.substance)).toEqual(['alcohol'])
    // The page says so, with a 409 and nothing saved.
    const cookie = await signedInCookie(user)
    const request = makeRequest('/track', { cookie, form: { intent: 'no-use' } })
    expect(await statusOf(track.action, request)).toBe(409)
    const reply = dataOf<{ noUseError: string }>(
      await track.action({
        request: makeRequest('/track', { cookie, form: { intent: 'no-use' } }),
        params: {},
        context: loadContext,
      }),
    )
    expect(reply.noUseError).toBe(NO_USE_AFTER_USE)
  })

  it('a use entry on a day marked "no use" replaces the mark; the dashboard shows only the use', async () => {
    const user = await makeUser()
    expect(await logNoUse(user.id, NOW)).toEqual({ ok: true })
    await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '3' }), NOW)
    expect(rowsOf(user.id).map((r) => r.substance)).toEqual(['alcohol'])
    const today = (await dashboard(user.id, 7, NOW)).useByDay.find((d) => d.date === '2026-11-21')
    expect(today).toMatchObject({ noUse: false, alcoholUnits: 3 })
  })

  it('an entry moved onto a "no use" day replaces that mark too', async () => {
    const user = await makeUser()
    const logged = await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '1' }), NOW)
    if (!logged.ok) throw new Error('should save')
    await logNoUse(user.id, new Date('2026-11-20T12:00:00Z'))
    await updateUse(
      user.id,
      logged.id,
      parsed('UseSchema', { substance: 'alcohol', amount: '1', when: '2026-11-20T20:00' }),
      NOW,
    )
    expect(rowsOf(user.id).map((r) => [r.localDate, r.substance])).toEqual([['2026-11-20', 'alcohol']])
  })

  it('a no-use mark on another day stays', async () => {
    const user = await makeUser()
    await logNoUse(user.id, new Date('2026-11-20T12:00:00Z'))
    await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '1' }), NOW)
    expect(rowsOf(user.id).map((r) => [r.localDate, r.substance])).toEqual([
      ['2026-11-20', null],
      ['2026-11-21', 'alcohol'],
    ])
  })
})

describe('units (item 11)', () => {
  it('lists each unit name once, even when substances share it', () => {
    const labels = uniqueUnits(trackingChoices(loadProgramme().tracking)).map((u) => u.label)
    expect(labels).toEqual([...new Set(labels)])
    expect(labels.filter((l) => l === 'grams')).toHaveLength(1)
    expect(labels.filter((l) => l === 'mg')).toHaveLength(1)
  })

  it('says "1 unit", never "1 units"', () => {
    expect(alcoholUnitsText(1)).toBe('1 unit')
    expect(alcoholUnitsText(2.3)).toBe('2.3 units')
    expect(countOf(1, 'grams')).toBe('1 gram')
    expect(countOf(1, 'mg')).toBe('1 mg')
    expect(countOf(0.5, 'grams')).toBe('0.5 grams')
    expect(ukUnits(1)).toBe('1 UK unit')
    expect(ukUnits(3.45)).toBe('3.5 UK units')
    const spirits = trackingChoices(loadProgramme().tracking).drinks.find((d) => d.id === 'single-spirits')
    expect(spirits?.units).toBe(1)
  })

  it('lists a one-unit entry as "1 UK unit"', async () => {
    const user = await makeUser()
    await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', drink: 'single-spirits' }), NOW)
    const [entry] = (await recentEntries(user.id, 5, NOW)).use
    expect(entry).toMatchObject({ amount: 1, unit: 'UK units' })
    expect(countOf(entry?.amount ?? 0, entry?.unit ?? '')).toBe('1 UK unit')
  })

  it('"Work it out" without JavaScript returns the total and saves nothing', async () => {
    const user = await makeUser()
    const cookie = await signedInCookie(user)
    const form = { intent: 'calculate', substance: 'alcohol', drink: 'pint-higher-strength', count: '2' }
    const request = makeRequest('/track/use/new', { cookie, form })
    const reply = dataOf<{ total: number | null; result: { initialValue: Record<string, unknown> } }>(
      await newUse.action({ request, params: {}, context: loadContext }),
    )
    expect(reply.total).toBe(5.9)
    expect(reply.result.initialValue).toMatchObject({ drink: 'pint-higher-strength', count: '2' })
    expect(rowsOf(user.id)).toEqual([])
    const typed = makeRequest('/track/use/new', { cookie, form: { intent: 'calculate', ml: '500', abv: '4' } })
    expect(
      dataOf<{ total: number | null }>(await newUse.action({ request: typed, params: {}, context: loadContext })).total,
    ).toBe(2)
  })

  it('"Work it out" with fields that make no drink is a 400 and saves nothing', async () => {
    const user = await makeUser()
    const cookie = await signedInCookie(user)
    const forms: Record<string, string>[] = [
      { intent: 'calculate', ml: 'lots', abv: '4' },
      { intent: 'calculate', ml: '9'.repeat(5000), abv: '4' },
      { intent: 'calculate' },
    ]
    for (const form of forms) {
      const request = makeRequest('/track/use/new', { cookie, form })
      expect(await statusOf(newUse.action, request)).toBe(400)
    }
    expect(rowsOf(user.id)).toEqual([])
  })
})

describe('backdated entries (item 13)', () => {
  it('shows the year of an entry from another year, and not of one from this year', async () => {
    const user = await makeUser()
    await logUrge(user.id, parsed('UrgeSchema', { intensity: '4', when: '2025-12-30T21:00' }), NOW)
    await logUrge(user.id, parsed('UrgeSchema', { intensity: '5', when: '2026-01-02T09:00' }), NOW)
    const logged = await logUse(
      user.id,
      parsed('UseSchema', { substance: 'alcohol', amount: '2', when: '2025-12-31T22:00' }),
      NOW,
    )
    const recent = await recentEntries(user.id, 5, NOW)
    expect(recent.urges.map((u) => u.when)).toEqual(['Fri 2 Jan, 09:00', 'Tue 30 Dec 2025, 21:00'])
    expect(recent.use[0]?.when).toBe('Wed 31 Dec 2025, 22:00')
    if (!logged.ok) throw new Error('should save')
    const entry = await getUse(user.id, logged.id)
    if (!entry) throw new Error('saved')
    expect(entryWhen(entry, NOW)).toBe('Wed 31 Dec 2025, 22:00')
  })

  it('refuses an entry more than a year back, asking whether a recent date was meant', async () => {
    const user = await makeUser()
    const refused = await logUse(
      user.id,
      parsed('UseSchema', { substance: 'alcohol', amount: '2', when: '2025-11-01T20:00' }),
      NOW,
    )
    expect(refused).toEqual({
      ok: false,
      field: 'when',
      message:
        'That date is more than a year ago, so nothing was saved. Did you mean 1 Nov 2026? Check the year and try again.',
    })
    // A typed date later in the year than today: the guess is last year's, not the future.
    const urge = await logUrge(user.id, parsed('UrgeSchema', { intensity: '3', when: '2024-12-24T20:00' }), NOW)
    expect(urge).toMatchObject({ ok: false, message: expect.stringContaining('Did you mean 24 Dec 2025?') })
    expect(rowsOf(user.id)).toEqual([])
    // Just within a year is fine.
    expect(
      await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '2', when: '2025-11-25T20:00' }), NOW),
    ).toMatchObject({ ok: true })
  })

  it('an old entry can still be edited without changing its date', async () => {
    const user = await makeUser()
    const then = new Date('2025-11-25T20:00:00Z')
    const logged = await logUse(user.id, parsed('UseSchema', { substance: 'alcohol', amount: '2' }), then)
    if (!logged.ok) throw new Error('should save')
    const later = new Date('2027-01-10T12:00:00Z')
    const kept = await updateUse(
      user.id,
      logged.id,
      parsed('UseSchema', { substance: 'alcohol', amount: '3', when: '2025-11-25T20:00' }),
      later,
    )
    expect(kept).toMatchObject({ ok: true })
  })
})
