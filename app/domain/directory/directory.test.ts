// The directory against a real (in-memory, migrated) database: import all or nothing, update by
// id, search with "open now" and "meets today" in the viewer's zone, suggestions and saved
// services, the privacy export and account deletion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deleteUser } from '#app/domain/accounts/account.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { createShareCode, redeemShareCode, revokeLink } from '#app/domain/sharing/links.server.ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { makeUser } from '#tests/setup/requests.ts'
import {
  dismissServiceSuggestion,
  SAVED_SERVICES_LIMIT,
  savedServicesOf,
  saveService,
  serviceSuggestionsFor,
  suggestService,
  unsaveService,
} from './client-services.server.ts'
import { readDirectoryCsv } from './csv.server.ts'
import { deleteEntry, getEntry, importEntries, listEntries, saveEntry } from './entries.server.ts'
import { CSV_COLUMNS, EntrySchema } from './entry-schema.ts'
import { searchDirectory } from './search.server.ts'

// Saturday 5 December 2026, 12:00 in London (GMT).
const NOW = new Date('2026-12-05T12:00:00Z')
const HEADER = CSV_COLUMNS.join(',')
const ALL = { assessments: true, modules: true, tracking: true, goals: true }

const FILE = [
  HEADER,
  'hub,Example Hub,drug-alcohol-service,1 Example Street,Leeds,LS1,,,Mon-Fri 09:00-17:00; Sat 10:00-14:00,,,,,2026-11-01',
  'chemist,Example Pharmacy,pharmacy,2 Example Road,Manchester,M4,,,Mon-Fri 09:00-18:00,,,,,2025-06-01',
  'sat-na,Example Saturday NA,meeting-na,3 Example Lane,Leeds,LS2,,,,weekly Sat 19:00,,,,2026-11-01',
  'tue-aa,Example Tuesday AA,meeting-aa,online,,,,,,weekly Tue 19:30,,,,2026-11-01',
  'nyc,Example New York SMART,meeting-smart,online,,,,,,weekly Sat 10:00,America/New_York,,,2026-11-01',
].join('\n')

async function load(text: string) {
  const read = readDirectoryCsv(text)
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  return importEntries(read.entries, NOW)
}

async function linkedPair() {
  const client = await makeUser('client')
  const worker = await makeUser('keyworker')
  const { code } = await createShareCode(client.id, ALL, NOW)
  const redeemed = await redeemShareCode(worker, code, NOW)
  if (!redeemed.ok) throw new Error('not linked')
  return { client, worker, linkId: redeemed.linkId }
}

beforeEach(async () => {
  pinClock(NOW)
  for (const entry of await listEntries()) await deleteEntry(entry.id)
})
afterEach(() => unpinClock())

describe('import', () => {
  it('adds every row of a good file, then updates the same entries by id on a second import', async () => {
    expect(await load(FILE)).toEqual({ created: 5, updated: 0 })
    const changed = FILE.replace('Example Hub,', 'Example Hub (moved),').replace('1 Example Street', '9 New Street')
    expect(
      await load(`${changed}\n,Example New Café,other,online,,,,,,,,,,2026-12-01`.replace('other', 'drug-checking')),
    ).toEqual({
      created: 1,
      updated: 5,
    })
    const entries = await listEntries()
    expect(entries).toHaveLength(6)
    expect(await getEntry('hub')).toMatchObject({ name: 'Example Hub (moved)', address: '9 New Street', online: false })
    expect(await getEntry('tue-aa')).toMatchObject({ online: true, address: null })
  })

  it('imports nothing when any row is wrong', async () => {
    await load(FILE)
    const before = await listEntries()
    const bad = `${FILE.replace('Example Hub,', 'Renamed Hub,')}\n,Broken,meeting-aa,online,,,,,,,,,,2026-11-01`
    const read = readDirectoryCsv(bad)
    expect(read).toMatchObject({ ok: false, problems: [{ row: 7, column: 'schedule' }] })
    expect(await listEntries()).toEqual(before)
  })

  it('writes nothing if the database refuses one row part-way (one transaction)', async () => {
    const read = readDirectoryCsv(FILE)
    if (!read.ok) throw new Error('bad file')
    // A row the schema let through but the table refuses (no name) makes the whole batch fail.
    const broken = [...read.entries, { ...read.entries[0], id: 'late', name: null as unknown as string }]
    await expect(importEntries(broken as typeof read.entries, NOW)).rejects.toThrow()
    expect(await listEntries()).toEqual([])
  })
})

