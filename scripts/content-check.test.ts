import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'foothold-content-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function contentCheck(args: string[]) {
  try {
    const stdout = execFileSync('node_modules/.bin/tsx', ['scripts/content-check.ts', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { code: 0, stdout, stderr: '' }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('npm run content:check', () => {
  it('passes on the real content, listing warnings apart from errors', () => {
    const result = contentCheck([])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'Warnings (1):\n  instruments/sds.yaml: no bands: the score is shown without a cut-off',
    )
    expect(result.stdout).toMatch(/Content check passed: version \S+, 8 instruments/)
  })

  it('fails with exit code 1 and lists each error on a broken copy', () => {
    const content = join(dir, 'content')
    cpSync('programme/content', content, { recursive: true })
    const file = join(content, 'instruments', 'phq-9.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('max: 9\n', 'max: 10\n'))
    const result = contentCheck([content])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Errors (1):\n  instruments/phq-9.yaml: bands mild and moderate overlap')
    expect(result.stderr).toContain('Content check failed')
  })
})
