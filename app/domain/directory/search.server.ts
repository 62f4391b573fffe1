// Finding services and meetings: by kind, by town or postcode district text, and "open now" or
// "meets today", with every time shown in the viewer's own zone. Opening hours and schedules are
// read in each entry's zone (programme/engine/directory/schedule.ts), afresh on every search.
import { and, asc, like, or, type SQL, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { type DirectoryEntry, directoryEntries } from '#db/schema/index.ts'
import { isDirectoryKind, isMeetingKind, KIND_NAMES } from '#programme/engine/directory/kinds.ts'
import {
  dayBounds,
  describeSchedule,
  isOpenAt,
  nextOccurrences,
  occurrencesBetween,
  parseOpeningHours,
  parseSchedule,
} from '#programme/engine/directory/schedule.ts'
import { localParts } from '#programme/engine/tracking/time.ts'

export const WHEN_FILTERS = ['any', 'open-now', 'meets-today'] as const
export type DirectorySearch = { kind?: string; place?: string; when?: (typeof WHEN_FILTERS)[number] }

/** More than a local area lists; the page says when there are more. */
const MAX_RESULTS = 100
const MAX_NEXT_MEETINGS = 50

export type EntryView = {
  entry: DirectoryEntry
  /** Null for an entry without opening hours. */
  openNow: boolean | null
  /** "Every Tuesday at 19:30 (Europe/London time)", for meetings. */
  scheduleText: string | null
  /** Its start times in the next 7 days, in the viewer's zone. */
  nextMeetings: LocalTime[]
  /** Not checked in the last 12 months. */
  stale: boolean
}
/** What a page shows of an entry (app/components/directory-entry.tsx). */
export type EntryCard = {
  id: string
  name: string
  kindName: string
  online: boolean
  address: string | null
  town: string | null
  postcodeDistrict: string | null
  phone: string | null
  website: string | null
  openingHours: string | null
  scheduleText: string | null
  timeZone: string
  accessibility: string | null
  languages: string | null
  lastVerified: string
  openNow: boolean | null
  stale: boolean
}

export function entryCard(view: EntryView): EntryCard {
  const { entry } = view
  return {
    id: entry.id,
    name: entry.name,
    kindName: isDirectoryKind(entry.kind) ? KIND_NAMES[entry.kind] : entry.kind,
    online: entry.online,
    address: entry.address,
    town: entry.town,
    postcodeDistrict: entry.postcodeDistrict,
    phone: entry.phone,
    website: entry.website,
    openingHours: entry.openingHours,
    scheduleText: view.scheduleText,
    timeZone: entry.timeZone,
    accessibility: entry.accessibility,
    languages: entry.languages,
    lastVerified: entry.lastVerified,
    openNow: view.openNow,
    stale: view.stale,
  }
}

export type LocalTime = { at: string; date: string; time: string; weekday: number }
export type NextMeeting = LocalTime & { entry: DirectoryEntry }

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function filters(search: DirectorySearch): SQL[] {
  const where: SQL[] = []
  if (search.kind === 'meetings') where.push(like(directoryEntries.kind, 'meeting-%'))
  else if (search.kind) where.push(sql`${directoryEntries.kind} = ${search.kind}`)
  const place = search.place?.trim().toLowerCase()
  if (place) {
    const pattern = `%${escapeLike(place)}%`
    const town = sql`lower(${directoryEntries.town}) like ${pattern} escape '\\'`
    const district = sql`lower(${directoryEntries.postcodeDistrict}) like ${`${escapeLike(place.replace(/\s+/g, ''))}%`} escape '\\'`
    where.push(or(town, district) as SQL)
  }
  return where
}

/** The local date and time of an instant for a viewer in `timeZone`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = localParts(at, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    at: at.toISOString(),
    date: parts.date,
    time: `${pad(parts.hour)}:${pad(parts.minute)}`,
    weekday: parts.weekday,
  }
}

/** A year before `today` ('YYYY-MM-DD'): an entry last checked before then says so. */
export function staleBefore(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
}

export function viewEntry(entry: DirectoryEntry, viewerZone: string, now: Date): EntryView {
  const hours = entry.openingHours ? parseOpeningHours(entry.openingHours) : null
  const schedule = entry.schedule ? parseSchedule(entry.schedule) : null
  return {
    entry,
    openNow: hours?.ok ? isOpenAt(hours.value, entry.timeZone, now) : null,
    scheduleText: schedule?.ok ? describeSchedule(schedule.value) : null,
    nextMeetings: schedule?.ok
      ? nextOccurrences(schedule.value, entry.timeZone, now).map((at) => localTime(at, viewerZone))
      : [],
    stale: entry.lastVerified < staleBefore(localParts(now, viewerZone).date),
  }
}

/** Whether a meeting meets on the viewer's local today. */
function meetsToday(entry: DirectoryEntry, viewerZone: string, now: Date): boolean {
  const schedule = entry.schedule ? parseSchedule(entry.schedule) : null
  if (!schedule?.ok) return false
  const { start, end } = dayBounds(localParts(now, viewerZone).date, viewerZone)
  return occurrencesBetween(schedule.value, entry.timeZone, start, end).length > 0
}

export async function searchDirectory(search: DirectorySearch, viewerZone: string, now = clock.now()) {
  const where = filters(search)
  const rows = await getDb()
    .select()
    .from(directoryEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(directoryEntries.name), asc(directoryEntries.id))
    .all()
  const views = rows
    .map((entry) => viewEntry(entry, viewerZone, now))
    .filter((view) =>
      search.when === 'open-now'
        ? view.openNow === true
        : search.when === 'meets-today'
          ? isMeetingKind(view.entry.kind) && meetsToday(view.entry, viewerZone, now)
          : true,
    )
  const nextMeetings: NextMeeting[] = views
    .flatMap((view) => view.nextMeetings.map((time) => ({ ...time, entry: view.entry })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.entry.name.localeCompare(b.entry.name))
  return {
    results: views.slice(0, MAX_RESULTS),
    more: Math.max(0, views.length - MAX_RESULTS),
    nextMeetings: nextMeetings.slice(0, MAX_NEXT_MEETINGS),
  }
}
