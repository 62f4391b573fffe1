// Every page says where naloxone comes from in the one wording (issue 12 item 7, H-023): the
// same rule the content files are held to (programme/engine/naloxone-supply.test.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { naloxoneSupplyProblems } from '#programme/engine/naloxone-supply.ts'

const APP = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** What a reader can see: code comments removed (they cite sources, not tell clients). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ')
}

describe('where naloxone comes from, on every page', () => {
  it('every app file that says where to get naloxone uses the one wording', () => {
    const files = sourceFiles(APP)
    expect(files.length).toBeGreaterThan(20)
    const problems = files.flatMap((file) =>
      naloxoneSupplyProblems(withoutComments(readFileSync(file, 'utf8'))).map(
        (s) => `${file.slice(APP.length + 1)}: ${s}`,
      ),
    )
    expect(problems).toEqual([])
  })
})
