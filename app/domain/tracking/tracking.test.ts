// Logging urges, use and goal check-ins through their domain functions, with forms parsed as
// the pages parse them: validation refuses bad input and stores nothing; days follow the
// client's time zone; export, CSV and deletion.
import { parseWithZod } from '@conform-to/zod/v4'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteUser, timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import * as track from '#app/routes/track._index.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { safetyEvents, urges, useEntries } from '#db/schema/index.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { deleteEntry, getUrge, logNoUse, logUrge, logUse, rememberTimeZone, updateUrge } from './entries.server.ts'
import { trackingCsv } from './export.server.ts'
import { trackingForms } from './forms.server.ts'
import { deleteGoalAction, goalAction, savedNotice } from './goal-actions.server.ts'
import { listGoals } from './goals.server.ts'

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v)
  return data
}

function urge(fields: Record<string, string | string[]>) {
  return parseWithZod(form(fields), { schema: trackingForms().UrgeSchema })
}

function use(fields: Record<string, string | string[]>) {
  return parseWithZod(form(fields), { schema: trackingForms().UseSchema })
}

const count = (table: typeof urges | typeof useEntries, userId: string) =>
  getDb().select().from(table).where(eq(table.userId, userId)).all().length

const NOW = new Date('2026-11-21T18:30:00Z')
// Every route and domain function reads this time, whatever the calendar says.
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

describe('the urge log', () => {
  it('logs an urge with only its strength, now, on the client’s local day', async () => {
    const user = await makeUser()
    const parsed = urge({ intensity: '6' })
    expect(parsed.status).toBe('success')
    if (parsed.status !== 'success') return
    const logged = await logUrge(user.id, parsed.value, NOW)
    expect(logged.ok).toBe(true)
    const row = logged.ok ? await getUrge(user.id, logged.id) : undefined
    expect(row).toMatchObject({
      intensity: 6,
      timeZone: 'Europe/London',
      localDate: '2026-11-21',
      localHour: 18,
      localWeekday: 5,
    })
  })

  it('refuses bad input with a message per field and stores nothing', async () => {
    const user = await makeUser()
    const bad = [
      [{}, 'intensity', /0 to 10/],
      [{ intensity: '11' }, 'intensity', /0 to 10/],
      [{ intensity: '5', trigger: 'made-up' }, 'trigger', /from the list/],
      [{ intensity: '5', outcome: 'used', usedSubstance: 'glue' }, 'usedSubstance', /from the list/],
      [
        { intensity: '5', outcome: 'used', usedSubstance: 'alcohol', usedAmount: '5000' },
        'usedAmount',
        /check the amount/,
      ],
    ] as const
    for (const [fields, field, message] of bad) {
      const parsed = urge(fields)
      expect(parsed.status, JSON.stringify(fields)).toBe('error')
      expect(parsed.reply().error?.[field]?.join(' ')).toMatch(message)
    }
    const future = urge({ intensity: '5', when: '2026-11-22T10:00' })
    if (future.status !== 'success') throw new Error('should parse')
    expect(await logUrge(user.id, future.value, NOW)).toEqual({
      ok: false,
      field: 'when',
      message: expect.stringMatching(/future/),
    })
    expect(count(urges, user.id)).toBe(0)
  })

  it('a very strong urge is flagged as a safety event', async () => {
    const user = await makeUser()
    const parsed = urge({ intensity: '9' })
    if (parsed.status !== 'success') throw new Error('should parse')
    await logUrge(user.id, parsed.value, NOW)
    const events = getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()
    expect(events).toMatchObject([{ rule: 'very-high-urge', source: 'tracking:urge' }])
  })

  it('edits and deletes only the client’s own entries', async () => {
    const user = await makeUser()
    const other = await makeUser()
    const parsed = urge({ intensity: '4' })
    if (parsed.status !== 'success') throw new Error('should parse')
    const logged = await logUrge(user.id, parsed.value, NOW)
    if (!logged.ok) throw new Error('should log')
    const detail = urge({
      intensity: '3',
      trigger: 'stress',
      coping: ['breathing', 'called-someone'],
      outcome: 'rode-out',
      when: '2026-11-21T17:00',
    })
    if (detail.status !== 'success') throw new Error('should parse')
    expect(await updateUrge(other.id, logged.id, detail.value, NOW)).toBeNull()
    expect(await updateUrge(user.id, logged.id, detail.value, NOW)).toEqual({ ok: true, selfHarmWords: false })
    expect(await getUrge(user.id, logged.id)).toMatchObject({
      intensity: 3,
      trigger: 'stress',
      coping: ['breathing', 'called-someone'],
      localHour: 17,
    })
    expect(await deleteEntry(other.id, 'urge', logged.id)).toBe(false)
    expect(await deleteEntry(user.id, 'urge', logged.id)).toBe(true)
    expect(count(urges, user.id)).toBe(0)
  })
})

