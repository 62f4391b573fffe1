import { describe, expect, it } from 'vitest'
import { loadProgramme } from './load.ts'
import { deriveAuditC, safetyRulesFired, scoreInstrument, scoreRange, validateAnswer } from './scoring.ts'
import { allAnswered, answersFor } from './test-support.ts'

const programme = loadProgramme()
const instrument = (id: string) => {
  const found = programme.instruments[id]
  if (!found) throw new Error(`no ${id}`)
  return found
}

/** Expected bands written out from CLINICAL.md and each instrument's source, not read from the content. */
const BOUNDARIES: Record<string, Array<[total: number, band: string]>> = {
  // Kroenke, Spitzer & Williams 2001: 5, 10, 15, 20 = mild, moderate, moderately severe, severe.
  'phq-9': [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ],
  // Spitzer et al. 2006: 5, 10, 15 = mild, moderate, severe.
  'gad-7': [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ],
  // Babor et al. 2001 risk zones, with PHE's UK names.
  audit: [
    [0, 'lower-risk'],
    [7, 'lower-risk'],
    [8, 'increasing-risk'],
    [15, 'increasing-risk'],
    [16, 'higher-risk'],
    [19, 'higher-risk'],
    [20, 'possible-dependence'],
    [40, 'possible-dependence'],
  ],
  // PHE AUDIT-C: a total of 5+ is positive.
  'audit-c': [
    [0, 'lower-risk'],
    [4, 'lower-risk'],
    [5, 'positive'],
    [12, 'positive'],
  ],
  // Skinner 1982, DAST-10 interpretation: 0 / 1–2 / 3–5 / 6–8 / 9–10.
  'dast-10': [
    [0, 'none'],
    [1, 'low'],
    [2, 'low'],
    [3, 'moderate'],
    [5, 'moderate'],
    [6, 'substantial'],
    [8, 'substantial'],
    [9, 'severe'],
    [10, 'severe'],
  ],
}

describe('items and option scores as published', () => {
  it.each([
    // [id, items, lowest total, highest total]: CLINICAL.md's table, from each instrument's source.
    ['audit', 10, 0, 40],
    ['audit-c', 3, 0, 12],
    ['dast-10', 10, 0, 10],
    ['sds', 5, 0, 15],
    ['phq-9', 9, 0, 27],
    ['gad-7', 7, 0, 21],
  ])('%s has %i items scoring %i to %i', (id, count, min, max) => {
    expect(instrument(id).items).toHaveLength(count)
    expect(scoreRange(instrument(id))).toEqual({ min, max })
  })

  it('AUDIT items 1–8 score 0–4 and items 9–10 score 0, 2 or 4 (Babor et al. 2001)', () => {
    const values = instrument('audit').items.map((item) => item.options.map((option) => option.value))
    for (const itemValues of values.slice(0, 8)) expect(itemValues).toEqual([0, 1, 2, 3, 4])
    for (const itemValues of values.slice(8)) expect(itemValues).toEqual([0, 2, 4])
  })

  it('PHQ-9 and GAD-7 options are Not at all 0 … Nearly every day 3 (Kroenke 2001; Spitzer 2006)', () => {
    for (const id of ['phq-9', 'gad-7']) {
      for (const item of instrument(id).items) {
        expect(item.options).toEqual([
          { label: 'Not at all', value: 0 },
          { label: 'Several days', value: 1 },
          { label: 'More than half the days', value: 2 },
          { label: 'Nearly every day', value: 3 },
        ])
      }
    }
  })

  it('AUDIT uses the UK units wording (PHE AUDIT form)', () => {
    const [, item2, item3] = instrument('audit').items
    expect(item2?.text).toBe('How many units of alcohol do you drink on a typical day when you are drinking?')
    expect(item2?.options.map((option) => option.label)).toEqual(['0 to 2', '3 to 4', '5 to 6', '7 to 9', '10 or more'])
    expect(item3?.text).toBe(
      'How often have you had 6 or more units if female, or 8 or more if male, on a single occasion in the last year?',
    )
    expect(instrument('audit').bands.map((band) => band.label)).toEqual([
      'Lower risk',
      'Increasing risk',
      'Higher risk',
      'Possible dependence',
    ])
  })
})

