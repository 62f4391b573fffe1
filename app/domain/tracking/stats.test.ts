// The progress dashboard's numbers against hand-computed fixtures, inserted straight into the
// tables as the tracking code stamps them: an urge logged near midnight in another zone, entries
// on the day the clocks go forward, a no-use day, stop goals with and without a substance.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { goalCheckIns, goals, urges, useEntries, users } from '#db/schema/index.ts'
import { seedHeavyClient } from '#db/seed-heavy.ts'
import { localParts } from '#programme/engine/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { buckets, buildProgress, dashboard, parseRange } from './stats.server.ts'

// 00:30 on Wednesday 1 April 2026 in London (BST since Sunday 29 March), still 31 March in UTC.
const NOW = new Date('2026-03-31T23:30:00Z')
// Every route and domain function reads this time, whatever the calendar says.
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)
const LONDON = 'Europe/London'

type When = { instant: string; zone: string; date: string; hour: number; weekday: number }
/** When an entry happened, with its local date, hour and weekday worked out by hand (0 = Monday). */
const at = (instant: string, date: string, hour: number, weekday: number, zone = LONDON): When => ({
  instant,
  zone,
  date,
  hour,
  weekday,
})
const stamped = (w: When) => ({
  occurredAt: new Date(w.instant),
  timeZone: w.zone,
  localDate: w.date,
  localHour: w.hour,
  localWeekday: w.weekday,
})
const urge = (intensity: number, trigger: string | null, outcome: 'rode-out' | 'used' | null, ...coping: string[]) => ({
  intensity,
  trigger,
  outcome,
  coping,
})

const URGES: Array<[When, ReturnType<typeof urge>]> = [
  // Thursday 26 March, GMT: a morning urge ridden out, an evening one that ended in use.
  [at('2026-03-26T09:00:00Z', '2026-03-26', 9, 3), urge(4, 'stress', 'rode-out', 'breathing', 'called-someone')],
  [at('2026-03-26T20:00:00Z', '2026-03-26', 20, 3), urge(8, 'stress', 'used', 'breathing')],
  // The day before the 7-day range.
  [at('2026-03-25T12:00:00Z', '2026-03-25', 12, 2), urge(10, 'boredom', 'rode-out', 'waited')],
  // Sunday 29 March, the clocks go forward at 01:00 UTC: 01:30 UTC is 02:30 BST, a night urge.
  [at('2026-03-29T01:30:00Z', '2026-03-29', 2, 6), urge(6, 'boredom', 'rode-out', 'breathing', 'waited')],
  // Logged in New York at 23:30 on Monday 30 March (EDT): 04:30 on the 31st in London, but the
  // client's day was the 30th.
  [at('2026-03-31T03:30:00Z', '2026-03-30', 23, 0, 'America/New_York'), urge(7, 'being-alone', null)],
  [at('2026-03-31T12:00:00Z', '2026-03-31', 13, 1), urge(5, 'stress', 'rode-out', 'urge-surfing')],
  // 00:10 BST on Wednesday 1 April: today in London, yesterday in UTC.
  [at('2026-03-31T23:10:00Z', '2026-04-01', 0, 2), urge(3, null, 'rode-out', 'called-someone')],
]

const alcohol = (units: number, spendPence: number | null) =>
  ({ substance: 'alcohol', amount: units, unit: 'units', alcoholUnits: units, spendPence }) as const
const cannabis = (grams: number, spendPence: number | null) =>
  ({ substance: 'cannabis', amount: grams, unit: 'grams', alcoholUnits: null, spendPence }) as const
