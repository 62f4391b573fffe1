import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SUBSTANCE_IDS } from '../../schema/battery.schema.ts'
import { checkProgramme, loadProgramme } from '../load.ts'
import { copyContent, editYaml } from '../test-support.ts'
import { amountUnit } from './units.ts'

const copies: string[] = []
afterAll(() => {
  for (const dir of copies) rmSync(dirname(dir), { recursive: true, force: true })
})

/** Errors (as "file: message") from a copy of the real content with tracking.yaml broken by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into raw YAML freely in order to break it
function errorsAfter(edit: (data: Record<string, any>) => void): string[] {
  const dir = copyContent()
  copies.push(dir)
  editYaml(dir, 'tracking.yaml', edit)
  const report = checkProgramme(dir)
  expect(report.programme).toBeNull()
  return report.errors.map((error) => `${error.file}: ${error.message}`)
}

describe('the real tracking content', () => {
  const { tracking } = loadProgramme()

  it('offers units for every substance a client can name, with alcohol in UK units by default', () => {
    expect(Object.keys(tracking.substances).sort()).toEqual([...SUBSTANCE_IDS].sort())
    expect(amountUnit(tracking, 'alcohol')?.id).toBe('units')
    expect(amountUnit(tracking, 'cannabis')?.id).toBe('grams')
    expect(amountUnit(tracking, 'cannabis', 'joints')?.label).toBe('joints')
    expect(amountUnit(tracking, 'cannabis', 'tablets')).toBeUndefined()
  })

  it('has pick lists for triggers, coping strategies and feelings, and cites the NHS and the CMOs', () => {
    expect(tracking.triggers.map((t) => t.id)).toEqual(
      expect.arrayContaining(['stress', 'boredom', 'being-offered', 'payday', 'pain', 'people-i-used-with']),
    )
    expect(tracking.copingStrategies.map((c) => c.id)).toEqual(
      expect.arrayContaining(['urge-surfing', 'called-someone', 'went-for-a-walk', 'left-the-situation', 'breathing']),
    )
    expect(tracking.feelings.length).toBeGreaterThan(5)
    expect(tracking.source).toMatch(/NHS, "Alcohol units", nhs\.uk/)
    expect(tracking.source).toMatch(/Chief Medical Officers.*2016/)
  })
})

describe('broken tracking content is rejected', () => {
  it('a missing file', () => {
    const dir = copyContent()
    copies.push(dir)
    rmSync(join(dir, 'tracking.yaml'))
    expect(checkProgramme(dir).errors).toContainEqual({ file: 'tracking.yaml', message: 'file is missing' })
  })

  it('a substance of the battery with no units', () => {
    const errors = errorsAfter((data) => {
      delete data.substances.cannabis
    })
    expect(errors).toContain(
      'tracking.yaml: substances.cannabis: missing: every substance needs the units it is logged in',
    )
  })

  it('a substance the battery does not know', () => {
    const errors = errorsAfter((data) => {
      data.substances.tobacco = [{ id: 'cigarettes', label: 'cigarettes', decimals: 0, maxPerEntry: 100 }]
    })
    expect(errors.join('\n')).toMatch(/tracking\.yaml: substances: .*tobacco/)
  })

  it('a precomputed unit value on a drink (units are always computed)', () => {
    const errors = errorsAfter((data) => {
      data.drinks[0].units = 2
    })
    expect(errors.join('\n')).toMatch(/drinks\[pint-lower-strength\].*units/)
  })

  it('duplicate ids and labels in a list', () => {
    const errors = errorsAfter((data) => {
      data.triggers.push({ id: 'stress', label: 'Something else' })
      data.feelings.push({ id: 'fed-up', label: 'BORED' })
      data.substances.opioids.push({ id: 'bags', label: 'wraps', decimals: 0, maxPerEntry: 10 })
    })
    expect(errors).toContain('tracking.yaml: triggers: duplicate id stress')
    expect(errors).toContain('tracking.yaml: feelings: duplicate label "bored"')
    expect(errors).toContain('tracking.yaml: substances.opioids: duplicate id bags')
  })

  it('alcohol without UK units, which the calculator logs in', () => {
    const errors = errorsAfter((data) => {
      data.substances.alcohol = [{ id: 'drinks', label: 'drinks', decimals: 0, maxPerEntry: 50 }]
    })
    expect(errors).toContain("tracking.yaml: substances.alcohol: must offer units (the unit calculator's result)")
  })

  it('drinks outside sane volumes and strengths', () => {
    const errors = errorsAfter((data) => {
      data.drinks[0].abv = 120
      data.drinks[1].ml = 20000
    })
    expect(errors).toContain('tracking.yaml: drinks[pint-lower-strength]: abv above 100 %')
    expect(errors).toContain('tracking.yaml: drinks[pint-higher-strength]: ml above 5000')
  })

  it('a drink with no volume', () => {
    const errors = errorsAfter((data) => {
      data.drinks[2].ml = 0
    })
    expect(errors.join('\n')).toMatch(/drinks\[can\]\.ml: Too small/)
  })
})
