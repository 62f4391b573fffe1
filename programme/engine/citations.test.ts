// Citation and wording fixes from the clinical-content review (issue 12, item 9), held for
// every content file so a copy elsewhere cannot bring the old text back.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CONTENT = join(import.meta.dirname, '../content')

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return contentFiles(path)
    return /\.(md|ya?ml)$/.test(entry.name) ? [path] : []
  })
}

/** Every content file as [name, text with line breaks and YAML indents folded to spaces]. */
const files = contentFiles(CONTENT).map(
  (path) => [path.slice(CONTENT.length + 1), readFileSync(path, 'utf8').replace(/\s+/g, ' ')] as const,
)

/** Each list item or block (YAML `- ` items, Markdown list items) that matches `pattern`. */
function citing(pattern: RegExp): [string, string][] {
  return files.flatMap(([name, text]) =>
    text
      .split(/ - /)
      .filter((chunk) => pattern.test(chunk))
      .map((chunk) => [name, chunk] as [string, string]),
  )
}

describe('citations', () => {
  it('Daughters et al. 2018 is cited by its published title, without "(LETS ACT)"', () => {
    const cites = citing(/Daughters SB/)
    expect(cites.length).toBeGreaterThan(0)
    for (const [name, cite] of cites) {
      expect(cite, name).toContain(
        'The effect of a behavioral activation treatment for substance use on post-treatment abstinence: a randomized controlled trial. Addiction. 2018',
      )
      expect(cite, name).not.toContain('LETS ACT')
    }
  })

  it('a NICE guideline from 2011 names the institute as it was then called', () => {
    const cites = citing(/National Institute for Health and (Care|Clinical) Excellence/).filter(([, c]) =>
      /\b2011\b|CG115/.test(c),
    )
    expect(cites.length).toBeGreaterThan(0)
    for (const [name, cite] of cites)
      expect(cite, name).toMatch(/National Institute for Health and Clinical Excellence/)
  })

  it('the UK AUDIT forms give the GOV.UK page date (updated 30 October 2020)', () => {
    const cites = citing(/Alcohol use screening tests/)
    expect(cites.map(([name]) => name).sort()).toEqual(['instruments/audit-c.yaml', 'instruments/audit.yaml'])
    for (const [name, cite] of cites) expect(cite, name).toMatch(/updated 30 October 2020/)
  })
})

describe('wording that must agree across modules', () => {
  it('no module suggests an excuse such as "I\'m driving" (saying-no/how-to.md: don\'t make excuses)', () => {
    const sayingNo = files.find(([name]) => name === 'modules/saying-no/how-to.md')?.[1] ?? ''
    expect(sayingNo).toContain("Don't make excuses.")
    for (const [name, text] of files) expect(text, name).not.toMatch(/\b(I'm|I am) driving\b/i)
    const smart = files.find(([name]) => name === 'modules/goals-that-work/smart-steps.md')?.[1] ?? ''
    expect(smart).toContain("No thanks, I'm not drinking")
  })
})