const NO_USE = { substance: null, amount: null, unit: null, alcoholUnits: null, spendPence: null }
const USE: Array<[When, typeof NO_USE | ReturnType<typeof alcohol> | ReturnType<typeof cannabis>]> = [
  [at('2026-03-20T19:00:00Z', '2026-03-20', 19, 4), alcohol(5, 800)],
  [at('2026-03-26T18:00:00Z', '2026-03-26', 18, 3), alcohol(2.8, 450)],
  [at('2026-03-26T21:00:00Z', '2026-03-26', 21, 3), alcohol(2.1, 600)],
  [at('2026-03-27T21:00:00Z', '2026-03-27', 21, 4), NO_USE],
  [at('2026-03-28T16:00:00Z', '2026-03-28', 16, 5), cannabis(1.5, 1000)],
  [at('2026-03-28T22:00:00Z', '2026-03-28', 22, 5), cannabis(0.25, null)],
  // The DST day: 00:30 GMT and 23:30 BST are the same local day, 22 hours apart.
  [at('2026-03-29T00:30:00Z', '2026-03-29', 0, 6), alcohol(0.1, null)],
  [at('2026-03-29T22:30:00Z', '2026-03-29', 23, 6), alcohol(0.2, null)],
  // "No use today" tapped, then a drink logged the same day: not a no-use day.
  [at('2026-03-30T09:00:00Z', '2026-03-30', 10, 0), NO_USE],
  [at('2026-03-30T20:00:00Z', '2026-03-30', 21, 0), alcohol(1, 300)],
  // Nothing on the 31st; "no use" at 00:05 BST on 1 April.
  [at('2026-03-31T23:05:00Z', '2026-04-01', 0, 2), NO_USE],
]

let userId: string
const goalIds: Record<string, string> = {}

beforeAll(async () => {
  const db = getDb()
  userId = (await makeUser()).id
  const other = (await makeUser()).id
  db.update(users).set({ timeZone: LONDON }).where(eq(users.id, userId)).run()
  for (const [w, values] of URGES)
    db.insert(urges)
      .values({ userId, ...stamped(w), ...values })
      .run()
  for (const [w, values] of USE)
    db.insert(useEntries)
      .values({ userId, ...stamped(w), ...values })
      .run()
  // Someone else's entries never count.
  const [w] = URGES[5] ?? []
  if (!w) throw new Error('fixture missing')
  db.insert(urges)
    .values({ userId: other, ...stamped(w), ...urge(9, 'stress', 'used', 'breathing') })
    .run()
  db.insert(useEntries)
    .values({ userId: other, ...stamped(w), ...alcohol(9, 900) })
    .run()
  const goal = (key: string, values: Partial<typeof goals.$inferInsert>, createdAt: string) => {
    const row = {
      userId,
      what: key,
      type: 'stop' as const,
      area: 'behaviours',
      createdAt: new Date(createdAt),
      ...values,
    }
    goalIds[key] = db.insert(goals).values(row).returning({ id: goals.id }).get().id
  }
  goal('stop drinking', { substance: 'alcohol' }, '2026-03-01T12:00:00Z')
  goal('stop everything', { substance: null }, '2026-03-01T12:01:00Z')
  goal('stop cannabis', { substance: 'cannabis' }, '2026-03-01T12:02:00Z')
  // Set at 00:15 BST on 1 April (31 March in UTC), with no use since: day 0.
  goal('stop stimulants', { substance: 'stimulants' }, '2026-03-31T23:15:00Z')
  goal('cut down', { type: 'cut-down', substance: 'alcohol' }, '2026-03-02T12:00:00Z')
  goal('dropped, checked in', { status: 'dropped' }, '2026-03-03T12:00:00Z')
  goal('dropped, quiet', { status: 'dropped' }, '2026-03-04T12:00:00Z')
  const checkIn = (key: string, localDate: string, outcome: 'done' | 'partly' | 'not') =>
    db
      .insert(goalCheckIns)
      .values({ goalId: goalIds[key] ?? '', userId, localDate, outcome })
      .run()
  checkIn('stop drinking', '2026-03-10', 'done')
  checkIn('stop drinking', '2026-03-27', 'done')
  checkIn('stop drinking', '2026-03-28', 'done')
  checkIn('stop drinking', '2026-03-30', 'not')
  checkIn('stop drinking', '2026-04-01', 'partly')
  checkIn('cut down', '2026-03-29', 'partly')
  checkIn('dropped, checked in', '2026-03-26', 'done')
  checkIn('dropped, quiet', '2026-03-05', 'done')
})