describe('the use diary', () => {
  it('works out UK units with the calculator: two pints of 5.2 % is 5.9 units', async () => {
    const user = await makeUser()
    const parsed = use({ substance: 'alcohol', drink: 'pint-higher-strength', count: '2', spend: '9.80' })
    if (parsed.status !== 'success') throw new Error(JSON.stringify(parsed.reply()))
    expect((await logUse(user.id, parsed.value, NOW)).ok).toBe(true)
    const row = getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).get()
    expect(row).toMatchObject({ substance: 'alcohol', alcoholUnits: 5.9, amount: 5.9, unit: 'units', spendPence: 980 })
  })

  it('typed ml and strength: 750 ml of 13.5 % is 10.1 units', async () => {
    const user = await makeUser()
    const parsed = use({ substance: 'alcohol', ml: '750', abv: '13.5' })
    if (parsed.status !== 'success') throw new Error(JSON.stringify(parsed.reply()))
    await logUse(user.id, parsed.value, NOW)
    expect(getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).get()?.alcoholUnits).toBe(10.1)
  })

  it('refuses unknown substances, impossible amounts and units, and stores nothing', async () => {
    const user = await makeUser()
    const refused: Array<Record<string, string>> = [
      { substance: 'glue', amount: '1' },
      { substance: 'cannabis' },
      { substance: 'cannabis', amount: '-1' },
      { substance: 'cannabis', amount: '1', unit: 'tablets' },
      { substance: 'alcohol', ml: '568', abv: '140' },
      { substance: 'alcohol', amount: '2', spend: 'lots' },
    ]
    for (const fields of refused) {
      expect(use(fields).status, JSON.stringify(fields)).toBe('error')
    }
    expect(count(useEntries, user.id)).toBe(0)
  })

  it('"No use today" counts once a day', async () => {
    const user = await makeUser()
    await logNoUse(user.id, NOW)
    await logNoUse(user.id, new Date(NOW.getTime() + 60_000))
    const rows = getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).all()
    expect(rows).toMatchObject([{ substance: null, localDate: '2026-11-21' }])
  })
  it('"No use today" posted twice at once (two taps, two tabs) is still one row', async () => {
    const user = await makeUser()
    await Promise.all([logNoUse(user.id, NOW), logNoUse(user.id, NOW)])
    const rows = getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).all()
    expect(rows).toMatchObject([{ substance: null, localDate: '2026-11-21' }])
  })
})

