import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ContentError, checkProgramme, findContentDir, loadProgramme } from './load.ts'
import { copyContent, editYaml } from './test-support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const copies: string[] = []
afterAll(() => {
  for (const dir of copies) rmSync(dirname(dir), { recursive: true, force: true })
})

/** A fresh copy of the real content, broken by `breakIt`, and the errors the check reports. */
function errorsAfter(breakIt: (dir: string) => void): string[] {
  const dir = copyContent()
  copies.push(dir)
  breakIt(dir)
  const report = checkProgramme(dir)
  expect(report.programme).toBeNull()
  return report.errors.map((error) => `${error.file}: ${error.message}`)
}

describe('the real content', () => {
  it('loads with no errors, every instrument and the content version', () => {
    const report = checkProgramme()
    expect(report.errors).toEqual([])
    expect(report.warnings.map((warning) => warning.file)).toEqual(['instruments/sds.yaml'])
    const programme = loadProgramme()
    // In the order they are asked, AUDIT-C beside AUDIT.
    expect(Object.keys(programme.instruments)).toEqual([
      'audit',
      'audit-c',
      'dast-10',
      'sds',
      'phq-9',
      'gad-7',
      'readiness',
      'life-areas',
    ])
    expect(programme.version).toMatch(/^\S+$/)
  })

  it('is cached and frozen', () => {
    const programme = loadProgramme()
    expect(loadProgramme()).toBe(programme)
    expect(Object.isFrozen(programme.instruments['phq-9']?.items[8])).toBe(true)
  })

  it('gives AUDIT-C copies of AUDIT items 1–3 and never asks it on its own', () => {
    const programme = loadProgramme()
    const auditC = programme.instruments['audit-c']
    expect(auditC?.items).toEqual(programme.instruments.audit?.items.slice(0, 3))
    expect(programme.battery.steps.map((step) => step.instrument)).not.toContain('audit-c')
  })

  it('stores only the LOINC codes CLINICAL.md confirms', () => {
    const codes = Object.fromEntries(
      Object.values(loadProgramme().instruments)
        .filter((instrument) => instrument.loinc)
        .map((instrument) => [instrument.id, instrument.loinc?.total]),
    )
    expect(codes).toEqual({ 'phq-9': '44261-6', 'gad-7': '70274-6', 'audit-c': '75626-2' })
  })

  it('marks Foothold’s own instruments as ours and every instrument cites a source and licence', () => {
    const kinds = Object.fromEntries(Object.values(loadProgramme().instruments).map((i) => [i.id, i.kind]))
    expect(kinds).toMatchObject({ readiness: 'foothold', 'life-areas': 'foothold', audit: 'validated' })
  })
})

describe('findContentDir', () => {
  it('walks up from the bundled server folder to programme/content', () => {
    expect(findContentDir(join(root, 'build', 'server'))).toBe(join(root, 'programme', 'content'))
    expect(findContentDir(join(root, 'programme', 'engine'))).toBe(join(root, 'programme', 'content'))
  })

  it('also finds a content folder beside the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'foothold-find-'))
    mkdirSync(join(dir, 'content'))
    mkdirSync(join(dir, 'engine'))
    writeFileSync(join(dir, 'content', 'battery.yaml'), '')
    expect(findContentDir(join(dir, 'engine'))).toBe(join(dir, 'content'))
    rmSync(dir, { recursive: true, force: true })
  })

  it('says so when there is no content', () => {
    expect(() => findContentDir(tmpdir())).toThrow(/programme\/content/)
  })
})

