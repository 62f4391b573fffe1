// When a directory entry is open and when a meeting meets, in the entry's own IANA zone, with
// Intl alone through tracking/time.ts (no date library is in the project, and Intl knows every
// zone's clock changes). Both are written as short text, the same in the CSV, the admin form
// and the database:
//   opening hours  "Mon-Fri 09:00-17:00; Sat 10:00-13:00"   ("24:00" closes at midnight)
//   schedule       "weekly Tue 19:30"  |  "monthly 2 Thu 19:00"  |  "monthly last Sun 10:00"
import { addDays, daysBetween, localParts, localToUtc } from '../tracking/time.ts'

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth']

export type OpeningPeriod = { weekday: number; opens: string; closes: string }
export type Schedule =
  | { type: 'weekly'; weekday: number; time: string }
  /** `week` 1–5, or -1 for the last such weekday of the month. */
  | { type: 'monthly'; week: number; weekday: number; time: string }

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const CLOSE = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/

/** 0–6 (Monday 0) for "Tue" or "Tuesday" in any case; -1 otherwise. */
function weekdayOf(text: string): number {
  const lower = text.toLowerCase()
  return WEEKDAY_NAMES.findIndex((name, i) => lower === name.toLowerCase() || lower === WEEKDAYS[i]?.toLowerCase())
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** "Mon-Fri 09:00-17:00; Sat 10:00-13:00" → periods, or a message saying what is wrong. */
export function parseOpeningHours(text: string): ParseResult<OpeningPeriod[]> {
  const periods: OpeningPeriod[] = []
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]+)(?:\s*-\s*([A-Za-z]+))?\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part)
    if (!match)
      return { ok: false, error: `Write opening hours like "Mon-Fri 09:00-17:00; Sat 10:00-13:00" (not "${part}")` }
    const [, fromDay = '', toDay, opens = '', closes = ''] = match
    const first = weekdayOf(fromDay)
    const last = toDay === undefined ? first : weekdayOf(toDay)
    if (first < 0 || last < 0)
      return { ok: false, error: `Use days written Mon, Tue, Wed, Thu, Fri, Sat, Sun (in "${part}")` }
    if (!TIME.test(opens) || !CLOSE.test(closes))
      return { ok: false, error: `Use 24-hour times like 09:00 (in "${part}")` }
    if (minutes(closes) <= minutes(opens))
      return { ok: false, error: `The closing time must be after the opening time (in "${part}")` }
    for (let day = first; ; day = (day + 1) % 7) {
      periods.push({ weekday: day, opens, closes })
      if (day === last) break
    }
  }
  if (periods.length === 0) return { ok: false, error: 'Write at least one day and its hours' }
  return { ok: true, value: periods }
}

/** "weekly Tue 19:30", "monthly 2 Thu 19:00" or "monthly last Sun 10:00" → a schedule. */
export function parseSchedule(text: string): ParseResult<Schedule> {
  const words = text.trim().split(/\s+/)
  const shape = 'Write the schedule like "weekly Tue 19:30", "monthly 2 Thu 19:00" or "monthly last Sun 10:00"'
  const [kind = '', ...rest] = words
  if (kind.toLowerCase() === 'weekly' && rest.length === 2) {
    const [day = '', time = ''] = rest
    const weekday = weekdayOf(day)
    if (weekday < 0 || !TIME.test(time)) return { ok: false, error: shape }
    return { ok: true, value: { type: 'weekly', weekday, time } }
  }
  if (kind.toLowerCase() === 'monthly' && rest.length === 3) {
    const [nth = '', day = '', time = ''] = rest
    const week = nth.toLowerCase() === 'last' ? -1 : /^[1-5]$/.test(nth) ? Number(nth) : 0
    const weekday = weekdayOf(day)
    if (week === 0 || weekday < 0 || !TIME.test(time)) return { ok: false, error: shape }
    return { ok: true, value: { type: 'monthly', week, weekday, time } }
  }
  return { ok: false, error: shape }
}

/** The schedule as the CSV writes it. */
export function scheduleText(schedule: Schedule): string {
  const day = WEEKDAYS[schedule.weekday]
  if (schedule.type === 'weekly') return `weekly ${day} ${schedule.time}`
  return `monthly ${schedule.week === -1 ? 'last' : schedule.week} ${day} ${schedule.time}`
}

/** "Every Tuesday at 19:30", "The second Thursday of the month at 19:00". */
export function describeSchedule(schedule: Schedule): string {
  const day = WEEKDAY_NAMES[schedule.weekday]
  if (schedule.type === 'weekly') return `Every ${day} at ${schedule.time}`
  const which = schedule.week === -1 ? 'last' : ORDINALS[schedule.week]
  return `The ${which} ${day} of the month at ${schedule.time}`
}

/** Whether the meeting meets on the local date `date` ('YYYY-MM-DD') of its own zone. */
export function meetsOnDate(schedule: Schedule, date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7
  if (weekday !== schedule.weekday) return false
  if (schedule.type === 'weekly') return true
  if (schedule.week === -1) return Number(addDays(date, 7).slice(5, 7)) !== month
  return Math.ceil(day / 7) === schedule.week
}

/**
 * Every time the meeting starts at or after `from` and before `to`, as instants, in order. The
 * time is the meeting's local time in `timeZone` on each day, so 19:30 stays 19:30 across a
 * clock change (a time a spring-forward skips moves on by the gap, as localToUtc does).
 */
export function occurrencesBetween(schedule: Schedule, timeZone: string, from: Date, to: Date): Date[] {
  const firstDate = addDays(localParts(from, timeZone).date, -1)
  const days = daysBetween(firstDate, localParts(to, timeZone).date) + 1
  const found: Date[] = []
  for (let i = 0; i <= days; i++) {
    const date = addDays(firstDate, i)
    if (!meetsOnDate(schedule, date)) continue
    const at = localToUtc(`${date}T${schedule.time}`, timeZone)
    if (at >= from && at < to) found.push(at)
  }
  return found
}

const WEEK_MS = 7 * 86_400_000

/** The meeting's start times in the 7 days from `now`. */
export function nextOccurrences(schedule: Schedule, timeZone: string, now: Date): Date[] {
  return occurrencesBetween(schedule, timeZone, now, new Date(now.getTime() + WEEK_MS))
}

/** The instants at which `date` ('YYYY-MM-DD') starts and ends in `timeZone`. */
export function dayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: localToUtc(`${date}T00:00`, timeZone), end: localToUtc(`${addDays(date, 1)}T00:00`, timeZone) }
}

/** Whether the opening hours, read in `timeZone`, include the instant `at`. */
export function isOpenAt(periods: OpeningPeriod[], timeZone: string, at: Date): boolean {
  const local = localParts(at, timeZone)
  const now = local.hour * 60 + local.minute
  return periods.some((p) => p.weekday === local.weekday && minutes(p.opens) <= now && now < minutes(p.closes))
}
