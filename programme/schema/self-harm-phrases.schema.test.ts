import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkProgramme } from '../engine/load.ts'
import { copyContent, editYaml } from '../engine/test-support.ts'
import { SelfHarmPhrasesSchema } from './self-harm-phrases.schema.ts'

const FILE = 'safety/self-harm-phrases.yaml'
const sources = ['A source']

function problems(phrases: unknown) {
  const parsed = SelfHarmPhrasesSchema.safeParse({ sources, phrases })
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
}

describe('SelfHarmPhrasesSchema', () => {
  it('accepts lower-case phrases with plain apostrophes', () => {
    expect(problems(['kill myself', "don't want to be here", 'suicide'])).toEqual([])
  })

  it('refuses an empty list, and a list without sources', () => {
    expect(problems([])).toEqual(['the list must not be empty'])
    expect(SelfHarmPhrasesSchema.safeParse({ sources: [], phrases: ['suicide'] }).success).toBe(false)
  })

  it('refuses capitals, curly apostrophes, hyphens and stray spaces', () => {
    for (const phrase of ['Kill myself', 'don’t want to be here', 'self-harm', ' suicide', 'kill  myself', 'suicide!'])
      expect(problems([phrase]), phrase).toHaveLength(1)
  })

  it('refuses a phrase so short it would match everyday words', () => {
    for (const phrase of ['die', 'dead', 'kill', 'od', 'end it'])
      expect(problems([phrase]).join(), phrase).toMatch(/Too short/)
    expect(problems(['end it all'])).toEqual([])
  })

  it('refuses duplicates, including ones that differ only by an apostrophe', () => {
    expect(problems(['suicide', 'suicide'])).toEqual(['duplicate phrase "suicide"'])
    expect(problems(["don't want to live", 'dont want to live'])).toEqual(['duplicate phrase "dont want to live"'])
  })
})

describe('the phrase file in the content check', () => {
  const copies: string[] = []
  afterAll(() => {
    for (const dir of copies) rmSync(dirname(dir), { recursive: true, force: true })
  })

  it('is loaded with the programme', () => {
    const report = checkProgramme()
    expect(report.errors).toEqual([])
    expect(report.programme?.selfHarmPhrases.phrases).toContain('kill myself')
    expect(report.programme?.selfHarmPhrases.phrases).toContain("don't want to be here")
  })

  it('fails the content check when a phrase breaks the rules, or the file is missing', () => {
    const dir = copyContent()
    copies.push(dir)
    editYaml(dir, FILE, (data) => {
      data.phrases.push('Suicide', 'die')
    })
    const report = checkProgramme(dir)
    expect(report.programme).toBeNull()
    expect(report.errors.map((e) => e.file)).toEqual([FILE, FILE])

    rmSync(`${dir}/${FILE}`)
    expect(checkProgramme(dir).errors).toEqual([{ file: FILE, message: 'file is missing' }])
  })
})
