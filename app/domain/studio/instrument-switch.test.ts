// An admin switches an instrument off (issue 14, H-029): new check-ins leave it out, a check-in
// already under way keeps the pages it began with, and the instruments the programme or safety
// rests on are guarded.
import { afterEach, describe, expect, it } from 'vitest'
import { currentPage, pagesFor, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { disabledInstruments, instrumentStates, setInstrumentEnabled } from './instruments.server.ts'

afterEach(() => unpinClock())

const instrumentsOf = async (assessment: Parameters<typeof pagesFor>[0]) => [
  ...new Set((await pagesFor(assessment)).map((p) => p.instrumentId)),
]

describe('switching an instrument off', () => {
  it('new check-ins leave it out; one under way keeps its pages; switching on brings it back', async () => {
    const admin = await makeUser('admin')
    const t0 = new Date('2026-12-01T09:00:00Z')
    pinClock(t0)
    const early = await makeUser()
    const before = await startAssessment(early.id, { substances: ['alcohol'], main: 'alcohol' })
    if (!before) throw new Error('no sitting')
    expect(await instrumentsOf(before)).toContain('gad-7')

    pinClock(new Date(t0.getTime() + 60_000))
    expect(await setInstrumentEnabled(admin, 'gad-7', false)).toEqual({ ok: true })
    expect(await disabledInstruments()).toEqual(['gad-7'])
    expect((await instrumentStates()).find((i) => i.id === 'gad-7')?.enabled).toBe(false)

    pinClock(new Date(t0.getTime() + 120_000))
    const late = await makeUser()
    const after = await startAssessment(late.id, { substances: ['alcohol'], main: 'alcohol' })
    if (!after) throw new Error('no sitting')
    expect(await instrumentsOf(after)).not.toContain('gad-7')
    expect(await instrumentsOf(after)).toContain('phq-9')
    // The early sitting still has GAD-7 and the same number of pages.
    expect(await instrumentsOf(before)).toContain('gad-7')
    expect((await currentPage(before)).pageCount).toBe((await pagesFor(before)).length)

    pinClock(new Date(t0.getTime() + 180_000))
    expect(await setInstrumentEnabled(admin, 'gad-7', true)).toEqual({ ok: true })
    const again = await makeUser()
    const third = await startAssessment(again.id, { substances: ['alcohol'], main: 'alcohol' })
    if (!third) throw new Error('no sitting')
    expect(await instrumentsOf(third)).toContain('gad-7')
    // What was off when the late sitting began stays off for it.
    expect(await instrumentsOf(after)).not.toContain('gad-7')
  })

  it('guards the instruments that safety or the programme rest on', async () => {
    const admin = await makeUser('admin')
    const phq9 = await setInstrumentEnabled(admin, 'phq-9', false)
    expect(phq9).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('self-harm') })
    expect((await instrumentStates()).find((i) => i.id === 'phq-9')?.safetyRules).toEqual(['self-harm'])
    expect(await setInstrumentEnabled(admin, 'life-areas', false)).toMatchObject({ ok: false, status: 400 })
    expect(await setInstrumentEnabled(admin, 'audit-c', false)).toMatchObject({ ok: false, status: 400 })
    expect(await disabledInstruments()).not.toContain('phq-9')
    expect(await setInstrumentEnabled(admin, 'phq-9', false, { acknowledgeSafety: true })).toEqual({ ok: true })
    expect(await disabledInstruments()).toContain('phq-9')
    expect(await setInstrumentEnabled(admin, 'phq-9', true)).toEqual({ ok: true })
  })
})
