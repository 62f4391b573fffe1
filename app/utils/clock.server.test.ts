// Anything worked out from "now" (flags over the last 7 days, a check-in being due, streaks)
// must read the one clock, so tests can pin it and keep passing as the calendar moves. This
// test finds server code that reads the system clock itself.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { clock, pinClock, unpinClock } from './clock.server.ts'

const appDir = fileURLToPath(new URL('..', import.meta.url))

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return serverFiles(path)
    if (/\.test\.tsx?$/.test(entry.name) || entry.name === 'clock.server.ts') return []
    // Server modules and routes (loaders and actions run on the server).
    const server = /\.server\.tsx?$/.test(entry.name) || path.includes(`${join('app', 'routes')}`)
    return server && /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('the clock', () => {
  afterEach(unpinClock)

  it('reads the system clock unless pinned', () => {
    const before = Date.now()
    const now = clock.now().getTime()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('gives the pinned time, as a fresh Date each call, until unpinned', () => {
    const pinned = new Date('2026-11-15T17:00:00Z')
    pinClock(pinned)
    const first = clock.now()
    first.setFullYear(1999)
    expect(clock.now().toISOString()).toBe('2026-11-15T17:00:00.000Z')
    unpinClock()
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000)
  })

  it('is the only reader of the system clock in server code and routes', () => {
    const files = serverFiles(appDir)
    expect(files.length).toBeGreaterThan(30)
    const offenders = files
      .filter((file) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(appDir, file))
    expect(offenders).toEqual([])
  })
})
