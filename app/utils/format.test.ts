import { describe, expect, it } from 'vitest'
import { aboutClient, dayMonth, longDate, weekdayDate } from './format.ts'

describe('aboutClient', () => {
  it.each([
    ['Your drinking (AUDIT)', 'Drinking (AUDIT)'],
    ['Your mood (PHQ-9)', 'Mood (PHQ-9)'],
    ['How much you drink (AUDIT-C)', 'How much they drink (AUDIT-C)'],
    ['How much you depend on your main drug (SDS)', 'How much they depend on their main drug (SDS)'],
    ['Worry and anxiety (GAD-7)', 'Worry and anxiety (GAD-7)'],
    ['Youth services', 'Youth services'],
  ])('%s → %s', (title, said) => {
    expect(aboutClient(title)).toBe(said)
  })
})

describe('dates as people read them', () => {
  it('the house format: "5 Dec 2026", never 2026-12-05; the weekday where it helps', () => {
    expect(longDate('2026-12-05')).toBe('5 Dec 2026')
    expect(longDate('2026-01-31T23:59')).toBe('31 Jan 2026')
    expect(weekdayDate('2025-12-30')).toBe('Tue 30 Dec 2025')
    expect(weekdayDate('2026-11-30')).toBe('Mon 30 Nov 2026')
    expect(weekdayDate('2028-02-29')).toBe('Tue 29 Feb 2028')
    expect(dayMonth('2026-12-05')).toBe('5 Dec')
  })
})
