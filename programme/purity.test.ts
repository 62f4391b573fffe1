// programme/ is pure logic and data (DESIGN.md): it must never import the web app, the
// database or Remix, so it can be tested, and reused, without a server.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('programme/', () => {
  it('imports nothing from app/, db/ or Remix', () => {
    const files = sourceFiles(here)
    expect(files.length).toBeGreaterThan(5)
    const forbidden = /from\s+['"](#app\/|#db\/|@remix-run\/|(\.\.\/)+(app|db)\/)/
    const offenders = files.filter((file) => forbidden.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
