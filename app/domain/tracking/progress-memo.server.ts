// The progress dashboard is kept in memory until the client's tracking changes, so going back to
// a range or reloading costs a lookup (ADR 0012). Any write to a client's urges, use, goals or
// check-ins drops that client's entries; a write from another connection drops them all
// (db/write-watch.ts). Each entry keeps its JSON too, once a page has asked for it.

import { clock } from '#app/utils/clock.server.ts'
import { packProgress } from '#app/utils/progress-wire.ts'
import { prepared } from '#db/prepared.ts'
import { otherWrites, watchWrites } from '#db/write-watch.ts'
import { todayIn } from '#programme/engine/index.ts'
import { timeZoneOf } from './entries.server.ts'
import { buildProgress, type Progress, RANGES, type RangeDays } from './stats.server.ts'

const MEMO_CLIENTS = 200
const WATCHED = ['urges', 'use_entries', 'goals', 'goal_check_ins'].map((table) => [table, ['user_id']] as const)

/** A memo entry: the dashboard, and its JSON once the page has asked for it. */
type Kept = { value: Progress; json?: string }

const memo = prepared((db) => {
  const clients = new Map<string, Map<string, Kept>>()
  watchWrites(db, 'tracking', WATCHED, (userId) => clients.delete(userId))
  return { clients, otherWrites: otherWrites(db) }
})

/** The dashboard as the progress page shows it: series by day, 7-day block or month to suit the range. */
export function progress(userId: string, rangeDays: RangeDays, now = clock.now()): Progress {
  return kept(userId, rangeDays, now).value
}

/**
 * The same, packed as JSON once per memo entry (progress-wire.ts): the page hands it to the
 * browser as one string, which costs a request far less than encoding the object graph each time.
 */
export function progressJson(userId: string, rangeDays: RangeDays, now = clock.now()): string {
  const entry = kept(userId, rangeDays, now)
  entry.json ??= packProgress(entry.value)
  return entry.json
}

function kept(userId: string, rangeDays: RangeDays, now: Date): Kept {
  const { clients, otherWrites } = memo()
  if (otherWrites()) clients.clear()
  const timeZone = timeZoneOf(userId)
  const key = `${rangeDays} ${timeZone} ${todayIn(timeZone, now)}`
  const found = clients.get(userId)?.get(key)
  if (found) return found
  const entry = { value: buildProgress(userId, rangeDays, now) }
  // A new day (or zone) leaves a client's old keys behind: start their entry afresh.
  let mine = clients.get(userId)
  if (!mine || mine.size >= RANGES.length) {
    clients.delete(userId)
    if (clients.size >= MEMO_CLIENTS) clients.delete(clients.keys().next().value ?? '')
    mine = new Map()
    clients.set(userId, mine)
  }
  mine.set(key, entry)
  return entry
}
