import { describe, expect, it } from 'vitest'
import { SUBSTANCE_IDS } from '../schema/battery.schema.ts'
import { GoalTypeSchema } from '../schema/module.schema.ts'
import { checkInNotices, goalNotice, urgeNeedsOverdoseAdvice } from './substance-safety.ts'

describe('the overdose-after-a-break advice on a very strong urge', () => {
  it('shows for opioids, benzodiazepines and other drugs, and when we do not know', () => {
    expect(urgeNeedsOverdoseAdvice(null)).toBe(true)
    for (const s of ['opioids', 'benzodiazepines', 'other']) expect(urgeNeedsOverdoseAdvice(['alcohol', s])).toBe(true)
  })

  it('does not show for alcohol, cannabis or stimulants alone', () => {
    expect(urgeNeedsOverdoseAdvice(['alcohol', 'cannabis', 'stimulants'])).toBe(false)
    expect(urgeNeedsOverdoseAdvice([])).toBe(false)
  })

  it('shows when the urge records use of a depressant the client did not name', () => {
    expect(urgeNeedsOverdoseAdvice(['alcohol'], 'opioids')).toBe(true)
    expect(urgeNeedsOverdoseAdvice(['alcohol'], 'benzodiazepines')).toBe(true)
    expect(urgeNeedsOverdoseAdvice(['alcohol'], 'cannabis')).toBe(false)
    expect(urgeNeedsOverdoseAdvice(['alcohol'], null)).toBe(false)
  })
})

describe('goal warnings', () => {
  it('a benzodiazepine cut-down goal gets the taper warning, as a stop goal does', () => {
    expect(goalNotice({ type: 'cut-down', substance: 'benzodiazepines' }, false)).toBe('sedative-taper')
    expect(goalNotice({ type: 'stop', substance: 'benzodiazepines' }, false)).toBe('sedative-taper')
  })

  it('an alcohol cut-down goal gets the withdrawal warning with dependence signs or when we do not know', () => {
    for (const type of ['cut-down', 'stop'] as const) {
      expect(goalNotice({ type, substance: 'alcohol' }, true)).toBe('alcohol-withdrawal')
      expect(goalNotice({ type, substance: 'alcohol' }, null)).toBe('alcohol-withdrawal')
      expect(goalNotice({ type, substance: 'alcohol' }, false)).toBeNull()
    }
  })

  it('opioid cut-down and stop goals get the overdose warning; other goals get none', () => {
    expect(goalNotice({ type: 'cut-down', substance: 'opioids' }, null)).toBe('overdose-after-a-break')
    expect(goalNotice({ type: 'stop', substance: 'opioids' }, null)).toBe('overdose-after-a-break')
    for (const type of GoalTypeSchema.options.filter((t) => t !== 'stop' && t !== 'cut-down'))
      for (const substance of SUBSTANCE_IDS) expect(goalNotice({ type, substance }, true)).toBeNull()
    for (const substance of ['cannabis', 'stimulants', 'other'] as const)
      expect(goalNotice({ type: 'stop', substance }, true)).toBeNull()
  })
})

describe('the warnings on the check-in results', () => {
  it('name every substance warning the client’s answers call for', () => {
    expect(checkInNotices(['opioids'], [])).toEqual(['overdose-after-a-break'])
    expect(checkInNotices(['benzodiazepines'], [])).toEqual(['sedative-taper'])
    expect(checkInNotices(['alcohol', 'opioids', 'benzodiazepines'], ['alcohol-dependence', 'self-harm'])).toEqual([
      'alcohol-withdrawal',
      'overdose-after-a-break',
      'sedative-taper',
    ])
  })

  it('alcohol alone shows its warning only with dependence signs; other drugs show none', () => {
    expect(checkInNotices(['alcohol'], [])).toEqual([])
    expect(checkInNotices(['cannabis', 'stimulants', 'other'], [])).toEqual([])
  })
})