describe('search', () => {
  beforeEach(async () => {
    await load(FILE)
  })

  it('finds by kind, by town text and by postcode district, case-insensitively', async () => {
    const names = async (search: Parameters<typeof searchDirectory>[0]) =>
      (await searchDirectory(search, 'Europe/London', NOW)).results.map((r) => r.entry.id)
    expect(await names({ place: 'leeds' })).toEqual(['hub', 'sat-na'])
    expect(await names({ place: 'ls' })).toEqual(['hub', 'sat-na'])
    expect(await names({ place: 'm4' })).toEqual(['chemist'])
    expect(await names({ kind: 'pharmacy' })).toEqual(['chemist'])
    expect(await names({ kind: 'meetings' })).toEqual(['nyc', 'sat-na', 'tue-aa'])
    expect(await names({ place: '%' })).toEqual([])
  })

  it('"open now" reads opening hours in the entry’s zone; "meets today" uses the viewer’s day', async () => {
    const ids = async (when: 'open-now' | 'meets-today', zone = 'Europe/London', now = NOW) =>
      (await searchDirectory({ when }, zone, now)).results.map((r) => r.entry.id)
    // Saturday 12:00 GMT: the hub opens Saturdays 10–14, the pharmacy only weekdays.
    expect(await ids('open-now')).toEqual(['hub'])
    expect(await ids('meets-today')).toEqual(['nyc', 'sat-na'])
    // For a viewer in Tokyo it is already 21:00 on Saturday: the hub's hours are still London's.
    expect(await ids('open-now', 'Asia/Tokyo')).toEqual(['hub'])
    // It is Saturday in Tokyo too, but Saturday evening's meetings in London and New York start
    // on Sunday, Tokyo time; Tokyo's Sunday has both.
    expect(await ids('meets-today', 'Asia/Tokyo')).toEqual([])
    expect(await ids('meets-today', 'Asia/Tokyo', new Date('2026-12-05T16:00:00Z'))).toEqual(['nyc', 'sat-na'])
  })

  it('lists the next 7 days of meetings in time order, in the viewer’s zone, and marks unchecked entries', async () => {
    const { nextMeetings, results } = await searchDirectory({}, 'Europe/London', NOW)
    expect(nextMeetings.map((m) => [m.entry.id, m.date, m.time])).toEqual([
      ['nyc', '2026-12-05', '15:00'],
      ['sat-na', '2026-12-05', '19:00'],
      ['tue-aa', '2026-12-08', '19:30'],
      // Saturday 12 December's meetings are more than 7 days from now (12:00 on the 5th).
    ])
    const inNewYork = await searchDirectory({}, 'America/New_York', NOW)
    expect(inNewYork.nextMeetings.map((m) => [m.entry.id, m.time])[0]).toEqual(['nyc', '10:00'])
    expect(results.find((r) => r.entry.id === 'chemist')?.stale).toBe(true)
    expect(results.find((r) => r.entry.id === 'hub')?.stale).toBe(false)
  })
})

describe('suggestions and saved services', () => {
  beforeEach(async () => {
    await load(FILE)
  })

  it('a linked worker’s suggestion shows until dismissed, and not once the client stops sharing', async () => {
    const { client, worker, linkId } = await linkedPair()
    expect(await suggestService(worker.id, client.id, 'hub', NOW)).toBe(true)
    expect(await suggestService(worker.id, client.id, 'no-such-entry', NOW)).toBe(false)
    const [shown] = await serviceSuggestionsFor(client.id)
    expect(shown).toMatchObject({ entry: { id: 'hub' }, worker: worker.username })
    expect(await dismissServiceSuggestion((await makeUser('client')).id, shown?.id ?? '')).toBe(false)
    expect(await dismissServiceSuggestion(client.id, shown?.id ?? '')).toBe(true)
    expect(await serviceSuggestionsFor(client.id)).toEqual([])
    await suggestService(worker.id, client.id, 'hub', NOW)
    expect(await serviceSuggestionsFor(client.id)).toHaveLength(1)
    await revokeLink(client.id, linkId, NOW)
    expect(await serviceSuggestionsFor(client.id)).toEqual([])
  })

  it('keeps at most SAVED_SERVICES_LIMIT saved services; saving twice is one save', async () => {
    const client = await makeUser('client')
    for (let i = 0; i < SAVED_SERVICES_LIMIT + 1; i++)
      await saveEntry(
        EntrySchema.parse({
          id: `extra-${i}`,
          name: `Example ${i}`,
          kind: 'pharmacy',
          address: 'online',
          time_zone: 'Europe/London',
          last_verified: '2026-11-01',
        }),
        NOW,
      )
    expect(await saveService(client.id, 'hub', NOW)).toBe('saved')
    expect(await saveService(client.id, 'hub', NOW)).toBe('saved')
    for (let i = 0; i < SAVED_SERVICES_LIMIT - 1; i++)
      expect(await saveService(client.id, `extra-${i}`, NOW)).toBe('saved')
    expect(await saveService(client.id, `extra-${SAVED_SERVICES_LIMIT}`, NOW)).toBe('full')
    expect(await saveService(client.id, 'missing', NOW)).toBe('not-found')
    expect(await savedServicesOf(client.id)).toHaveLength(SAVED_SERVICES_LIMIT)
    expect(await unsaveService(client.id, 'hub')).toBe(true)
    expect(await saveService(client.id, `extra-${SAVED_SERVICES_LIMIT}`, NOW)).toBe('saved')
  })

  it('removing an entry removes its suggestions and saves', async () => {
    const { client, worker } = await linkedPair()
    await suggestService(worker.id, client.id, 'chemist', NOW)
    await saveService(client.id, 'chemist', NOW)
    expect(await deleteEntry('chemist')).toBe(true)
    expect(await serviceSuggestionsFor(client.id)).toEqual([])
    expect(await savedServicesOf(client.id)).toEqual([])
  })

  it('are in the privacy export and go with the account', async () => {
    const { client, worker } = await linkedPair()
    await suggestService(worker.id, client.id, 'sat-na', NOW)
    await saveService(client.id, 'hub', NOW)
    const exported = await exportUserData(client.id, NOW)
    expect(exported.savedServices).toEqual([{ entryId: 'hub', name: 'Example Hub', savedAt: NOW.toISOString() }])
    expect(exported.suggestedServices).toEqual([
      {
        entryId: 'sat-na',
        name: 'Example Saturday NA',
        suggestedBy: worker.username,
        suggestedAt: NOW.toISOString(),
        dismissedAt: null,
      },
    ])
    await deleteUser(client.id)
    expect(rowsMentioning(client.id)).toEqual([])
    expect(await getEntry('hub')).toBeDefined()
  })
})