describe('the fixtures', () => {
  it('are stamped as the tracking code would stamp them', async () => {
    for (const [w] of [...URGES, ...USE]) {
      const { date, hour, weekday } = localParts(new Date(w.instant), w.zone)
      expect({ date: w.date, hour: w.hour, weekday: w.weekday }).toEqual({ date, hour, weekday })
    }
  })
})

describe('dashboard over 7 days', () => {
  const d = () => dashboard(userId, 7, NOW)

  it("ends today in the client's zone, not in UTC", async () => {
    expect((await d()).range).toEqual({ from: '2026-03-26', to: '2026-04-01', days: 7 })
    expect((await d()).timeZone).toBe(LONDON)
  })

  it('counts urges per local day, with empty days filled in', async () => {
    expect((await d()).urgesByDay).toEqual([
      { date: '2026-03-26', count: 2, avgIntensity: 6, rodeOut: 1, used: 1 },
      { date: '2026-03-27', count: 0, avgIntensity: null, rodeOut: 0, used: 0 },
      { date: '2026-03-28', count: 0, avgIntensity: null, rodeOut: 0, used: 0 },
      { date: '2026-03-29', count: 1, avgIntensity: 6, rodeOut: 1, used: 0 },
      { date: '2026-03-30', count: 1, avgIntensity: 7, rodeOut: 0, used: 0 },
      { date: '2026-03-31', count: 1, avgIntensity: 5, rodeOut: 1, used: 0 },
      { date: '2026-04-01', count: 1, avgIntensity: 3, rodeOut: 1, used: 0 },
    ])
    expect((await d()).outcomes).toEqual({ rodeOut: 4, used: 1, unknown: 1 })
  })

  it('adds up use per day: units, spend, other amounts and no-use days', async () => {
    const none = { entries: 0, alcoholUnits: 0, spendPence: 0, amounts: [] }
    expect((await d()).useByDay).toEqual([
      { date: '2026-03-26', entries: 2, alcoholUnits: 4.9, spendPence: 1050, amounts: [], noUse: false },
      { date: '2026-03-27', ...none, noUse: true },
      {
        date: '2026-03-28',
        entries: 2,
        alcoholUnits: 0,
        spendPence: 1000,
        amounts: [{ substance: 'cannabis', unit: 'grams', amount: 1.75 }],
        noUse: false,
      },
      { date: '2026-03-29', entries: 2, alcoholUnits: 0.3, spendPence: 0, amounts: [], noUse: false },
      { date: '2026-03-30', entries: 1, alcoholUnits: 1, spendPence: 300, amounts: [], noUse: false },
      { date: '2026-03-31', ...none, noUse: false },
      { date: '2026-04-01', ...none, noUse: true },
    ])
  })

  it('counts goal check-ins in the range by outcome and per goal', async () => {
    const { checkIns } = await d()
    expect(checkIns).toMatchObject({ done: 3, partly: 2, not: 1 })
    expect(checkIns.goals.map(({ what, done, partly, not }) => [what, done, partly, not])).toEqual([
      ['stop drinking', 2, 1, 1],
      ['stop everything', 0, 0, 0],
      ['stop cannabis', 0, 0, 0],
      ['cut down', 0, 1, 0],
      ['dropped, checked in', 1, 0, 0],
      ['stop stimulants', 0, 0, 0],
    ])
  })

  it('finds the patterns: triggers, time of week, what helped', async () => {
    const { patterns } = await d()
    expect(patterns.topTriggers).toEqual([
      { id: 'stress', label: 'Stress or pressure', count: 3 },
      { id: 'being-alone', label: 'Being alone', count: 1 },
      { id: 'boredom', label: 'Boredom', count: 1 },
    ])
    //                        night morning afternoon evening
    expect(patterns.timeOfWeek).toEqual([
      [0, 0, 0, 1], // Monday: 23:30 in New York
      [0, 0, 1, 0], // Tuesday
      [1, 0, 0, 0], // Wednesday: 00:10
      [0, 1, 0, 1], // Thursday
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0], // Sunday: 02:30 BST
    ])
    // Only urges ridden out count: the used urge's breathing does not.
    expect(patterns.copingThatWorked).toEqual([
      { id: 'breathing', label: 'Slow breathing', count: 2 },
      { id: 'called-someone', label: 'Called or texted someone', count: 2 },
      { id: 'urge-surfing', label: 'Urge surfing (rode the wave)', count: 1 },
      { id: 'waited', label: 'Put it off and waited', count: 1 },
    ])
  })

  it('counts milestones whatever the range', async () => {
    const { milestones } = await d()
    expect(milestones.riddenOutInARow).toBe(3)
    expect(
      milestones.stopGoals.map(({ what, lastUseDate, daysSinceLastUse }) => [what, lastUseDate, daysSinceLastUse]),
    ).toEqual([
      ['stop drinking', '2026-03-30', 2],
      // Any substance, but a "no use" row is not use.
      ['stop everything', '2026-03-30', 2],
      ['stop cannabis', '2026-03-28', 4],
      ['stop stimulants', null, 0],
    ])
  })
})

