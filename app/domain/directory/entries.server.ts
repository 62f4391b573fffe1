// The directory's entries: what an admin adds, edits, removes and imports. An import is all or
// nothing: the whole file is checked first (csv.server.ts), then every row is written in one
// transaction, updating the entry with the row's id or adding a new one.
import { asc, eq, inArray } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { type DirectoryEntry, directoryEntries, type NewDirectoryEntry } from '#db/schema/index.ts'
import type { EntryInput } from './entry-schema.ts'

/** The row an entry's checked input is stored as; `online` when the address says "online". */
function toRow(input: EntryInput, id: string, now: Date): NewDirectoryEntry {
  const online = input.address.trim().toLowerCase() === 'online'
  return {
    id,
    name: input.name,
    kind: input.kind,
    online,
    address: online ? null : input.address,
    town: input.town ?? null,
    postcodeDistrict: input.postcode_district ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    openingHours: input.opening_hours ?? null,
    schedule: input.schedule ?? null,
    timeZone: input.time_zone,
    accessibility: input.accessibility ?? null,
    languages: input.languages ?? null,
    lastVerified: input.last_verified,
    createdAt: now,
    updatedAt: now,
  }
}

/** The form's and the CSV's values for an entry (the inverse of toRow). */
export function entryValues(entry: DirectoryEntry): Record<string, string> {
  const values: Record<string, string | null> = {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    address: entry.online ? 'online' : entry.address,
    town: entry.town,
    postcode_district: entry.postcodeDistrict,
    phone: entry.phone,
    website: entry.website,
    opening_hours: entry.openingHours,
    schedule: entry.schedule,
    time_zone: entry.timeZone,
    accessibility: entry.accessibility,
    languages: entry.languages,
    last_verified: entry.lastVerified,
  }
  return Object.fromEntries(Object.entries(values).filter((pair): pair is [string, string] => pair[1] !== null))
}

/** Every column but id and createdAt, taken from the incoming row on conflict. */
function upsertSet(row: NewDirectoryEntry) {
  const { id: _rowId, createdAt: _rowCreated, ...set } = row
  return set
}

export async function listEntries(): Promise<DirectoryEntry[]> {
  return getDb().select().from(directoryEntries).orderBy(asc(directoryEntries.name), asc(directoryEntries.id)).all()
}

export async function getEntry(id: string): Promise<DirectoryEntry | undefined> {
  return getDb().select().from(directoryEntries).where(eq(directoryEntries.id, id)).get()
}

/** Adds an entry (a new id) or, given the id of one, replaces its details. Returns the id. */
export async function saveEntry(input: EntryInput, now = clock.now()): Promise<string> {
  const row = toRow(input, input.id ?? crypto.randomUUID(), now)
  await getDb()
    .insert(directoryEntries)
    .values(row)
    .onConflictDoUpdate({ target: directoryEntries.id, set: upsertSet(row) })
    .run()
  return row.id as string
}

/** Whether there was such an entry; its suggestions and saves go with it (cascade). */
export async function deleteEntry(id: string): Promise<boolean> {
  const result = await getDb().delete(directoryEntries).where(eq(directoryEntries.id, id)).run()
  return result.changes === 1
}

export type ImportResult = { created: number; updated: number }

/** Writes checked entries in one transaction: a row with a known id updates it, any other is added. */
export async function importEntries(entries: EntryInput[], now = clock.now()): Promise<ImportResult> {
  const ids = entries.flatMap((entry) => (entry.id ? [entry.id] : []))
  const existing = new Set(
    ids.length === 0
      ? []
      : (
          await getDb()
            .select({ id: directoryEntries.id })
            .from(directoryEntries)
            .where(inArray(directoryEntries.id, ids))
            .all()
        ).map((row) => row.id),
  )
  const rows = entries.map((entry) => toRow(entry, entry.id ?? crypto.randomUUID(), now))
  getDb().transaction((tx) => {
    for (const row of rows)
      tx.insert(directoryEntries)
        .values(row)
        .onConflictDoUpdate({ target: directoryEntries.id, set: upsertSet(row) })
        .run()
  })
  const updated = rows.filter((row) => existing.has(row.id as string)).length
  return { created: rows.length - updated, updated }
}
