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
  timeZone: 'Europe/London',
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

describe('safety events', () => {
  const event = (source: string, days: number, rule = 'self-harm', ms = 0) => ({ rule, source, at: ago(days, ms) })

  it('names the kind, where and the local date, in plain words', () => {
    const [flag] = caseloadFlags(facts({ safetyEvents: [event('assessment:phq-9', 3)] }), options)
    expect(flag).toEqual({
      id: 'self-harm',
      label: 'Self-harm thoughts (check-in, 29 Mar)',
      detail:
        'Thoughts of self-harm or of being better off dead: 1 time in the last 28 days, the latest in their check-in on 29 Mar.',
      at: ago(3).getTime(),
    })
  })

  it('words each kind of event by its rule and source', () => {
    const label = (source: string, rule: string) =>
      caseloadFlags(facts({ safetyEvents: [event(source, 1, rule)] }), options)[0]?.label
    expect(label('module:coping-with-feelings', 'self-harm')).toBe('Self-harm thoughts (module, 31 Mar)')
    expect(label('text:urge-note', 'self-harm')).toBe('Self-harm words (urge note, 31 Mar)')
    expect(label('text:use-note', 'self-harm')).toBe('Self-harm words (use note, 31 Mar)')
    expect(label('text:goal-note', 'self-harm')).toBe('Self-harm words (goal note, 31 Mar)')
    expect(label('text:module:catching-thoughts', 'self-harm')).toBe('Self-harm words (module, 31 Mar)')
    expect(label('assessment:audit', 'alcohol-dependence')).toBe('Alcohol dependence signs (check-in, 31 Mar)')
    expect(label('tracking:use', 'use-after-break')).toBe('Use after a break (use diary, 31 Mar)')
    expect(label('tracking:urge', 'very-high-urge')).toBe('Strong urge (urge log, 31 Mar)')
    expect(label('tracking:use', 'mixing')).toBe('Mixing drugs (use diary, 31 Mar)')
    expect(label('assessment:x', 'new-rule')).toBe('Safety alert: new-rule (check-in, 31 Mar)')
  })

  it('dates by the client’s own calendar', () => {
    // 23:30 in London on 31 March is already 1 April in Auckland.
    const late = { rule: 'self-harm', source: 'assessment:phq-9', at: new Date('2026-03-31T22:30:00Z') }
    const label = (timeZone: string) => caseloadFlags(facts({ timeZone, safetyEvents: [late] }), options)[0]?.label
    expect(label('Europe/London')).toBe('Self-harm thoughts (check-in, 31 Mar)')
    expect(label('Pacific/Auckland')).toBe('Self-harm thoughts (check-in, 1 Apr)')
  })

  it('counts exactly 28 days ago but not a moment before, and follows the interval given', () => {
    expect(ids({ safetyEvents: [event('tracking:urge', 28, 'very-high-urge')] })).toEqual(['strong-urge'])
    expect(ids({ safetyEvents: [event('tracking:urge', 28, 'very-high-urge', 1)] })).toEqual([])
    const longer = caseloadFlags(facts({ safetyEvents: [event('assessment:phq-9', 40)] }), {
      now: NOW,
      safetyDays: 42,
    })
    expect(longer.map((flag) => flag.id)).toEqual(['self-harm'])
  })

  it('counts an event only when the scope its source belongs to is shared', () => {
    const events = [
      event('assessment:phq-9', 1),
      event('text:urge-note', 1),
      event('tracking:use', 1, 'use-after-break'),
      event('module:catching-thoughts', 2),
    ]
    const only = (scope: keyof typeof ALL) => ({ ...NONE, [scope]: true })
    const shown = (scope: keyof typeof ALL) => ids({ scopes: only(scope), safetyEvents: events })
    // Self-harm words in free text are shared as assessments are, wherever they were written.
    expect(shown('assessments')).toEqual(['self-harm', 'self-harm-words'])
    expect(shown('tracking')).toEqual(['use-after-break'])
    expect(shown('modules')).toEqual(['self-harm'])
    expect(caseloadFlags(facts({ scopes: only('modules'), safetyEvents: events }), options)[0]?.label).toBe(
      'Self-harm thoughts (module, 30 Mar)',
    )
    expect(shown('goals')).toEqual([])
    expect(ids({ scopes: NONE, safetyEvents: events })).toEqual([])
  })

  it('never shows an event from a source it does not know', () => {
    expect(scopeOfSafetySource('assessment:audit')).toBe('assessments')
    expect(scopeOfSafetySource('module:saying-no:step')).toBe('modules')
    expect(scopeOfSafetySource('tracking:urge')).toBe('tracking')
    expect(scopeOfSafetySource('tracking:use')).toBe('tracking')
    expect(scopeOfSafetySource('text:urge-note')).toBe('assessments')
    expect(scopeOfSafetySource('text:module:catching-thoughts')).toBe('assessments')
    expect(scopeOfSafetySource('assessments:phq-9')).toBeNull()
    expect(ids({ safetyEvents: [event('import:old-system', 1)] })).toEqual([])
  })

  it('gives one flag per kind, named by its newest event', () => {
    const flags = caseloadFlags(
      facts({
        safetyEvents: [
          event('assessment:phq-9', 10),
          event('module:coping-with-feelings', 1),
          event('assessment:audit', 2, 'alcohol-dependence'),
        ],
      }),
      options,
    )
    expect(flags.map((flag) => flag.label)).toEqual([
      'Self-harm thoughts (module, 31 Mar)',
      'Alcohol dependence signs (check-in, 30 Mar)',
    ])
    expect(flags[0]?.detail).toBe(
      'Thoughts of self-harm or of being better off dead: 2 times in the last 28 days, the latest in their module on 31 Mar.',
    )
  })
})