describe('dashboard over 30 days', () => {
  it('takes in the days before the week', async () => {
    const d = await dashboard(userId, 30, NOW)
    expect(d.range).toEqual({ from: '2026-03-03', to: '2026-04-01', days: 30 })
    expect(d.urgesByDay).toHaveLength(30)
    expect(d.urgesByDay.find((day) => day.date === '2026-03-25')).toMatchObject({ count: 1, avgIntensity: 10 })
    expect(d.useByDay.find((day) => day.date === '2026-03-20')).toMatchObject({ alcoholUnits: 5, spendPence: 800 })
    expect(d.outcomes).toEqual({ rodeOut: 5, used: 1, unknown: 1 })
    expect(d.patterns.topTriggers.map((t) => [t.id, t.count])).toEqual([
      ['stress', 3],
      ['boredom', 2],
      ['being-alone', 1],
    ])
    expect(d.patterns.copingThatWorked.map((c) => [c.id, c.count])).toEqual([
      ['breathing', 2],
      ['called-someone', 2],
      ['waited', 2],
      ['urge-surfing', 1],
    ])
    expect(d.checkIns).toMatchObject({ done: 5, partly: 2, not: 1 })
    expect(d.checkIns.goals.map((g) => g.what)).toContain('dropped, quiet')
  })
})

describe('progress page series', () => {
  it('cuts 90 days into 7-day blocks ending today, the oldest shorter', async () => {
    const list = buckets('2026-01-02', '2026-04-01', 'week')
    expect(list).toHaveLength(13)
    expect(list[0]).toEqual({ key: '12', date: '2026-01-02', end: '2026-01-07' })
    expect(list.at(-1)).toEqual({ key: '0', date: '2026-03-26', end: '2026-04-01' })
    const p = await buildProgress(userId, 90, NOW)
    expect(p.period).toBe('week')
    expect(p.urges.at(-1)).toEqual({
      date: '2026-03-26',
      end: '2026-04-01',
      count: 6,
      avgIntensity: 5.5,
      rodeOut: 4,
      used: 1,
    })
    expect(p.urges.at(-2)).toMatchObject({ date: '2026-03-19', count: 1, avgIntensity: 10 })
    expect(p.use.at(-1)).toEqual({
      date: '2026-03-26',
      end: '2026-04-01',
      entries: 7,
      alcoholUnits: 6.2,
      spendPence: 2350,
      amounts: [{ substance: 'cannabis', unit: 'grams', amount: 1.75 }],
      noUseDays: 2,
    })
    expect(p.use.at(-2)).toMatchObject({ entries: 1, alcoholUnits: 5, noUseDays: 0 })
  })

  it('cuts a year into calendar months', async () => {
    const p = await buildProgress(userId, 365, NOW)
    expect(p.period).toBe('month')
    expect(p.urges).toHaveLength(13)
    expect(p.urges[0]).toMatchObject({ date: '2025-04-02', end: '2025-04-30', count: 0 })
    expect(p.urges.at(-2)).toMatchObject({ date: '2026-03-01', end: '2026-03-31', count: 6, rodeOut: 4 })
    expect(p.urges.at(-1)).toMatchObject({ date: '2026-04-01', end: '2026-04-01', count: 1, avgIntensity: 3 })
    expect(p.use.at(-2)).toMatchObject({ entries: 8, alcoholUnits: 11.2, spendPence: 3150, noUseDays: 1 })
    expect(p.use.at(-1)).toMatchObject({ entries: 0, noUseDays: 1 })
  })

  it('keeps days for a week or a month', async () => {
    expect((await buildProgress(userId, 7, NOW)).urges.map((u) => u.count)).toEqual([2, 0, 0, 1, 1, 1, 1])
    expect((await buildProgress(userId, 30, NOW)).urges).toHaveLength(30)
  })
})

