// The results of a second check-in say what changed since the first (issue 16 item 8), the
// client's plan leads what is suggested (item 6), and a new check-in is never offered on a day
// whose check-in is done (item 5).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { unpinClock } from '#app/utils/clock.server.ts'
import { completeCheckIn as checkIn, highest, lowest } from '#tests/setup/check-in.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { compareCheckIns } from './changes.server.ts'
import { savePlanAreas } from './plan.server.ts'
import { checkInStatus, latestRecommendations, latestResults, reassessment } from './results.server.ts'

afterEach(() => {
  unpinClock()
  vi.unstubAllEnvs()
})

describe('what changed since the last check-in', () => {
  it('a first check-in has nothing to compare', async () => {
    const user = await makeUser()
    await checkIn(user.id, new Date('2026-11-02T10:00:00Z'), highest)
    expect((await latestResults(user.id))?.changes).toBeNull()
  })

  it('a second check-in says, in words, how each score and each area moved', async () => {
    const user = await makeUser()
    await checkIn(user.id, new Date('2026-11-02T10:00:00Z'), highest)
    await checkIn(user.id, new Date('2026-11-30T10:00:00Z'), lowest)
    const changes = (await latestResults(user.id))?.changes
    expect(changes?.previousDate).toBe('2026-11-02')
    const audit = changes?.scores.find((s) => s.instrumentId === 'audit')
    expect(audit).toMatchObject({ total: 0, previous: 40, direction: 'down' })
    expect(audit?.words).toBe('0 out of 40: down 40 from 40 (a good sign). Now Lower risk, was Possible dependence.')
    expect(changes?.scores.map((s) => s.instrumentId)).toEqual(['audit', 'audit-c', 'phq-9', 'gad-7'])
    expect(changes?.areas).toHaveLength(6)
    for (const area of changes?.areas ?? []) {
      expect(area.direction).toBe('down')
      expect(area.words).toMatch(/^Low need, was High need \(score 0, down 100 from 100\)\.$/)
    }
  })

  it('says "the same" and "up" in words too, and calls no move good or bad where we do not know', () => {
    const score = (instrumentId: string, total: number, band: string) => ({
      instrumentId,
      title: instrumentId,
      total,
      max: 27,
      band: { label: band },
    })
    const area = (total: number, label: string) => ({
      area: 'emotions',
      name: 'Emotions',
      score: total,
      band: { label },
    })
    const changes = compareCheckIns(
      {
        scores: [score('phq-9', 7, 'Mild'), score('gad-7', 5, 'Mild'), score('new', 3, 'A')],
        areas: [area(50, 'Some need')],
      },
      {
        scores: [score('phq-9', 12, 'Moderate'), score('gad-7', 5, 'Mild'), score('new', 9, 'A')],
        areas: [area(50, 'Some need')],
      },
    )
    expect(changes.scores.map((s) => s.words)).toEqual([
      '12 out of 27: up 5 from 7 (things may be harder). Now Moderate, was Mild.',
      '5 out of 27: the same as last time (5). Still Mild.',
      '9 out of 27: up 6 from 3. Still A.',
    ])
    expect(changes.areas[0]?.words).toBe('Some need, as before (score 50, the same).')
    // A fall that leaves the score in a severe band says so: never read as "fine now" (H-042).
    const fell = compareCheckIns(
      { scores: [score('phq-9', 24, 'Severe')], areas: [] },
      { scores: [score('phq-9', 21, 'Severe')], areas: [] },
    )
    expect(fell.scores[0]?.words).toBe('21 out of 27: down 3 from 24 (a good sign). Still Severe.')
  })
})

describe('the plan leads what is suggested', () => {
  it('after "Save my plan", the chosen areas come first, even one of low need', async () => {
    const user = await makeUser()
    // Physical (and everything else) at its highest, except Emotions, which is at its lowest.
    await checkIn(user.id, new Date('2026-11-02T10:00:00Z'), (id, values) =>
      id.startsWith('la-emotions-') ? Math.min(...values) : highest(id, values),
    )
    const before = await latestRecommendations(user.id)
    expect(before[0]?.reason).toMatch(/^Because you said/)
    await savePlanAreas(user.id, ['emotions'])
    const after = await latestRecommendations(user.id)
    expect(after[0]?.area).toBe('emotions')
    expect(after[0]?.reason).toBe('You chose to work on Emotions')
    expect((await latestResults(user.id))?.recommendations[0]?.area).toBe('emotions')
  })
})

describe('a new check-in is never offered on a day whose check-in is done', () => {
  it('even when a 25-hour day (the clocks going back) puts the next one "due" the same evening', async () => {
    vi.stubEnv('REASSESS_DAYS', '1')
    const user = await makeUser() // Europe/London: BST ends at 02:00 on Sunday 25 Oct 2026
    await checkIn(user.id, new Date('2026-10-24T23:30:00Z'), lowest) // 00:30 BST, 25 Oct
    const evening = new Date('2026-10-25T23:45:00Z') // 23:45 GMT, still 25 Oct, 24 h 15 min later
    expect((await reassessment(user.id, evening)).due).toBe(false)
    expect((await checkInStatus(user.id, evening)).due).toBe(false)
    // The next morning it is offered.
    expect((await checkInStatus(user.id, new Date('2026-10-26T08:00:00Z'))).due).toBe(true)
  })
})
