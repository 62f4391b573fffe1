import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../load.ts'
import { type ClientFacts, caseloadFlags, compareFlags, DAY_MS, type Flag, scopeOfSafetySource } from './flags.ts'

const NOW = new Date('2026-04-01T12:00:00Z')
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY_MS - ms)
const ALL = { assessments: true, modules: true, tracking: true, goals: true }
const NONE = { assessments: false, modules: false, tracking: false, goals: false }
const options = { now: NOW, safetyDays: 28 }

/** A client sharing everything, active yesterday, with nothing to flag. */
const facts = (extra: Partial<ClientFacts> = {}): ClientFacts => ({
  scopes: ALL,
  linkedAt: ago(60),
  lastActiveAt: ago(1),
  safetyEvents: [],
  urges: [],
  stopGoals: [],
  use: [],
  bandChanges: [],
  ...extra,
})
const ids = (extra: Partial<ClientFacts>) => caseloadFlags(facts(extra), options).map((flag) => flag.id)

describe('a client with nothing to flag', () => {
  it('has no flags', () => {
    expect(caseloadFlags(facts(), options)).toEqual([])
  })
})

describe('safety', () => {
  const event = (source: string, days: number, rule = 'self-harm') => ({ rule, source, at: ago(days) })

  it('flags a safety event in the last 28 days, in plain words', () => {
    const [flag] = caseloadFlags(facts({ safetyEvents: [event('assessment:phq-9', 3)] }), options)
    expect(flag).toEqual({
      id: 'safety',
      label: 'Safety concern',
      detail: 'In the last 28 days: thoughts of self-harm or of being better off dead in a check-in.',
    })
  })

  it('counts exactly 28 days ago but not a moment before, and follows the interval given', () => {
    expect(ids({ safetyEvents: [event('tracking:urge', 28, 'very-high-urge')] })).toEqual(['safety'])
    expect(ids({ safetyEvents: [{ ...event('tracking:urge', 28), at: ago(28, 1) }] })).toEqual([])
    const longer = caseloadFlags(facts({ safetyEvents: [event('tracking:urge', 40)] }), { now: NOW, safetyDays: 42 })
    expect(longer.map((flag) => flag.id)).toEqual(['safety'])
  })

  it('counts an event only when the scope its source belongs to is shared', () => {
    const events = [event('assessment:phq-9', 1), event('tracking:urge', 1), event('module:catching-thoughts', 1)]
    const only = (scope: keyof typeof ALL) => ({ ...NONE, [scope]: true })
    const detail = (scope: keyof typeof ALL) =>
      caseloadFlags(facts({ scopes: only(scope), safetyEvents: events }), options).find((f) => f.id === 'safety')
        ?.detail
    expect(detail('assessments')).toContain('in a check-in')
    expect(detail('assessments')).not.toMatch(/urge log|module/)
    expect(detail('tracking')).toContain('in their urge log')
    expect(detail('modules')).toContain('in a module')
    expect(detail('goals')).toBeUndefined()
    expect(ids({ scopes: NONE, safetyEvents: events })).not.toContain('safety')
  })

  it('never shows an event from a source it does not know', () => {
    expect(scopeOfSafetySource('assessment:audit')).toBe('assessments')
    expect(scopeOfSafetySource('module:saying-no:step')).toBe('modules')
    expect(scopeOfSafetySource('tracking:urge')).toBe('tracking')
    expect(scopeOfSafetySource('assessments:phq-9')).toBeNull()
    expect(ids({ safetyEvents: [event('import:old-system', 1)] })).toEqual([])
  })

  it('names each concern once', () => {
    const [flag] = caseloadFlags(
      facts({
        safetyEvents: [
          event('assessment:phq-9', 1),
          event('assessment:phq-9', 10),
          event('assessment:audit', 2, 'alcohol-dependence'),
        ],
      }),
      options,
    )
    expect(flag?.detail).toBe(
      'In the last 28 days: thoughts of self-harm or of being better off dead in a check-in; signs of alcohol dependence in a check-in.',
    )
  })
})