describe('the page read afresh', () => {
  it('shows what the client logs, edits or deletes at once (nothing is kept between requests)', async () => {
    const first = await buildProgress(userId, 7, NOW)
    expect(await buildProgress(userId, 7, NOW)).toEqual(first)
    const db = getDb()
    const id = db
      .insert(urges)
      .values({ userId, ...stamped(at('2026-03-31T12:00:00Z', '2026-03-31', 13, 1)), ...urge(9, 'payday', null) })
      .returning({ id: urges.id })
      .get().id
    const logged = await buildProgress(userId, 7, NOW)
    expect(logged.urges.at(-2)).toMatchObject({ date: '2026-03-31', count: 2 })
    db.update(urges).set({ outcome: 'used' }).where(eq(urges.id, id)).run()
    expect((await buildProgress(userId, 7, NOW)).outcomes).toEqual({ rodeOut: 4, used: 2, unknown: 1 })
    db.insert(goalCheckIns)
      .values({ goalId: goalIds['stop cannabis'] ?? '', userId, localDate: '2026-03-31', outcome: 'done' })
      .run()
    expect((await buildProgress(userId, 7, NOW)).checkIns.done).toBe(4)
    db.delete(urges).where(eq(urges.id, id)).run()
    db.delete(goalCheckIns).where(eq(goalCheckIns.localDate, '2026-03-31')).run()
    expect(await buildProgress(userId, 7, NOW)).toEqual(first)
  })

  it('is per client, range and day', async () => {
    const other = await makeUser()
    expect((await buildProgress(other.id, 7, NOW)).urges.every((u) => u.count === 0)).toBe(true)
    expect((await buildProgress(userId, 30, NOW)).range.days).toBe(30)
    expect((await buildProgress(userId, 7, new Date('2026-04-02T12:00:00Z'))).range.to).toBe('2026-04-02')
  })
})

describe("the benchmark's heavy client", () => {
  it('has a year of daily entries, about three urges a day and two goals with weekly check-ins', async () => {
    const heavy = (await makeUser()).id
    const counts = seedHeavyClient(getDb(), heavy, NOW)
    expect(counts).toMatchObject({ goals: 2 })
    expect(counts.urges).toBeGreaterThan(365 * 2.5)
    expect(counts.urges).toBeLessThan(365 * 3.5)
    const year = await buildProgress(heavy, 365, NOW)
    expect(year.urges.every((month) => month.count > 0)).toBe(true)
    expect(year.use.every((month) => month.entries + month.noUseDays > 0)).toBe(true)
    expect(year.checkIns.goals.map((g) => g.type)).toEqual(['lifestyle', 'stop'])
    expect(year.milestones.stopGoals).toMatchObject([{ substance: 'alcohol' }])
    expect(year.milestones.stopGoals[0]?.daysSinceLastUse).toBeGreaterThanOrEqual(12)
    expect(year.patterns.topTriggers).toHaveLength(5)
    expect(year.patterns.copingThatWorked).toHaveLength(5)
  })
})

describe('the range in the address', () => {
  it('accepts 7, 30, 90 and 365 and takes anything else as 30', async () => {
    expect(['7', '30', '90', '365'].map(parseRange)).toEqual([7, 30, 90, 365])
    for (const value of [null, undefined, '', '14', '7.0', 'all', '-7']) expect(parseRange(value)).toBe(30)
  })
})
