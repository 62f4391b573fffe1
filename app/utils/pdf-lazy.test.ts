// pdfkit and fontkit (about 28 MB of memory) are required with the first PDF, not at start
// (pdf-layout.server.ts, issue 13's memory budget): nothing imports them as values.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('the PDF libraries', () => {
  it('are never imported as values by app code: PDFDocument() in pdf-layout.server.ts requires them when needed', () => {
    const eager = sources('app').filter((file) =>
      /^import (?!type )[^']*from '(pdfkit|fontkit)'/m.test(readFileSync(file, 'utf8')),
    )
    expect(eager).toEqual([])
  })
})