describe('bands on both sides of every cut-off', () => {
  for (const [id, cases] of Object.entries(BOUNDARIES)) {
    it.each(cases)(`${id}: a total of %i is %s`, (total, band) => {
      const score = scoreInstrument(instrument(id), answersFor(instrument(id), total))
      expect(score).toMatchObject({ total, complete: true, band: { id: band } })
    })
  }

  it('SDS has no bands: the score is shown without a cut-off (CLINICAL.md; Gossop et al. 1995)', () => {
    expect(scoreInstrument(instrument('sds'), answersFor(instrument('sds'), 15))).toEqual({
      total: 15,
      band: null,
      complete: true,
    })
  })
})

describe('scoreInstrument', () => {
  it('PHQ-9 worked example: "Several days" on all nine items totals 9, mild (Kroenke et al. 2001 scoring)', () => {
    expect(scoreInstrument(instrument('phq-9'), allAnswered(instrument('phq-9'), 1))).toMatchObject({
      total: 9,
      band: { id: 'mild' },
    })
  })

  it('AUDIT worked example: answers 3,2,1,0,0,0,0,0 and 2,4 on items 9–10 total 12 (Babor et al. 2001 scoring)', () => {
    const values = [3, 2, 1, 0, 0, 0, 0, 0, 2, 4]
    const answers = Object.fromEntries(instrument('audit').items.map((item, index) => [item.id, values[index] ?? 0]))
    expect(scoreInstrument(instrument('audit'), answers)).toMatchObject({ total: 12, band: { id: 'increasing-risk' } })
  })

  it('DAST-10 reverse-scores item 3: "No" to every item scores 1, "Yes" to every item scores 9 (Skinner 1982)', () => {
    const dast = instrument('dast-10')
    expect(dast.scoring.reverse).toEqual(['dast-10-3'])
    expect(dast.items[2]?.options).toEqual([
      { label: 'Yes', value: 1 },
      { label: 'No', value: 0 },
    ])
    expect(scoreInstrument(dast, allAnswered(dast, 0))).toMatchObject({ total: 1, band: { id: 'low' } })
    expect(scoreInstrument(dast, allAnswered(dast, 1))).toMatchObject({ total: 9, band: { id: 'severe' } })
    expect(scoreInstrument(dast, { ...allAnswered(dast, 0), 'dast-10-3': 1 })).toMatchObject({
      total: 0,
      band: { id: 'none' },
    })
  })

  it('gives no band until every item is answered', () => {
    expect(scoreInstrument(instrument('phq-9'), { 'phq-9-1': 3, 'phq-9-2': 3 })).toEqual({
      total: 6,
      band: null,
      complete: false,
    })
  })

  it('has no total for the readiness ruler or the life-area check', () => {
    expect(scoreInstrument(instrument('readiness'), allAnswered(instrument('readiness'), 7))).toEqual({
      total: 0,
      band: null,
      complete: true,
    })
    expect(scoreInstrument(instrument('life-areas'), {})).toEqual({ total: 0, band: null, complete: false })
  })

  it('throws on an answer that is not one of the item’s options', () => {
    expect(() => scoreInstrument(instrument('phq-9'), { 'phq-9-1': 4 })).toThrow(RangeError)
    expect(() => scoreInstrument(instrument('audit'), { 'audit-9': 1 })).toThrow(RangeError)
  })
})

describe('validateAnswer', () => {
  it('accepts only the item’s option values', () => {
    expect(validateAnswer(instrument('audit'), 'audit-9', 2)).toBe(true)
    expect(validateAnswer(instrument('audit'), 'audit-9', 1)).toBe(false)
    expect(validateAnswer(instrument('phq-9'), 'phq-9-9', 3)).toBe(true)
    expect(validateAnswer(instrument('phq-9'), 'phq-9-9', -1)).toBe(false)
    expect(validateAnswer(instrument('phq-9'), 'phq-9-10', 0)).toBe(false)
    expect(validateAnswer(instrument('readiness'), 'readiness-confidence', 10)).toBe(true)
  })
})

