// Programme outcomes (issue 14): counts below 5 are never shown, nor any figure worked out from
// fewer than 5 clients; with 5 or more the figures are right. Only clients count.
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { assessmentResponses, assessments, moduleProgress, moduleVersions } from '#db/schema/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { figure, median, programmeOutcomes } from './outcomes.server.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = new Date('2026-06-01T09:00:00Z').getTime()

const version = getDb()
  .insert(moduleVersions)
  .values({ moduleId: 'saying-no', version: '1', hash: 'outcomes-test', definition: {} as never })
  .returning()
  .get()

/** A client who started saying-no, maybe finished it after `days`, with PHQ-9 totals at two check-ins. */
async function client(opts: { finishedAfterDays?: number; phq9?: [number, number]; role?: 'client' | 'clinician' }) {
  const user = await makeUser(opts.role ?? 'client')
  const startedAt = new Date(T0 + DAY)
  getDb()
    .insert(moduleProgress)
    .values({
      userId: user.id,
      moduleId: 'saying-no',
      moduleVersionId: version.id,
      state: { value: opts.finishedAfterDays === undefined ? 'intro' : 'finished', context: {} } as never,
      stepNumber: 1,
      stepTotal: 10,
      startedAt,
      updatedAt: startedAt,
      completedAt:
        opts.finishedAfterDays === undefined ? null : new Date(startedAt.getTime() + opts.finishedAfterDays * DAY),
    })
    .run()
  for (const [index, total] of (opts.phq9 ?? []).entries()) {
    const at = new Date(T0 + index * 30 * DAY)
    const sitting = getDb()
      .insert(assessments)
      .values({
        userId: user.id,
        contentVersion: 'x',
        substances: ['alcohol'],
        mainSubstance: 'alcohol',
        startedAt: at,
        completedAt: at,
      })
      .returning()
      .get()
    getDb()
      .insert(assessmentResponses)
      .values({
        assessmentId: sitting.id,
        userId: user.id,
        instrumentId: 'phq-9',
        instrumentVersion: '1',
        answers: {},
        total,
        completedAt: at,
      })
      .run()
  }
}

const sayingNo = async () => (await programmeOutcomes()).find((m) => m.moduleId === 'saying-no')
const phq9 = async () => (await sayingNo())?.scoreChanges.find((c) => c.instrumentId === 'phq-9')

describe('programme outcomes', () => {
  it('figure and median', () => {
    expect(figure(4, 4)).toEqual({ suppressed: true })
    expect(figure(0, 0)).toEqual({ suppressed: true })
    expect(figure(5, 5)).toEqual({ suppressed: false, value: 5 })
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('suppresses every count below 5 and every figure from fewer than 5 clients, then shows them from 5', async () => {
    // Four clients finished (PHQ-9 down by 4 each), one started only; staff do not count.
    for (let i = 0; i < 4; i++) await client({ finishedAfterDays: 2 + i, phq9: [15, 11] })
    await client({ phq9: [12, 12] })
    await client({ role: 'clinician', finishedAfterDays: 1, phq9: [20, 0] })

    let outcome = await sayingNo()
    expect(outcome?.starts).toEqual({ suppressed: false, value: 5 })
    expect(outcome?.completions).toEqual({ suppressed: true })
    expect(outcome?.medianDays).toEqual({ suppressed: true })
    let change = await phq9()
    expect(change?.did).toEqual({ clients: { suppressed: true }, medianChange: { suppressed: true } })
    expect(change?.didNot).toEqual({ clients: { suppressed: true }, medianChange: { suppressed: true } })
    // Nothing of the four (or the one) leaks anywhere in what a page would get.
    expect(JSON.stringify(outcome)).not.toMatch(/"value":(4|1|-4|0)\b/)

    // A fifth client finishes: now the figures about finishing are shown.
    await client({ finishedAfterDays: 6, phq9: [14, 10] })
    outcome = await sayingNo()
    expect(outcome?.starts).toEqual({ suppressed: false, value: 6 })
    expect(outcome?.completions).toEqual({ suppressed: false, value: 5 })
    expect(outcome?.medianDays).toEqual({ suppressed: false, value: 4 })
    change = await phq9()
    expect(change?.did).toEqual({
      clients: { suppressed: false, value: 5 },
      medianChange: { suppressed: false, value: -4 },
    })
    expect(change?.didNot.clients).toEqual({ suppressed: true })
    // Another module nobody started shows nothing but "fewer than 5".
    const other = (await programmeOutcomes()).find((m) => m.moduleId === 'solving-problems')
    expect(other).toMatchObject({ starts: { suppressed: true }, completions: { suppressed: true } })
  })
})
