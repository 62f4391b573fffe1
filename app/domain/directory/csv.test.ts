// CSV validation: the documented header, each row checked with zod, problems by row and column.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DirectoryEntry } from '#db/schema/index.ts'
import { directoryCsv, readDirectoryCsv } from './csv.server.ts'
import { CSV_COLUMNS } from './entry-schema.ts'

const HEADER = CSV_COLUMNS.join(',')
const GOOD_SERVICE =
  'svc-1,Example Drug Service,drug-alcohol-service,1 Example Street,Exampleton,LS1,0113 496 0000,https://example.org,Mon-Fri 09:00-17:00,,Europe/London,Step-free entrance,"English, Polish",2026-11-01'
const GOOD_MEETING = ',Example NA meeting,meeting-na,online,,,,,,weekly Tue 19:30,,,,2026-10-01'

describe('readDirectoryCsv', () => {
  it('reads good rows, an "online" address and empty cells', () => {
    const read = readDirectoryCsv(`${HEADER}\r\n${GOOD_SERVICE}\r\n${GOOD_MEETING}\r\n`)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.entries).toHaveLength(2)
    expect(read.entries[0]).toMatchObject({ id: 'svc-1', languages: 'English, Polish', postcode_district: 'LS1' })
    expect(read.entries[1]).toMatchObject({
      id: undefined,
      address: 'online',
      schedule: 'weekly Tue 19:30',
      time_zone: 'Europe/London',
    })
  })

  it('lists every problem by row and column and returns no entries', () => {
    const bad = [
      HEADER,
      GOOD_SERVICE,
      ',No kind,ferry,1 Road,,,,,,,,,,2026-11-01',
      ',Meeting without a day,meeting-aa,1 Road,,,,,,,,,,2026-11-01',
      ',Bad hours,pharmacy,1 Road,,,,,Mon-Fri 9-5,,,,,yesterday',
    ].join('\n')
    const read = readDirectoryCsv(bad)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems.map(({ row, column }) => [row, column])).toEqual([
      [3, 'kind'],
      [4, 'schedule'],
      [5, 'opening_hours'],
      [5, 'last_verified'],
    ])
    expect(read.problems[0]?.message).toContain('drug-alcohol-service')
  })

  it('refuses a header that is not the documented one, naming what is missing or unknown', () => {
    const read = readDirectoryCsv('name,kind,colour\nA,pharmacy,red')
    expect(read).toMatchObject({ ok: false, problems: [{ row: 1, column: null }] })
    if (read.ok) return
    expect(read.problems[0]?.message).toMatch(/missing: id, address.*not known: colour/)
  })

  it('refuses the same id twice, a short row, a broken quote and an empty file', () => {
    const twice = readDirectoryCsv(`${HEADER}\n${GOOD_SERVICE}\n${GOOD_SERVICE}`)
    expect(twice).toMatchObject({ ok: false, problems: [{ row: 3, column: 'id', message: 'The same id is on row 2' }] })
    expect(readDirectoryCsv(`${HEADER}\nonly,three,cells`)).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: null }],
    })
    expect(readDirectoryCsv(`${HEADER}\n"unclosed,quote`)).toMatchObject({ ok: false, problems: [{ column: null }] })
    expect(readDirectoryCsv('')).toMatchObject({ ok: false, problems: [{ row: 1, message: 'The file is empty' }] })
    expect(readDirectoryCsv(HEADER)).toMatchObject({ ok: false, problems: [{ row: 2 }] })
  })

  it('accepts a spreadsheet’s byte-order mark and columns in another order', () => {
    const reordered = [...CSV_COLUMNS].reverse().join(',')
    const row = GOOD_SERVICE.replace('"English, Polish"', 'English').split(',').reverse().join(',')
    expect(readDirectoryCsv(`\uFEFF${reordered}\n${row}`)).toMatchObject({
      ok: true,
      entries: [{ name: 'Example Drug Service' }],
    })
  })
})

describe('directoryCsv', () => {
  it('writes the documented header, guards formula cells, and reads back the same', () => {
    const entry: DirectoryEntry = {
      id: 'e1',
      name: '=Example, "quoted"',
      kind: 'pharmacy',
      online: false,
      address: '2 Example Road',
      town: 'Exampleton',
      postcodeDistrict: 'M4',
      phone: '+44 161 496 0000',
      website: null,
      openingHours: 'Mon-Sat 09:00-18:00',
      schedule: null,
      timeZone: 'Europe/London',
      accessibility: null,
      languages: null,
      lastVerified: '2026-11-30',
      createdAt: new Date(0),
      updatedAt: new Date(0),
    }
    const csv = directoryCsv([entry])
    expect(csv.split('\r\n')[0]).toBe(HEADER)
    expect(csv).toContain(`"'=Example, ""quoted"""`)
    expect(csv).toContain("'+44 161 496 0000")
    const back = readDirectoryCsv(csv)
    // The ' that guards a cell is taken off again on import: the same entry comes back.
    expect(back).toMatchObject({
      ok: true,
      entries: [{ id: 'e1', name: '=Example, "quoted"', phone: '+44 161 496 0000', address: '2 Example Road' }],
    })
  })

  it('is the header the documentation shows', () => {
    const doc = readFileSync(new URL('../../../docs/directory-csv.md', import.meta.url), 'utf8')
    expect(doc).toContain(`\n${HEADER}\n`)
  })
})
