import { describe, expect, it } from 'vitest'
import { loadProgramme } from './load.ts'
import { againstWeeklyGuideline, UK_WEEKLY_UNIT_GUIDELINE, weeklyUnitsRange } from './norms.ts'

const programme = loadProgramme()

describe('weeklyUnitsRange (AUDIT items 1 and 2, UK form answer limits)', () => {
  it.each([
    // [audit-1 value, audit-2 value, min, max]
    [3, 2, 10, 18], // 2 to 3 times per week × 5 to 6 units
    [4, 1, 12, 28], // 4 times or more per week (at most 7 days) × 3 to 4 units
    [4, 4, 40, null], // × 10 or more: no upper limit
    [2, 1, 1, 4], // 2 to 4 times per month × 3 to 4 = 1.4 to 3.7 a week, widened to whole units
    [1, 0, 0, 1], // monthly or less × 0 to 2
  ])('audit-1 = %i, audit-2 = %i gives %i to %s units a week', (frequency, quantity, min, max) => {
    expect(weeklyUnitsRange(programme, { 'audit-1': frequency, 'audit-2': quantity })).toEqual({ min, max })
  })

  it('is 0 for someone who never drinks, even without item 2', () => {
    expect(weeklyUnitsRange(programme, { 'audit-1': 0 })).toEqual({ min: 0, max: 0 })
  })

  it('is null until there are alcohol answers to go on', () => {
    expect(weeklyUnitsRange(programme, {})).toBeNull()
    expect(weeklyUnitsRange(programme, { 'audit-1': 3 })).toBeNull()
  })
})

describe('UK weekly guideline (UK CMOs’ Low Risk Drinking Guidelines, 2016)', () => {
  it('is 14 units, the same figure as the cited content entry', () => {
    expect(UK_WEEKLY_UNIT_GUIDELINE).toBe(14)
    expect(programme.norms['uk-weekly-units']).toMatchObject({ value: 14, unit: 'UK units a week' })
    expect(programme.norms['uk-weekly-units']?.source).toMatch(/Chief Medical Officers.*2016/)
  })

  it.each([
    [{ min: 1, max: 4 }, 'within'],
    [{ min: 7, max: 14 }, 'within'],
    [{ min: 10, max: 18 }, 'may-be-above'],
    [{ min: 10, max: null }, 'may-be-above'],
    [{ min: 14, max: 28 }, 'may-be-above'],
    [{ min: 15, max: 28 }, 'above'],
    [{ min: 40, max: null }, 'above'],
  ] as const)('%o is %s', (range, verdict) => {
    expect(againstWeeklyGuideline(range)).toBe(verdict)
  })
})