describe('days in the client’s own time zone', () => {
  it('after a move, new entries are counted in the new zone; earlier ones keep theirs', async () => {
    const user = await makeUser()
    const parsed = urge({ intensity: '5' })
    if (parsed.status !== 'success') throw new Error('should parse')
    // 01:30 UTC on 22 November is still the 21st in New York.
    const late = new Date('2026-11-22T01:30:00Z')
    await logUrge(user.id, parsed.value, late)
    await rememberTimeZone(user.id, 'America/New_York')
    await rememberTimeZone(user.id, 'Not/AZone')
    await logUrge(user.id, parsed.value, late)
    const rows = getDb().select().from(urges).where(eq(urges.userId, user.id)).all()
    expect(rows.map((r) => [r.timeZone, r.localDate, r.localHour])).toEqual([
      ['Europe/London', '2026-11-22', 1],
      ['America/New_York', '2026-11-21', 20],
    ])
  })

  it('a client without JavaScript sets their zone on the tracking page; a made-up zone is refused', async () => {
    const user = await makeUser()
    const cookie = await signedInCookie(user)
    const post = (zone: string) => makeRequest('/track', { cookie, form: { intent: 'time-zone', zone } })
    expect(await statusOf(track.action, post('Nowhere/Special'))).toBe(400)
    expect(await timeZoneOf(user.id)).toBe('Europe/London')
    expect(await statusOf(track.action, post('Asia/Kolkata'))).toBe(200)
    expect(await timeZoneOf(user.id)).toBe('Asia/Kolkata')
  })

  it('a time typed on the day the clocks go back is read in the client’s zone', async () => {
    const user = await makeUser()
    const parsed = urge({ intensity: '5', when: '2026-10-25T01:30' })
    if (parsed.status !== 'success') throw new Error('should parse')
    const logged = await logUrge(user.id, parsed.value, NOW)
    const row = logged.ok ? await getUrge(user.id, logged.id) : undefined
    expect(row?.occurredAt.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(row).toMatchObject({ localDate: '2026-10-25', localHour: 1 })
  })
})

describe('goals', () => {
  it('sets a goal, checks in (a second check-in today replaces the first), and shows history', async () => {
    const user = await makeUser()
    const created = await goalAction(
      user.id,
      form({ intent: 'create', what: 'Two dry days a week', type: 'cut-down', area: 'behaviours' }),
    )
    const [goal] = await listGoals(user.id)
    expect(created).toEqual({ status: 'redirect', to: `/goals?saved=goal&goal=${goal?.id}` })
    expect(goal?.what).toBe('Two dry days a week')
    expect(
      await goalAction(user.id, form({ intent: 'check-in', goal: goal?.id ?? '', outcome: 'partly' })),
    ).toMatchObject({ status: 'redirect', to: '/goals?saved=check-in' })
    expect(
      await goalAction(user.id, form({ intent: 'check-in', goal: goal?.id ?? '', outcome: 'done', note: 'Sunday' })),
    ).toMatchObject({ status: 'redirect' })
    expect((await listGoals(user.id))[0]?.history).toEqual([
      { date: '2026-11-21', when: 'Sat 21 Nov 2026', outcome: 'done', note: 'Sunday' },
    ])
  })

  it('refuses a goal with no words and a check-in without an outcome; another client’s goal is 404', async () => {
    const user = await makeUser()
    const other = await makeUser()
    expect(
      await goalAction(user.id, form({ intent: 'create', what: '', type: 'stop', area: 'behaviours' })),
    ).toMatchObject({
      status: 400,
    })
    await goalAction(user.id, form({ intent: 'create', what: 'Walk daily', type: 'lifestyle', area: 'lifestyle' }))
    const id = (await listGoals(user.id))[0]?.id ?? ''
    expect(await goalAction(user.id, form({ intent: 'check-in', goal: id }))).toMatchObject({ status: 400 })
    expect(await goalAction(other.id, form({ intent: 'check-in', goal: id, outcome: 'done' }))).toMatchObject({
      status: 404,
    })
    expect(await deleteGoalAction(other.id, id, form({ intent: 'delete' }))).toMatchObject({ status: 404 })
    expect((await listGoals(user.id))[0]?.history).toEqual([])
  })

  it('a stop goal for opioids or alcohol shows its warning', async () => {
    const user = await makeUser()
    const warningAfter = async (fields: Record<string, string>) => {
      const reply = await goalAction(user.id, form({ intent: 'create', ...fields }))
      if (reply.status !== 'redirect') throw new Error('should save')
      return (await savedNotice(user.id, new URL(reply.to, 'http://localhost').searchParams)).safety
    }
    expect(await warningAfter({ what: 'Stop', type: 'stop', substance: 'opioids', area: 'behaviours' })).toBe(
      'overdose-after-a-break',
    )
    expect(await warningAfter({ what: 'Stop', type: 'stop', substance: 'alcohol', area: 'behaviours' })).toBe(
      'alcohol-withdrawal',
    )
  })
})

describe('privacy', () => {
  it('the export and CSVs hold every entry; formulas are defused; deleting the account leaves nothing', async () => {
    const user = await makeUser()
    const parsed = urge({ intensity: '7', note: '=HYPERLINK("x")', trigger: 'stress' })
    if (parsed.status !== 'success') throw new Error('should parse')
    await logUrge(user.id, parsed.value, NOW)
    await logNoUse(user.id, NOW)
    await goalAction(user.id, form({ intent: 'create', what: 'Walk daily', type: 'lifestyle', area: 'lifestyle' }))
    await goalAction(
      user.id,
      form({ intent: 'check-in', goal: (await listGoals(user.id))[0]?.id ?? '', outcome: 'done' }),
    )
    const exported = (await exportUserData(user.id)) as Record<string, unknown[]>
    expect(exported.urges).toHaveLength(1)
    expect(exported.useDiary).toHaveLength(1)
    expect(exported.goalCheckIns).toHaveLength(1)
    expect(exported.goals).toHaveLength(1)
    const urgesCsv = await trackingCsv(user.id, 'urges')
    expect(urgesCsv.split('\r\n')[0]).toContain('intensity')
    expect(urgesCsv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(await trackingCsv(user.id, 'use-diary')).toContain('no use')
    expect(await trackingCsv(user.id, 'goal-check-ins')).toContain('done')
    await deleteUser(user.id)
    expect(rowsMentioning(user.id)).toEqual([])
  })
})
