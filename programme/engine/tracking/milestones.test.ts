import { describe, expect, it } from 'vitest'
import { daysSinceLastUse, fillDays, riddenOutInARow, stopGoalRuns } from './milestones.ts'
import { dateRange } from './time.ts'

describe('daysSinceLastUse (stop goals)', () => {
  it('counts from the last use when it came after the goal began', () => {
    expect(daysSinceLastUse('2026-03-10', '2026-03-01', '2026-03-12')).toBe(2)
  })

  it('counts from the goal’s start when the last use came before it', () => {
    expect(daysSinceLastUse('2026-02-01', '2026-03-01', '2026-03-12')).toBe(11)
    expect(daysSinceLastUse(null, '2026-03-01', '2026-03-12')).toBe(11)
  })

  it('is 0 on the day of use or the day the goal starts, 1 the next day', () => {
    expect(daysSinceLastUse('2026-03-12', '2026-03-01', '2026-03-12')).toBe(0)
    expect(daysSinceLastUse(null, '2026-03-12', '2026-03-12')).toBe(0)
    expect(daysSinceLastUse(null, '2026-03-12', '2026-03-13')).toBe(1)
  })

  it('counts calendar days across a clock change and a year end', () => {
    expect(daysSinceLastUse('2026-03-28', '2026-01-01', '2026-03-30')).toBe(2)
    expect(daysSinceLastUse(null, '2025-12-31', '2026-01-02')).toBe(2)
  })

  it('never goes below 0 for a goal that starts later', () => {
    expect(daysSinceLastUse(null, '2026-03-20', '2026-03-12')).toBe(0)
  })

  it('refuses dates that are not dates', () => {
    expect(() => daysSinceLastUse('12/03/2026', '2026-03-01', '2026-03-12')).toThrow(RangeError)
    expect(() => daysSinceLastUse(null, '2026-03-01', 'today')).toThrow(RangeError)
  })
})

describe('riddenOutInARow (newest first)', () => {
  it('counts urges ridden out since the last one that ended in use', () => {
    expect(riddenOutInARow(['rode-out', 'rode-out', 'used', 'rode-out'])).toBe(2)
    expect(riddenOutInARow(['rode-out', 'rode-out', 'rode-out'])).toBe(3)
  })

  it('is 0 when the newest urge ended in use, or there are none', () => {
    expect(riddenOutInARow(['used', 'rode-out'])).toBe(0)
    expect(riddenOutInARow([])).toBe(0)
  })

  it('skips urges logged without an outcome', () => {
    expect(riddenOutInARow(['rode-out', null, 'rode-out', undefined, 'used'])).toBe(2)
  })
})

describe('fillDays (a row for every day of a chart)', () => {
  type Day = { date: string; units: number; noUse: boolean }
  const rows: Day[] = [
    { date: '2026-03-28', units: 4.5, noUse: false },
    { date: '2026-03-30', units: 0, noUse: true },
    { date: '2026-02-01', units: 9, noUse: false },
  ]
  const days = dateRange('2026-03-30', 4)

  it('fills missing days with an empty row, in the order of the dates', () => {
    expect(fillDays(rows, days, { units: 0, noUse: false })).toEqual([
      { date: '2026-03-27', units: 0, noUse: false },
      { date: '2026-03-28', units: 4.5, noUse: false },
      { date: '2026-03-29', units: 0, noUse: false },
      { date: '2026-03-30', units: 0, noUse: true },
    ])
  })

  it('takes a function for the empty row, and leaves out rows outside the dates', () => {
    const filled = fillDays(rows, days, (date) => ({ date, units: Number.NaN, noUse: false }))
    expect(filled.map((row) => row.date)).toEqual(days)
    expect(filled[0]?.units).toBeNaN()
  })

  it('refuses two rows for one day and rows without a date', () => {
    expect(() =>
      fillDays([...rows, { date: '2026-03-28', units: 1, noUse: false }], days, { units: 0, noUse: false }),
    ).toThrow(/Two rows for 2026-03-28/)
    expect(() => fillDays([{ date: '28 March', units: 1, noUse: false }], days, { units: 0, noUse: false })).toThrow(
      RangeError,
    )
  })
})

describe('stopGoalRuns (a lapse is not a reset, H-041)', () => {
  it('keeps the longest run and the free days after a lapse', () => {
    // Goal set 1 Nov; used on 12 Nov (10 whole days free before it), then nothing to 20 Nov.
    expect(stopGoalRuns(['2026-11-12'], '2026-11-01', '2026-11-20')).toEqual({
      current: 8,
      longest: 10,
      freeDays: 19,
      windowDays: 20,
    })
  })

  it('on the day of a lapse the current run is 0 but the longest and free days stay', () => {
    const runs = stopGoalRuns(['2026-11-20'], '2026-10-01', '2026-11-20')
    expect(runs.current).toBe(0)
    expect(runs.longest).toBe(49)
    expect(runs).toMatchObject({ freeDays: 29, windowDays: 30 })
  })

  it('counts the window as the last 30 days, today included; repeats and earlier use ignored', () => {
    const runs = stopGoalRuns(['2026-09-01', '2026-11-02', '2026-11-02', '2026-11-10'], '2026-10-01', '2026-11-20')
    expect(runs).toEqual({ current: 10, longest: 31, freeDays: 28, windowDays: 30 })
  })

  it('a goal set today: all zeros but one free day so far', () => {
    expect(stopGoalRuns([], '2026-11-20', '2026-11-20')).toEqual({ current: 0, longest: 0, freeDays: 1, windowDays: 1 })
  })

  it('use every day gives no run and no free days', () => {
    expect(stopGoalRuns(['2026-11-18', '2026-11-19', '2026-11-20'], '2026-11-18', '2026-11-20')).toEqual({
      current: 0,
      longest: 0,
      freeDays: 0,
      windowDays: 3,
    })
  })
})