describe('strong urges', () => {
  const urge = (intensity: number, days: number, ms = 0) => ({ intensity, at: ago(days, ms) })

  it('flags urges of 9 or 10, not 8', () => {
    expect(ids({ urges: [urge(8, 1), urge(8, 2)] })).toEqual([])
    expect(ids({ urges: [urge(9, 1)] })).toEqual(['strong-urges'])
    const [flag] = caseloadFlags(facts({ urges: [urge(10, 1), urge(9, 6), urge(8, 2)] }), options)
    expect(flag?.detail).toBe('2 urges of 9 or 10 out of 10 in the last 7 days.')
  })

  it('counts exactly 7 days ago but not a moment before', () => {
    expect(ids({ urges: [urge(10, 7)] })).toEqual(['strong-urges'])
    expect(ids({ urges: [urge(10, 7, 1)] })).toEqual([])
  })

  it('needs tracking to be shared', () => {
    expect(ids({ scopes: { ...ALL, tracking: false }, urges: [urge(10, 1)] })).toEqual([])
  })
})

describe('use against a stop goal', () => {
  const goal = (substance: string | null, startedOn = '2026-03-01', status: 'active' | 'done' = 'active') => ({
    substance,
    status,
    startedOn,
  })
  const use = (substance: string | null, days: number, amount: number | null = 2, date = ago(days).toISOString()) => ({
    substance,
    amount,
    at: ago(days),
    date: date.slice(0, 10),
  })

  it('flags use of the goal’s substance in the last 7 days', () => {
    const [flag] = caseloadFlags(facts({ stopGoals: [goal('alcohol')], use: [use('alcohol', 2)] }), options)
    expect(flag).toEqual({
      id: 'use-against-stop-goal',
      label: 'Used while aiming to stop',
      detail: 'Logged use 1 time in the last 7 days (alcohol) while they have a goal to stop.',
    })
  })

  it('ignores other substances, "no use" rows and amounts of 0', () => {
    expect(ids({ stopGoals: [goal('alcohol')], use: [use('cannabis', 1)] })).toEqual([])
    expect(ids({ stopGoals: [goal('alcohol')], use: [use(null, 1, null), use('alcohol', 1, 0)] })).toEqual([])
  })

  it('takes any substance when the goal names none', () => {
    const [flag] = caseloadFlags(
      facts({ stopGoals: [goal(null)], use: [use('other', 1), use('cannabis', 3)] }),
      options,
    )
    expect(flag?.detail).toBe(
      'Logged use 2 times in the last 7 days (another drug, cannabis) while they have a goal to stop.',
    )
  })

  it('counts exactly 7 days ago but not a moment before', () => {
    expect(ids({ stopGoals: [goal('alcohol')], use: [use('alcohol', 7)] })).toEqual(['use-against-stop-goal'])
    expect(ids({ stopGoals: [goal('alcohol')], use: [{ ...use('alcohol', 7), at: ago(7, 1) }] })).toEqual([])
  })

  it('counts use on or after the day the goal was set, not before', () => {
    const day = ago(3).toISOString().slice(0, 10)
    expect(ids({ stopGoals: [goal('alcohol', day)], use: [use('alcohol', 3)] })).toEqual(['use-against-stop-goal'])
    expect(ids({ stopGoals: [goal('alcohol', day)], use: [use('alcohol', 4)] })).toEqual([])
  })

  it('needs an active goal', () => {
    expect(ids({ stopGoals: [goal('alcohol', '2026-03-01', 'done')], use: [use('alcohol', 1)] })).toEqual([])
  })

  it('needs both tracking and goals to be shared', () => {
    const both = { stopGoals: [goal('alcohol')], use: [use('alcohol', 1)] }
    expect(ids({ ...both, scopes: { ...ALL, goals: false } })).toEqual([])
    expect(ids({ ...both, scopes: { ...ALL, tracking: false } })).toEqual([])
  })
})

