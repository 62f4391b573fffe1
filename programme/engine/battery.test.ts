import { describe, expect, it } from 'vitest'
import { SUBSTANCE_IDS, type SubstanceId } from '../schema/battery.schema.ts'
import { assessmentPages, type BatteryStep, buildBattery } from './battery.ts'
import { loadProgramme } from './load.ts'

const programme = loadProgramme()
const EVERYONE = ['phq-9', 'gad-7', 'readiness', 'life-areas'].map((instrumentId) => ({ instrumentId }))
const DRUGS: readonly SubstanceId[] = ['opioids', 'stimulants', 'cannabis', 'benzodiazepines', 'other']

/** The rule, written out independently of battery.yaml. */
function expected(substances: readonly SubstanceId[], main: SubstanceId): BatteryStep[] {
  const drugs = substances.filter((id) => DRUGS.includes(id))
  const steps: BatteryStep[] = []
  if (substances.includes('alcohol')) steps.push({ instrumentId: 'audit' })
  if (drugs.length > 0) {
    steps.push({ instrumentId: 'dast-10' })
    steps.push({ instrumentId: 'sds', substance: DRUGS.includes(main) ? main : drugs[0] })
  }
  return [...steps, ...EVERYONE]
}

function subsets<T>(values: readonly T[]): T[][] {
  const all: T[][] = [[]]
  for (const value of values) for (const subset of [...all]) all.push([...subset, value])
  return all
}

describe('buildBattery', () => {
  it('alcohol only: AUDIT, then everyone’s instruments', () => {
    expect(buildBattery(programme, { substances: ['alcohol'], main: 'alcohol' })).toEqual([
      { instrumentId: 'audit' },
      ...EVERYONE,
    ])
  })

  it('a drug as main: DAST-10 and SDS for the main drug', () => {
    expect(buildBattery(programme, { substances: ['cannabis', 'opioids'], main: 'opioids' })).toEqual([
      { instrumentId: 'dast-10' },
      { instrumentId: 'sds', substance: 'opioids' },
      ...EVERYONE,
    ])
  })

  it('alcohol as main with drugs: SDS for the first drug named', () => {
    expect(buildBattery(programme, { substances: ['alcohol', 'stimulants', 'cannabis'], main: 'alcohol' })).toEqual([
      { instrumentId: 'audit' },
      { instrumentId: 'dast-10' },
      { instrumentId: 'sds', substance: 'stimulants' },
      ...EVERYONE,
    ])
  })

  it('counts the main substance as named', () => {
    expect(buildBattery(programme, { substances: [], main: 'alcohol' })).toEqual([
      { instrumentId: 'audit' },
      ...EVERYONE,
    ])
  })

  it('follows the rule for every combination of substances and every main choice', () => {
    let combinations = 0
    for (const substances of subsets(SUBSTANCE_IDS).filter((subset) => subset.length > 0)) {
      for (const main of substances) {
        expect(buildBattery(programme, { substances, main }), `${substances.join('+')} main ${main}`).toEqual(
          expected(substances, main),
        )
        combinations += 1
      }
    }
    expect(combinations).toBe(192)
  })
})

describe('assessmentPages', () => {
  const battery = buildBattery(programme, { substances: ['alcohol', 'opioids'], main: 'opioids' })

  it.each([1, 3, 4, 100])('with %i per page, covers every item once in order, one instrument a page', (perPage) => {
    const pages = assessmentPages(programme, battery, perPage)
    expect(pages.map((page) => page.index)).toEqual(pages.map((_, index) => index))
    for (const page of pages) {
      expect(page.items.length).toBeGreaterThan(0)
      expect(page.items.length).toBeLessThanOrEqual(perPage)
      const own = programme.instruments[page.instrumentId]?.items.map((item) => item.id) ?? []
      for (const item of page.items) expect(own).toContain(item.id)
    }
    const shown = pages.flatMap((page) => page.items.map((item) => item.id))
    const all = battery.flatMap((step) => programme.instruments[step.instrumentId]?.items.map((item) => item.id) ?? [])
    expect(shown).toEqual(all)
    expect(new Set(pages.map((page) => page.instrumentId))).toEqual(new Set(battery.map((step) => step.instrumentId)))
  })

  it('splits PHQ-9’s nine items 4, 4, 1 by default', () => {
    const pages = assessmentPages(programme, [{ instrumentId: 'phq-9' }])
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 1])
    expect(pages[0]?.intro).toBe(
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    )
  })

  it('puts the drug’s name into the SDS wording (Gossop et al. 1995: the named drug)', () => {
    const pages = assessmentPages(programme, [{ instrumentId: 'sds', substance: 'opioids' }], 5)
    expect(pages[0]?.intro).toBe('These questions are about your use of heroin or other opioids during the past year.')
    expect(pages[0]?.items.map((item) => item.text)).toEqual([
      'Did you ever think your use of heroin or other opioids was out of control?',
      'Did the prospect of missing a fix (or dose) make you very anxious or worried?',
      'Did you worry about your use of heroin or other opioids?',
      'Did you wish you could stop?',
      'How difficult did you find it to stop, or go without heroin or other opioids?',
    ])
  })

  it('leaves no placeholder on any page for any drug', () => {
    for (const substance of DRUGS) {
      const pages = assessmentPages(programme, buildBattery(programme, { substances: [substance], main: substance }))
      const shown = pages.flatMap((page) => [
        page.title,
        page.intro,
        ...page.items.flatMap((item) => [item.text, ...item.options.map((option) => option.label)]),
      ])
      for (const text of shown) expect(text).not.toMatch(/[{}]/)
    }
  })

  it('refuses a page size below 1', () => {
    expect(() => assessmentPages(programme, battery, 0)).toThrow(RangeError)
  })
})