describe('broken content is rejected', () => {
  it('an unknown item in scoring.reverse', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/dast-10.yaml', (data) => {
        data.scoring.reverse = ['dast-10-11']
      }),
    )
    expect(errors).toContain('instruments/dast-10.yaml: scoring.reverse: unknown item dast-10-11')
  })

  it('overlapping bands', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/phq-9.yaml', (data) => {
        data.bands[1].max = 10
      }),
    )
    expect(errors).toContain('instruments/phq-9.yaml: bands mild and moderate overlap')
  })

  it('a gap between bands, and bands that stop short of the highest score', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/gad-7.yaml', (data) => {
        data.bands[1].max = 8
        data.bands[3].max = 20
      }),
    )
    expect(errors).toContain('instruments/gad-7.yaml: no band covers 9 to 9')
    expect(errors).toContain('instruments/gad-7.yaml: bands end at 20 but the highest possible score is 21')
  })

  it('duplicate item ids, in one instrument and across two', () => {
    const errors = errorsAfter((dir) => {
      editYaml(dir, 'instruments/gad-7.yaml', (data) => {
        data.items[1].id = 'gad-7-1'
      })
      editYaml(dir, 'instruments/phq-9.yaml', (data) => {
        data.items[0].id = 'gad-7-3'
      })
    })
    expect(errors).toContain('instruments/gad-7.yaml: duplicate item id gad-7-1')
    expect(errors.some((error) => error.includes('item id gad-7-3 is also used in'))).toBe(true)
  })

  it('a duplicate instrument id', () => {
    const errors = errorsAfter((dir) =>
      copyFileSync(join(dir, 'instruments', 'phq-9.yaml'), join(dir, 'instruments', 'phq-9-copy.yaml')),
    )
    expect(errors).toContain(
      'instruments/phq-9.yaml: duplicate instrument id phq-9 (also in instruments/phq-9-copy.yaml)',
    )
    expect(errors).toContain('instruments/phq-9-copy.yaml: the file name must be phq-9.yaml')
  })

  it('an option value used twice in one item', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/audit.yaml', (data) => {
        data.items[8].options[1].value = 4
      }),
    )
    expect(errors).toContain('instruments/audit.yaml: item audit-9: option value 4 is used twice')
  })

  it('{substance} outside the SDS, and an unknown placeholder', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/phq-9.yaml', (data) => {
        data.items[0].text = 'Little interest in {substance}'
        data.items[1].text = 'Feeling {mood}'
      }),
    )
    expect(errors).toContain(
      'instruments/phq-9.yaml: {substance} is only allowed in an instrument asked about one substance (SDS)',
    )
    expect(errors).toContain('instruments/phq-9.yaml: unknown placeholder {mood}')
  })

  it('safety triggers on unknown items or values that can never fire', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/audit.yaml', (data) => {
        data.safety = [
          { rule: 'alcohol-dependence', when: { item: 'audit-11', gte: 1 } },
          { rule: 'alcohol-dependence', when: { item: 'audit-6', gte: 5 } },
          { rule: 'alcohol-dependence', when: { total: { gte: 41 } } },
        ]
      }),
    )
    expect(errors).toEqual([
      'instruments/audit.yaml: safety alcohol-dependence: unknown item audit-11',
      'instruments/audit.yaml: safety alcohol-dependence: audit-6 can never reach 5',
      'instruments/audit.yaml: safety alcohol-dependence: total 41 is outside 1 to 40',
    ])
  })

  it('a safety condition written as an expression string', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/phq-9.yaml', (data) => {
        data.safety[0].when = 'phq-9-9 >= 1'
      }),
    )
    expect(errors.some((error) => error.startsWith('instruments/phq-9.yaml: safety[0].when:'))).toBe(true)
  })

  it('AUDIT-C derived from an item AUDIT does not have', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/audit-c.yaml', (data) => {
        data.derivedFrom.items = ['audit-1', 'audit-2', 'audit-33']
      }),
    )
    expect(errors).toContain('instruments/audit-c.yaml: derivedFrom: audit has no item audit-33')
  })

  it('a battery step for an unknown or derived instrument, and a drug without SDS wording', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'battery.yaml', (data) => {
        data.steps.push({ instrument: 'cage', when: 'always' }, { instrument: 'audit-c', when: 'alcohol-named' })
        delete data.substances[1].sdsWording
      }),
    )
    expect(errors).toContain('battery.yaml: unknown instrument cage')
    expect(errors).toContain('battery.yaml: audit-c is derived and is never asked on its own')
    expect(errors).toContain('battery.yaml: opioids needs sdsWording')
  })

  it('schema errors name the file and the item', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'instruments/gad-7.yaml', (data) => {
        delete data.source
        data.items[3].options[0].value = 0.5
        data.loinc.total = '70274-5'
      }),
    )
    expect(errors).toContain('instruments/gad-7.yaml: source: Invalid input: expected string, received undefined')
    expect(errors.some((error) => error.startsWith('instruments/gad-7.yaml: items[gad-7-4].options[0].value:'))).toBe(
      true,
    )
    expect(errors).toContain('instruments/gad-7.yaml: loinc.total: Not a valid LOINC code')
  })

  it('a YAML syntax error', () => {
    const errors = errorsAfter((dir) => writeFileSync(join(dir, 'norms.yaml'), 'norms: [\n'))
    expect(errors.some((error) => error.startsWith('norms.yaml:'))).toBe(true)
  })

  it('life areas out of order, and life-area bands that do not reach 100', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'life-areas.yaml', (data) => {
        data.areas.reverse()
        data.bands[2].max = 99
      }),
    )
    expect(errors).toContain(
      'life-areas.yaml: areas must be, in order: situations, emotions, thoughts, physical, behaviours, lifestyle',
    )
    expect(errors).toContain('life-areas.yaml: bands end at 99 but the highest possible score is 100')
  })

  it('a weekly-units guideline that differs from the engine’s constant', () => {
    const errors = errorsAfter((dir) =>
      editYaml(dir, 'norms.yaml', (data) => {
        data.norms[0].value = 21
      }),
    )
    expect(errors).toContain('norms.yaml: uk-weekly-units is 21 but engine/norms.ts says 14')
  })

  it('loadProgramme throws a ContentError listing every error', () => {
    const dir = copyContent()
    copies.push(dir)
    editYaml(dir, 'instruments/dast-10.yaml', (data) => {
      data.scoring.reverse = ['dast-10-11']
    })
    expect(() => loadProgramme(dir)).toThrow(ContentError)
    expect(() => loadProgramme(dir)).toThrow(/dast-10\.yaml: scoring\.reverse: unknown item dast-10-11/)
  })
})