describe('worse band', () => {
  const phq9 = loadProgramme().instruments['phq-9']
  const bands = phq9?.bands ?? []
  const change = (previous: string | null, latest: string | null, list = bands) => ({
    title: 'Your mood (PHQ-9)',
    bands: list,
    previous,
    latest,
  })

  it('flags a band more severe than the one before', () => {
    const [flag] = caseloadFlags(facts({ bandChanges: [change('mild', 'moderate')] }), options)
    expect(flag).toEqual({
      id: 'worse-band',
      label: 'Worse score band',
      detail: 'Your mood (PHQ-9): Mild to Moderate.',
    })
  })

  it('does not flag the same band, a better one, a first score or an instrument without bands', () => {
    expect(ids({ bandChanges: [change('mild', 'mild')] })).toEqual([])
    expect(ids({ bandChanges: [change('severe', 'minimal')] })).toEqual([])
    expect(ids({ bandChanges: [change(null, 'severe')] })).toEqual([])
    expect(ids({ bandChanges: [change(null, null, [])] })).toEqual([])
    expect(ids({ bandChanges: [change('unknown', 'severe')] })).toEqual([])
  })

  it('needs assessments to be shared', () => {
    expect(ids({ scopes: { ...ALL, assessments: false }, bandChanges: [change('mild', 'severe')] })).toEqual([])
  })

  it('can trust the content: every instrument lists its bands mildest first', () => {
    const levels = ['none', 'low', 'moderate', 'high', 'severe']
    for (const instrument of Object.values(loadProgramme().instruments)) {
      const list = instrument.bands
      for (let i = 1; i < list.length; i++) {
        const [before, after] = [list[i - 1], list[i]]
        expect(after?.min, instrument.id).toBeGreaterThan(before?.max ?? Number.POSITIVE_INFINITY)
        expect(levels.indexOf(after?.level ?? ''), instrument.id).toBeGreaterThan(levels.indexOf(before?.level ?? ''))
      }
    }
  })
})

describe('inactive', () => {
  it('flags a client last active more than 14 days ago, not exactly 14', () => {
    expect(ids({ lastActiveAt: ago(14) })).toEqual([])
    const [flag] = caseloadFlags(facts({ lastActiveAt: ago(14, 1) }), options)
    expect(flag).toEqual({ id: 'inactive', label: 'Not active for 14 days', detail: 'Last active 14 days ago.' })
  })

  it('counts from the link when the client was never active', () => {
    expect(ids({ lastActiveAt: null, linkedAt: ago(14) })).toEqual([])
    const [flag] = caseloadFlags(facts({ lastActiveAt: null, linkedAt: ago(20) }), options)
    expect(flag?.detail).toBe('Not active since the link was made 20 days ago.')
  })

  it('applies whatever is shared', () => {
    expect(ids({ scopes: NONE, lastActiveAt: ago(30) })).toEqual(['inactive'])
  })
})

describe('order', () => {
  it('lists a client’s flags most serious first', () => {
    const all = ids({
      lastActiveAt: ago(20),
      bandChanges: [
        {
          title: 'X',
          bands: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          previous: 'a',
          latest: 'b',
        },
      ],
      stopGoals: [{ substance: null, status: 'active', startedOn: '2026-01-01' }],
      use: [{ substance: 'alcohol', amount: 1, at: ago(1), date: '2026-03-31' }],
      urges: [{ intensity: 10, at: ago(1) }],
      safetyEvents: [{ rule: 'self-harm', source: 'assessment:phq-9', at: ago(1) }],
    })
    expect(all).toEqual(['safety', 'strong-urges', 'use-against-stop-goal', 'worse-band', 'inactive'])
  })

  it('ranks clients: flagged first, then the most serious flag, then more flags', () => {
    const flag = (id: Flag['id']): Flag => ({ id, label: id, detail: '' })
    const safety = [flag('safety')]
    const many = [flag('strong-urges'), flag('worse-band'), flag('inactive')]
    const two = [flag('strong-urges'), flag('inactive')]
    const lists = [[], two, safety, many, [flag('inactive')]]
    expect(lists.sort(compareFlags)).toEqual([safety, many, two, [flag('inactive')], []])
    expect(compareFlags([], [])).toBe(0)
    expect(compareFlags(two, [flag('strong-urges'), flag('worse-band')])).toBe(0)
  })
})
