// A lapse is not a reset (issue 15 §5; hazard H-041): after use against a stop goal the
// progress page still shows the longest run and the days free of the last 30 beside the current
// run, lists the lapse on its timeline with the client's note of what happened and what they
// learned, and the note (length-limited, checked for self-harm words) is in the export and CSV.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { milestone } from '#app/components/progress-parts.tsx'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { goals, safetyEvents, useEntries } from '#db/schema/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { logUse, updateUse } from './entries.server.ts'
import { trackingCsv } from './export.server.ts'
import { LAPSE_NOTE_MAX, trackingForms } from './forms.server.ts'
import { buildProgress } from './stats.server.ts'

// 18:00 on Saturday 5 December 2026 in London (GMT).
const NOW = new Date('2026-12-05T18:00:00Z')
const DAY = 86_400_000
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

const use = (fields: Record<string, string | number>) => trackingForms().UseSchema.parse(fields)

async function clientWithStopGoal(daysAgo: number) {
  const user = await makeUser('client')
  getDb()
    .insert(goals)
    .values({
      userId: user.id,
      what: 'stop drinking',
      type: 'stop',
      substance: 'alcohol',
      area: 'behaviours',
      createdAt: new Date(NOW.getTime() - daysAgo * DAY),
    })
    .run()
  return user.id
}

describe('milestones after a lapse', () => {
  it('show the current run, the longest run and the days free of the last 30 together', async () => {
    const userId = await clientWithStopGoal(40)
    // 25 days ago, then 3 days ago: runs of 14 days (day 40 to 25) and 21 days; now 3 days.
    for (const days of [25, 3]) {
      const logged = await logUse(
        userId,
        use({ substance: 'alcohol', amount: 4 }),
        new Date(NOW.getTime() - days * DAY),
      )
      expect(logged.ok).toBe(true)
    }
    const [goal] = (await buildProgress(userId, 30)).milestones.stopGoals
    expect(goal).toMatchObject({ daysSinceLastUse: 3, longestRun: 21, freeDays: 28, windowDays: 30 })
    const words = milestone(goal as NonNullable<typeof goal>)
    expect(words).toContain('3 days since you last drank.')
    expect(words).toContain('Your longest run so far: 21 days. No use on 28 of the last 30 days.')
  })

  it("on the day of a lapse: today's run is 0, but the longest run and free days stay", async () => {
    const userId = await clientWithStopGoal(20)
    await logUse(
      userId,
      use({ substance: 'alcohol', amount: 2, lapseNote: 'Payday drinks. Next time: go home first.' }),
    )
    const progress = await buildProgress(userId, 30)
    const [goal] = progress.milestones.stopGoals
    expect(goal).toMatchObject({ daysSinceLastUse: 0, longestRun: 19, freeDays: 20, windowDays: 21 })
    const words = milestone(goal as NonNullable<typeof goal>)
    expect(words).toContain('Your longest run so far: 19 days. No use on 20 of the 21 days since you set it.')
    expect(words).toContain('A lapse does not undo your progress.')
    expect(words).not.toMatch(/back to (zero|0|day 0)|start(ing)? (again )?from (zero|scratch)/i)
    // The lapse is an event on the timeline, with what the client wrote.
    expect(goal?.lapses).toMatchObject([
      { date: '2026-12-05', substance: 'alcohol', lapseNote: 'Payday drinks. Next time: go home first.' },
    ])
  })

  it('a goal set today says so, with no runs of 0 days to read as failure', async () => {
    const userId = await clientWithStopGoal(0)
    await logUse(userId, use({ substance: 'alcohol', amount: 1 }))
    const [goal] = (await buildProgress(userId, 30)).milestones.stopGoals
    expect(milestone(goal as NonNullable<typeof goal>)).toBe(
      '“stop drinking”: you set this goal today, and drank today.',
    )
  })

  it('a lapse before the range is not on the timeline, but still counts in the runs', async () => {
    const userId = await clientWithStopGoal(60)
    await logUse(userId, use({ substance: 'alcohol', amount: 1 }), new Date(NOW.getTime() - 45 * DAY))
    const [goal] = (await buildProgress(userId, 30)).milestones.stopGoals
    expect(goal?.lapses).toEqual([])
    expect(goal).toMatchObject({ daysSinceLastUse: 45, longestRun: 45, freeDays: 30 })
  })
})

describe('the lapse note', () => {
  it(`is optional, at most ${LAPSE_NOTE_MAX} characters`, () => {
    expect(trackingForms().UseSchema.safeParse({ substance: 'alcohol', amount: '1' }).success).toBe(true)
    const long = trackingForms().UseSchema.safeParse({ substance: 'alcohol', amount: '1', lapseNote: 'x'.repeat(281) })
    expect(long.success).toBe(false)
    expect(long.error?.issues[0]?.path).toEqual(['lapseNote'])
  })

  it('is saved, changed by an edit, and checked for self-harm words like any note', async () => {
    const user = await makeUser('client')
    const logged = await logUse(user.id, use({ substance: 'cannabis', amount: 1, lapseNote: 'I want to kill myself' }))
    expect(logged).toMatchObject({ ok: true, selfHarmWords: true })
    const id = logged.ok ? logged.id : ''
    const events = getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()
    expect(events.map((e) => [e.rule, e.source])).toEqual([['self-harm', 'text:use-note']])
    await updateUse(user.id, id, use({ substance: 'cannabis', amount: 1, lapseNote: 'Talked to Sam after.' }))
    const saved = getDb()
      .select()
      .from(useEntries)
      .where(and(eq(useEntries.id, id)))
      .get()
    expect(saved?.lapseNote).toBe('Talked to Sam after.')
  })

  it('is in the privacy export and the use-diary CSV', async () => {
    const user = await makeUser('client')
    await logUse(user.id, use({ substance: 'alcohol', amount: 3, lapseNote: 'Stress at work, "one" became five' }))
    const exported = (await exportUserData(user.id)) as { useDiary: Array<{ lapseNote: string | null }> }
    expect(exported.useDiary.map((e) => e.lapseNote)).toEqual(['Stress at work, "one" became five'])
    const [header, row] = (await trackingCsv(user.id, 'use-diary')).split('\r\n')
    expect(header?.split(',').at(-1)).toBe('what happened and what I learned')
    expect(row).toMatch(/,"Stress at work, ""one"" became five"$/)
  })
})