describe('deriveAuditC', () => {
  it('takes AUDIT items 1–3: 2–3 times a week, 5–6 units, monthly 6+/8+ units totals 7, positive (PHE AUDIT-C: 5+)', () => {
    const audit = { ...allAnswered(instrument('audit'), 0), 'audit-1': 3, 'audit-2': 2, 'audit-3': 2, 'audit-4': 4 }
    expect(deriveAuditC(programme, audit)).toMatchObject({
      answers: { 'audit-1': 3, 'audit-2': 2, 'audit-3': 2 },
      total: 7,
      band: { id: 'positive' },
    })
  })

  it('is lower risk at 4 (PHE AUDIT-C: less than 5)', () => {
    expect(deriveAuditC(programme, { 'audit-1': 2, 'audit-2': 1, 'audit-3': 1 })).toMatchObject({
      total: 4,
      band: { id: 'lower-risk' },
    })
  })

  it('has no band until all three are answered', () => {
    expect(deriveAuditC(programme, { 'audit-1': 4, 'audit-2': 4 })).toEqual({
      answers: { 'audit-1': 4, 'audit-2': 4 },
      total: 8,
      band: null,
    })
  })
})

describe('safety triggers (CLINICAL.md)', () => {
  const phq9 = instrument('phq-9')
  const audit = instrument('audit')
  const auditOf = (values: Record<string, number>) => ({ ...allAnswered(audit, 0), ...values })
  // 19 without morning or daily drinking: 3 + 4 + 4 + 4 + 4.
  const nineteen = auditOf({ 'audit-1': 3, 'audit-2': 4, 'audit-3': 4, 'audit-4': 4, 'audit-5': 4 })

  it('PHQ-9 item 9 at 0 fires nothing; at 1 fires self-harm', () => {
    const answers = allAnswered(phq9, 3)
    expect(safetyRulesFired(phq9, { ...answers, 'phq-9-9': 0 }, 24)).toEqual([])
    expect(safetyRulesFired(phq9, { ...answers, 'phq-9-9': 1 }, 25)).toEqual(['self-harm'])
    expect(safetyRulesFired(phq9, { 'phq-9-9': 1 }, null)).toEqual(['self-harm'])
  })

  it('AUDIT 19 fires nothing; 20 fires alcohol-dependence', () => {
    expect(scoreInstrument(audit, nineteen).total).toBe(19)
    expect(safetyRulesFired(audit, nineteen, 19)).toEqual([])
    const twenty = { ...nineteen, 'audit-7': 1 }
    expect(scoreInstrument(audit, twenty).total).toBe(20)
    expect(safetyRulesFired(audit, twenty, 20)).toEqual(['alcohol-dependence'])
  })

  it('a total rule does not fire without a total', () => {
    expect(safetyRulesFired(audit, nineteen, null)).toEqual([])
    expect(safetyRulesFired(audit, nineteen)).toEqual([])
  })

  it('morning drinking (AUDIT item 6, any frequency) fires alcohol-dependence', () => {
    expect(safetyRulesFired(audit, auditOf({ 'audit-6': 0 }), 0)).toEqual([])
    expect(safetyRulesFired(audit, auditOf({ 'audit-6': 1 }), 1)).toEqual(['alcohol-dependence'])
    expect(safetyRulesFired(audit, { 'audit-6': 1 }, null)).toEqual(['alcohol-dependence'])
  })

  it('drinking 4 or more times a week (AUDIT item 1) fires alcohol-dependence; 2–3 times does not', () => {
    expect(safetyRulesFired(audit, { 'audit-1': 3 }, null)).toEqual([])
    expect(safetyRulesFired(audit, { 'audit-1': 4 }, null)).toEqual(['alcohol-dependence'])
  })

  it('lists a rule once however many of its triggers fire', () => {
    const everything = auditOf({ 'audit-1': 4, 'audit-6': 4, 'audit-2': 4, 'audit-3': 4, 'audit-4': 4 })
    expect(safetyRulesFired(audit, everything, 20)).toEqual(['alcohol-dependence'])
  })

  it('no other instrument has a safety trigger', () => {
    const withTriggers = Object.values(programme.instruments).filter((candidate) => candidate.safety.length > 0)
    expect(withTriggers.map((candidate) => candidate.id).sort()).toEqual(['audit', 'phq-9'])
  })
})
