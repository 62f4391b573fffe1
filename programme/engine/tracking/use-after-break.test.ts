import { describe, expect, it } from 'vitest'
import { addDays } from './time.ts'
import { type BreakFacts, breakRiskSubstance, usedAfterBreak } from './use-after-break.ts'

const TODAY = '2026-12-05'
const day = (ago: number) => addDays(TODAY, -ago)
const use = (substance: string, ago: number, amount: number | null = 1) => ({ date: day(ago), substance, amount })
const noUse = (ago: number) => ({ date: day(ago), substance: null, amount: null })

const facts = (extra: Partial<BreakFacts> = {}): BreakFacts => ({
  entry: { substance: 'opioids', amount: 1, date: TODAY },
  diary: [],
  stopGoals: [],
  dependenceSigns: false,
  ...extra,
})

describe('use after a break, from the diary', () => {
  it('fires after a 3-day gap with diary rows in it', () => {
    expect(usedAfterBreak(facts({ diary: [use('opioids', 4), noUse(2)] }))).toBe('no-use-logged')
    // No earlier use at all: three days of "no use" are a break too.
    expect(usedAfterBreak(facts({ diary: [noUse(1)] }))).toBe('no-use-logged')
    // Use of something else is logging too.
    expect(usedAfterBreak(facts({ diary: [use('opioids', 9), use('cannabis', 3)] }))).toBe('no-use-logged')
  })

  it('does not fire after a 2-day gap', () => {
    expect(usedAfterBreak(facts({ diary: [use('opioids', 3), noUse(2), noUse(1)] }))).toBeNull()
  })

  it('does not fire on silence: no diary row in the gap', () => {
    expect(usedAfterBreak(facts({ diary: [use('opioids', 10), noUse(4)] }))).toBeNull()
    expect(usedAfterBreak(facts())).toBeNull()
  })

  it('does not fire again once the break has ended the same day', () => {
    expect(usedAfterBreak(facts({ diary: [use('opioids', 0), noUse(2)] }))).toBeNull()
  })

  it('counts use without an amount as use, and an amount of 0 as none', () => {
    expect(usedAfterBreak(facts({ diary: [use('opioids', 1, null), noUse(2)] }))).toBeNull()
    expect(usedAfterBreak(facts({ diary: [use('opioids', 1, 0), noUse(2)] }))).toBe('no-use-logged')
    expect(
      usedAfterBreak(facts({ entry: { substance: 'opioids', amount: 0, date: TODAY }, diary: [noUse(1)] })),
    ).toBeNull()
  })

  it('ignores rows dated after the entry (a back-dated entry)', () => {
    const entry = { substance: 'opioids', amount: 1, date: day(2) }
    expect(usedAfterBreak(facts({ entry, diary: [use('opioids', 1), noUse(3)] }))).toBe('no-use-logged')
  })
})

describe('use after a break, from a stop goal', () => {
  it('fires when the stop goal has a streak of 3 days, even with nothing logged', () => {
    expect(usedAfterBreak(facts({ stopGoals: [{ substance: 'opioids', startedOn: day(3) }] }))).toBe('stop-goal')
    expect(usedAfterBreak(facts({ stopGoals: [{ substance: null, startedOn: day(5) }] }))).toBe('stop-goal')
  })

  it('does not fire for a streak of 2 days, or a goal for another substance', () => {
    expect(usedAfterBreak(facts({ stopGoals: [{ substance: 'opioids', startedOn: day(2) }] }))).toBeNull()
    const since = { stopGoals: [{ substance: 'opioids', startedOn: day(20) }], diary: [use('opioids', 2)] }
    expect(usedAfterBreak(facts(since))).toBeNull()
    expect(usedAfterBreak(facts({ stopGoals: [{ substance: 'alcohol', startedOn: day(9) }] }))).toBeNull()
  })

  it('a goal for everything: its streak ends with use of anything', () => {
    const goal = { substance: null, startedOn: day(20) }
    // Cannabis yesterday breaks the goal's streak; the diary rule still fires (no opioids in 3 logged days).
    expect(usedAfterBreak(facts({ stopGoals: [goal], diary: [use('cannabis', 1)] }))).toBe('no-use-logged')
    expect(usedAfterBreak(facts({ stopGoals: [goal], diary: [use('cannabis', 1), use('opioids', 3)] }))).toBeNull()
    expect(usedAfterBreak(facts({ stopGoals: [goal], diary: [use('cannabis', 4)] }))).toBe('stop-goal')
  })
})

describe('which substances', () => {
  const gap = { diary: [noUse(1)] }
  const of = (substance: string, dependenceSigns: boolean | null = false) =>
    usedAfterBreak(facts({ ...gap, entry: { substance, amount: 2, date: TODAY }, dependenceSigns }))

  it('fires for opioids, benzodiazepines and another drug', () => {
    expect(of('opioids')).toBe('no-use-logged')
    expect(of('benzodiazepines')).toBe('no-use-logged')
    expect(of('other')).toBe('no-use-logged')
  })

  it('fires for alcohol only with dependence signs, or when we do not know', () => {
    expect(of('alcohol', false)).toBeNull()
    expect(of('alcohol', true)).toBe('no-use-logged')
    expect(of('alcohol', null)).toBe('no-use-logged')
  })

  it('does not fire for cannabis or stimulants, or a "no use" row', () => {
    expect(of('cannabis', true)).toBeNull()
    expect(of('stimulants', true)).toBeNull()
    expect(breakRiskSubstance(null, true)).toBe(false)
  })
})
