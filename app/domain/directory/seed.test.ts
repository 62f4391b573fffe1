// The demo's directory is clearly made-up, and every entry is one the CSV import would accept.
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { seedDirectoryDemo } from '#db/seed-directory.ts'
import { directoryCsv, readDirectoryCsv } from './csv.server.ts'
import { listEntries } from './entries.server.ts'

describe('the demo directory', () => {
  it('says "Example" in every name, uses made-up places, and reads back through the CSV import', async () => {
    seedDirectoryDemo(getDb(), new Date('2026-12-05T12:00:00Z'))
    const entries = await listEntries()
    expect(entries.length).toBeGreaterThanOrEqual(5)
    for (const entry of entries) {
      expect(entry.name).toMatch(/^Example .*made-up/)
      expect(entry.postcodeDistrict ?? 'ZZ').toMatch(/^ZZ/)
    }
    expect(readDirectoryCsv(directoryCsv(entries))).toMatchObject({ ok: true })
    expect(entries.some((entry) => entry.lastVerified < '2025-12-05')).toBe(true)
  })
})