describe('strong urges', () => {
  const urge = (intensity: number, days: number, ms = 0) => ({ intensity, at: ago(days, ms) })

  it('flags urges of 9 or 10, not 8', () => {
    expect(ids({ urges: [urge(8, 1), urge(8, 2)] })).toEqual([])
    expect(ids({ urges: [urge(9, 1)] })).toEqual(['strong-urge'])
    const [flag] = caseloadFlags(facts({ urges: [urge(9, 1), urge(10, 6), urge(8, 2)] }), options)
    expect(flag).toEqual({
      id: 'strong-urge',
      label: 'Strong urge 10/10 (26 Mar)',
      detail: '2 urges of 9 or 10 out of 10 in the last 7 days.',
      at: ago(1).getTime(),
    })
  })

  it('counts exactly 7 days ago but not a moment before', () => {
    expect(ids({ urges: [urge(10, 7)] })).toEqual(['strong-urge'])
    expect(ids({ urges: [urge(10, 7, 1)] })).toEqual([])
  })

  it('needs tracking to be shared', () => {
    expect(ids({ scopes: { ...ALL, tracking: false }, urges: [urge(10, 1)] })).toEqual([])
  })

  it('is one flag with the urge’s own safety event, saying how strong', () => {
    const flags = caseloadFlags(
      facts({ urges: [urge(10, 1)], safetyEvents: [{ rule: 'very-high-urge', source: 'tracking:urge', at: ago(1) }] }),
      options,
    )
    expect(flags.map((flag) => flag.label)).toEqual(['Strong urge 10/10 (31 Mar)'])
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
      label: 'Use against a stop goal (30 Mar)',
      detail: 'Logged use 1 time in the last 7 days (alcohol) while they have a goal to stop.',
      at: ago(2).getTime(),
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
    latestAt: ago(5),
  })

  it('flags a band more severe than the one before', () => {
    const [flag] = caseloadFlags(facts({ bandChanges: [change('mild', 'moderate')] }), options)
    expect(flag).toEqual({
      id: 'worse-score',
      label: 'Worse score (PHQ-9, 27 Mar)',
      detail: 'Your mood (PHQ-9): Mild to Moderate.',
      at: ago(5).getTime(),
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
    expect(flag).toEqual({
      id: 'no-activity',
      label: 'No activity (last active 18 Mar)',
      detail: 'Last active 14 days ago.',
      at: ago(14, 1).getTime(),
    })
  })

  it('counts from the link when the client was never active', () => {
    expect(ids({ lastActiveAt: null, linkedAt: ago(14) })).toEqual([])
    const [flag] = caseloadFlags(facts({ lastActiveAt: null, linkedAt: ago(20) }), options)
    expect(flag?.label).toBe('No activity (linked 12 Mar)')
    expect(flag?.detail).toBe('Not active since the link was made 20 days ago.')
  })

  it('applies whatever is shared', () => {
    expect(ids({ scopes: NONE, lastActiveAt: ago(30) })).toEqual(['no-activity'])
  })
})

describe('order', () => {
  it('lists a client’s flags self-harm first, then the newest first', () => {
    const flags = caseloadFlags(
      facts({
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
            latestAt: ago(2),
          },
        ],
        stopGoals: [{ substance: null, status: 'active', startedOn: '2026-01-01' }],
        use: [{ substance: 'alcohol', amount: 1, at: ago(3), date: '2026-03-29' }],
        urges: [{ intensity: 10, at: ago(1) }],
        safetyEvents: [
          { rule: 'self-harm', source: 'assessment:phq-9', at: ago(6) },
          { rule: 'alcohol-dependence', source: 'assessment:audit', at: ago(0, 1) },
        ],
      }),
      options,
    )
    expect(flags.map((flag) => flag.id)).toEqual([
      'self-harm',
      'alcohol-dependence',
      'strong-urge',
      'worse-score',
      'use-against-stop-goal',
      'no-activity',
    ])
  })

  const flag = (id: Flag['id'], days: number): Flag => ({ id, label: id, detail: '', at: ago(days).getTime() })

  it('ranks a client with self-harm thoughts today above clients with only dependence signs', () => {
    // The case: self-harm reported today was listed below two dependence-only clients.
    const harm = caseloadFlags(
      facts({ safetyEvents: [{ rule: 'self-harm', source: 'assessment:phq-9', at: ago(0) }] }),
      options,
    )
    const dependence = (days: number) =>
      caseloadFlags(
        facts({
          safetyEvents: [{ rule: 'alcohol-dependence', source: 'assessment:audit', at: ago(days) }],
          urges: [{ intensity: 9, at: ago(days) }],
        }),
        options,
      )
    const lists = [dependence(1), dependence(0), harm]
    expect(lists.sort(compareFlags)[0]).toBe(harm)
    // Self-harm words in free text rank as self-harm too, however old.
    expect(compareFlags([flag('self-harm-words', 20)], [flag('use-after-break', 0)])).toBeLessThan(0)
  })

  it('ranks clients: flagged first, then by their first flag (self-harm, then newest), then more flags', () => {
    const harm = [flag('self-harm', 9)]
    const recent = [flag('strong-urge', 1), flag('worse-score', 3), flag('no-activity', 20)]
    const older = [flag('use-against-stop-goal', 2), flag('no-activity', 20)]
    const quiet = [flag('no-activity', 20)]
    const lists = [[], older, harm, recent, quiet]
    expect(lists.sort(compareFlags)).toEqual([harm, recent, older, quiet, []])
    expect(compareFlags([], [])).toBe(0)
    expect(compareFlags(older, [flag('use-against-stop-goal', 2), flag('worse-score', 4)])).toBe(0)
  })
})
