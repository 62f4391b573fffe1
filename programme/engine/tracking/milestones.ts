// Milestones and daily series for a client's progress: days since last use for a stop goal,
// urges ridden out in a row, and gap-free daily rows for charts. Every date is a local
// 'YYYY-MM-DD' in the client's zone (see time.ts), so a day here is the client's own day.
import { addDays, daysBetween, isDate } from './time.ts'

export type UrgeOutcome = 'rode-out' | 'used'

/**
 * Whole days since the later of the last use and the start of the stop goal: 0 on the day
 * itself, 1 the day after. Use before the goal began does not count against it, so a new goal
 * starts at 0 whatever the client's history. A date after `today` (a goal set to start
 * tomorrow) gives 0, never a negative count.
 */
export function daysSinceLastUse(lastUseDate: string | null, goalStartDate: string, today: string): number {
  if (lastUseDate !== null && !isDate(lastUseDate)) throw new RangeError(`Not a date (YYYY-MM-DD): ${lastUseDate}`)
  const from = lastUseDate !== null && lastUseDate > goalStartDate ? lastUseDate : goalStartDate
  return Math.max(0, daysBetween(from, today))
}

/** The window "days free" counts over: the last 30 days, today included. */
export const FREE_WINDOW_DAYS = 30

/**
 * A stop goal's runs, so that a lapse never wipes out progress (issue 15 §5; hazard H-041):
 * - `current`: days since the later of the last use and the goal's start (as daysSinceLastUse);
 * - `longest`: the longest run since the goal began: a run that ended in use counts the whole
 *   days between (use on the 1st and the 5th: 3 days), the current run counts as above;
 * - `freeDays` of `windowDays`: days with no use logged among the last 30 (today included), or
 *   among the days since the goal began when that is fewer.
 * `useDates` are the local dates the goal's substance was used (any order, repeats fine);
 * dates before the goal began, or after `today`, are ignored.
 */
export function stopGoalRuns(
  useDates: readonly string[],
  startedOn: string,
  today: string,
  window = FREE_WINDOW_DAYS,
): { current: number; longest: number; freeDays: number; windowDays: number } {
  for (const date of [...useDates, startedOn, today])
    if (!isDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`)
  const used = [...new Set(useDates)].filter((d) => d >= startedOn && d <= today).sort()
  let boundary = startedOn
  let longest = 0
  for (const date of used) {
    if (date > boundary) longest = Math.max(longest, daysBetween(boundary, date) - 1)
    boundary = date
  }
  const current = Math.max(0, daysBetween(boundary, today))
  const from = [addDays(today, 1 - window), startedOn].sort()[1] as string
  const windowDays = Math.max(0, daysBetween(from, today) + 1)
  const freeDays = windowDays - used.filter((d) => d >= from).length
  return { current, longest: Math.max(longest, current), freeDays, windowDays }
}

/**
 * How many of the latest urges were ridden out before the newest one that ended in use.
 * `outcomes` is newest first. An urge logged without an outcome (null) neither adds to the run
 * nor breaks it: the client did not say, and the count should not guess.
 */
export function riddenOutInARow(outcomes: ReadonlyArray<UrgeOutcome | null | undefined>): number {
  let count = 0
  for (const outcome of outcomes) {
    if (outcome === 'used') break
    if (outcome === 'rode-out') count++
  }
  return count
}

/**
 * One row for each of `dates`, in that order: the row given for the date, or an empty one so
 * that a chart shows a day with nothing logged rather than skipping it. Rows for dates outside
 * `dates` are left out. `empty` is a row without its date, or a function that makes one.
 * Throws if two rows share a date: rows must be one per day (add up occasions first).
 */
export function fillDays<T extends { date: string }>(
  rows: readonly T[],
  dates: readonly string[],
  empty: Omit<T, 'date'> | ((date: string) => T),
): T[] {
  const byDate = new Map<string, T>()
  for (const row of rows) {
    if (!isDate(row.date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${row.date}`)
    if (byDate.has(row.date)) throw new Error(`Two rows for ${row.date}: give one row per day`)
    byDate.set(row.date, row)
  }
  return dates.map(
    (date) => byDate.get(date) ?? (typeof empty === 'function' ? empty(date) : ({ ...empty, date } as unknown as T)),
  )
}
