// Calendar days in the client's own time zone. Entries are stored as a UTC instant plus the
// client's IANA zone; these functions turn instants into local dates (for daily buckets and
// "today") and local wall-clock times into instants, with Intl alone (no date library).
// Dates are 'YYYY-MM-DD' strings: they sort and compare as text, and carry no zone.

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

export type LocalParts = {
  /** The local calendar date, 'YYYY-MM-DD'. */
  date: string
  /** 0–23. */
  hour: number
  minute: number
  /** Monday is 0, Sunday 6 (the UK week). */
  weekday: number
}

const MAX_CACHED_ZONES = 1000
const formatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: building an Intl.DateTimeFormat is far slower than using one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    // Bounded, because zone names arrive from clients (and Intl accepts any casing of one).
    if (formatters.size < MAX_CACHED_ZONES) formatters.set(timeZone, formatter)
  }
  return formatter
}

/**
 * Whether `timeZone` is an IANA zone name this runtime knows ('Europe/London', 'UTC').
 * Fixed offsets ('+01:00') are refused: they cannot follow daylight saving.
 */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** What `formatterFor(zone).format()` writes in en-GB: "06/12/2026, 02:53:05". */
const FORMATTED = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/

/**
 * Milliseconds of the local wall-clock reading of `utc` in `timeZone`, counted as if it were UTC.
 * Read from the formatter's plain text, about three times cheaper than `formatToParts` (which
 * makes an object per part); a reading the pattern does not fit (a year before 1000, another
 * ICU's wording) falls back to the parts, so the answer never depends on the shortcut.
 */
function wallClock(utc: Date, timeZone: string): number {
  if (Number.isNaN(utc.getTime())) throw new RangeError('Invalid date')
  const formatter = formatterFor(timeZone)
  const match = FORMATTED.exec(formatter.format(utc))
  if (match) {
    const [, day, month, year, hour, minute, second] = match.map(Number) as number[]
    return Date.UTC(year as number, (month as number) - 1, day, (hour as number) % 24, minute, second)
  }
  return wallClockFromParts(formatter, utc)
}

/** The same reading through `formatToParts`: slower, but needs no knowledge of the text's layout. */
function wallClockFromParts(formatter: Intl.DateTimeFormat, utc: Date): number {
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(utc)) if (part.type !== 'literal') parts[part.type] = Number(part.value)
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  return Date.UTC(year, month - 1, day, hour % 24, minute, second)
}

/** The zone's offset from UTC at `utc`, in milliseconds (London in summer: +3,600,000). */
function offsetAt(utcMs: number, timeZone: string): number {
  const whole = utcMs - (((utcMs % 1000) + 1000) % 1000)
  return wallClock(new Date(whole), timeZone) - whole
}

/** The local date, hour, minute and weekday of an instant in `timeZone`. */
export function localParts(utc: Date, timeZone: string): LocalParts {
  const wall = new Date(wallClock(utc, timeZone))
  return {
    date: formatDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: (wall.getUTCDay() + 6) % 7,
  }
}

/** The local 'YYYY-MM-DDTHH:mm' of an instant (what a datetime-local field shows). */
export function localDateTime(utc: Date, timeZone: string): string {
  const { date, hour, minute } = localParts(utc, timeZone)
  return `${date}T${pad(hour)}:${pad(minute)}`
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const probe = new Date(Date.UTC(year, month - 1, day))
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
}

/** Midnight UTC of a date, as milliseconds; throws on anything but a real 'YYYY-MM-DD'. */
function dateMs(date: string): number {
  if (!isDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day)
}

function fromDateMs(ms: number): string {
  const d = new Date(ms)
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/**
 * The instant at which clocks in `timeZone` read `local` ('YYYY-MM-DDTHH:mm'). Daylight saving
 * makes some readings ambiguous, resolved as Temporal's 'compatible' does:
 * - in a gap (spring forward), the missing time moves forward by the gap: London's 01:30 on
 *   29 March 2026 never happens and becomes 02:30 BST;
 * - in an overlap (autumn), the earlier of the two instants: London's 01:30 on 25 October 2026
 *   happens twice and is taken as 01:30 BST (00:30 UTC).
 * Assumes a zone changes its offset at most once within a day either side, as real zones do.
 */
export function localToUtc(local: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(local)
  if (!match) throw new RangeError(`Not a local date and time (YYYY-MM-DDTHH:mm): ${local}`)
  const [, , , , hour, minute] = match.map(Number) as [number, number, number, number, number, number]
  if (hour > 23 || minute > 59) throw new RangeError(`Not a time of day: ${local}`)
  const wall = dateMs(local.slice(0, 10)) + (hour * 60 + minute) * 60_000
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`)
  // The offsets in force a day before and a day after: the reading belongs to one of them.
  const before = offsetAt(wall - DAY_MS, timeZone)
  const after = offsetAt(wall + DAY_MS, timeZone)
  const fits = [wall - before, wall - after].filter((utc) => utc + offsetAt(utc, timeZone) === wall)
  if (fits.length > 0) return new Date(Math.min(...fits))
  // In a gap: read with the offset from before the change, which lands the gap's length later.
  return new Date(wall - before)
}

/** Today's date in `timeZone` at the instant `now` (passed in, so that callers and tests control the clock). */
export function todayIn(timeZone: string, now: Date): string {
  return localParts(now, timeZone).date
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`)
  return fromDateMs(dateMs(date) + days * DAY_MS)
}

/** Calendar days from `from` to `to`: 1 from yesterday to today, negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS)
}

/** The `days` dates ending with `endDate`, oldest first, both ends included. */
export function dateRange(endDate: string, days: number): string[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of days: ${days}`)
  const end = dateMs(endDate)
  return Array.from({ length: days }, (_, index) => fromDateMs(end - (days - 1 - index) * DAY_MS))
}
