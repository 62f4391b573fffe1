// Every content file says where naloxone comes from in the one wording (issue 12 item 7, H-023).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NALOXONE_SUPPLY, naloxoneSupplyProblems } from './naloxone-supply.ts'

const CONTENT = join(import.meta.dirname, '../content')

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return contentFiles(path)
    return /\.(md|ya?ml)$/.test(entry.name) ? [path] : []
  })
}

describe('where naloxone comes from', () => {
  it('finds a supply sentence that is more certain than the source, or worded another way', () => {
    expect(naloxoneSupplyProblems('Carry naloxone. A drug service or pharmacy can give you some.')).toEqual([
      'A drug service or pharmacy can give you some.',
    ])
    expect(
      naloxoneSupplyProblems(
        'Your drug service, and some pharmacies, can give you naloxone and show you how to use it.',
      ),
    ).toHaveLength(1)
    expect(naloxoneSupplyProblems('- Carry naloxone.\n- Get it from your GP.')).toEqual(['Get it from your GP.'])
  })

  it('accepts the one wording, and naloxone sentences that do not say where it comes from', () => {
    expect(naloxoneSupplyProblems(`Carry naloxone. You can get it ${NALOXONE_SUPPLY}.`)).toEqual([])
    expect(naloxoneSupplyProblems('If you have naloxone, give it. Naloxone wears off.')).toEqual([])
    expect(naloxoneSupplyProblems('Talk to your GP about your sleep.')).toEqual([])
  })

  it('every content file uses the one wording', () => {
    const files = contentFiles(CONTENT)
    expect(files.length).toBeGreaterThan(20)
    const problems = files.flatMap((file) =>
      naloxoneSupplyProblems(readFileSync(file, 'utf8')).map((s) => `${file.slice(CONTENT.length + 1)}: ${s}`),
    )
    expect(problems).toEqual([])
  })
})
