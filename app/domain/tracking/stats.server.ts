// The numbers behind the progress dashboard: urges, use and goal check-ins over the last 7, 30,
// 90 or 365 days of the client's own calendar, with patterns and milestones. Every entry already
// carries its local date, hour and weekday (stamped at write time), so each figure is one
// GROUP BY over the (user_id, local_date) index: SQLite hands back a row per day (or week, or
// month), never the entries themselves. Empty days are filled in here, so charts show the gaps.
//
// The queries are written as SQL, prepared once per connection (`namedStatement`, with the rest of
// the SQLite-only SQL in db/sqlite.ts): GROUP BYs over expressions,
// FILTER clauses and json_each read more plainly so than through the query builder, and the
// page is on a hot path where the builder's row mapping costs more than the query.

import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { namedStatement } from '#db/sqlite.ts'
import {
  addDays,
  dateRange,
  daysSinceLastUse,
  FREE_WINDOW_DAYS,
  fillDays,
  stopGoalRuns,
  todayIn,
} from '#programme/engine/index.ts'
import { publishedTracking } from './forms.server.ts'

export const RANGES = [7, 30, 90, 365] as const
export type RangeDays = (typeof RANGES)[number]

/** The range asked for in `?range=`, or 30 days for anything else. */
export function parseRange(value: string | null | undefined): RangeDays {
  return RANGES.find((days) => String(days) === value) ?? 30
}

/** Time-of-day bands, by `local_hour / 6`: night 0–5, morning 6–11, afternoon 12–17, evening 18–23. */
export const BANDS = ['night', 'morning', 'afternoon', 'evening'] as const

/** How the page buckets a range: 365 daily bars or table rows are unreadable on a phone. */
export type Period = 'day' | 'week' | 'month'
export const periodFor = (days: RangeDays): Period => (days <= 30 ? 'day' : days <= 90 ? 'week' : 'month')

export type UrgeDay = { date: string; count: number; avgIntensity: number | null; rodeOut: number; used: number }
export type Amount = { substance: string; unit: string | null; amount: number }
type UseValues = {
  /** Occasions of use logged. */
  entries: number
  alcoholUnits: number
  spendPence: number
  /** Amounts of everything but alcohol (which is in `alcoholUnits`), by substance and unit. */
  amounts: Amount[]
}
/** `noUse`: the client said "no use today" and logged no use that day. */
export type UseDay = UseValues & { date: string; noUse: boolean }
/** A day, a 7-day block or a month of a series: `date` is its first day, `end` its last. */
export type UrgePeriod = UrgeDay & { end: string }
export type UsePeriod = UseValues & { date: string; end: string; noUseDays: number }
export type Counted = { id: string; label: string; count: number }
export type GoalCheckIns = { goalId: string; what: string; type: string; done: number; partly: number; not: number }
export type StopGoalMilestone = {
  goalId: string
  what: string
  substance: string | null
  /** The day the goal was set: the count starts there when nothing was used since. */
  startedOn: string
  lastUseDate: string | null
  daysSinceLastUse: number
  /** The longest run since the goal began, and days free of the last 30: a lapse never erases them (H-041). */
  longestRun: number
  freeDays: number
  windowDays: number
  /** Use of the goal's substance since it began, in the range, oldest first: the timeline's lapses. */
  lapses: Lapse[]
}
/** One use entry against a stop goal, with what the client wrote about what happened and what they learned. */
export type Lapse = { id: string; date: string; substance: string | null; lapseNote: string | null }

export type Summary = {
  range: { from: string; to: string; days: RangeDays }
  timeZone: string
  outcomes: { rodeOut: number; used: number; unknown: number }
  checkIns: { done: number; partly: number; not: number; goals: GoalCheckIns[] }
  patterns: {
    topTriggers: Counted[]
    /** `timeOfWeek[weekday][band]`: weekday 0 = Monday, band as in BANDS. */
    timeOfWeek: number[][]
    copingThatWorked: Counted[]
  }
  milestones: { stopGoals: StopGoalMilestone[]; riddenOutInARow: number }
}
export type Dashboard = Summary & { urgesByDay: UrgeDay[]; useByDay: UseDay[] }
export type Progress = Summary & { period: Period; urges: UrgePeriod[]; use: UsePeriod[] }

type Params = { userId: string; from: string; to: string }
type Key = string | number

const statement = <Row, Bind extends object = Params>(text: string) => namedStatement<Bind, Row>(text)

const IN_RANGE = 'user_id = @userId and local_date between @from and @to'

/** A date's bucket: the date, whole weeks back from `to` (0 = the last 7 days), or 'YYYY-MM'. */
const BUCKETS: Record<Period, (date: string) => string> = {
  day: (date) => date,
  week: (date) => `cast((julianday(@to) - julianday(${date})) / 7 as integer)`,
  month: (date) => `substr(${date}, 1, 7)`,
}
/** One statement per period, as the bucket expression is part of the SQL. */
function perPeriod<Row>(text: (bucket: (date: string) => string) => string) {
  return {
    day: statement<Row>(text(BUCKETS.day)),
    week: statement<Row>(text(BUCKETS.week)),
    month: statement<Row>(text(BUCKETS.month)),
  }
}

type UrgeRow = { key: Key; count: number; intensity: number; rodeOut: number; used: number }
const urgeSeries = perPeriod<UrgeRow>(
  (bucket) => `select ${bucket('local_date')} as key, count(*) as count, sum(intensity) as intensity,
    count(*) filter (where outcome = 'rode-out') as rodeOut, count(*) filter (where outcome = 'used') as used
  from urges where ${IN_RANGE} group by 1`,
)

// Days first (a day with only "no use" rows, substance null, is a no-use day), then days into buckets.
type UseRow = { key: Key; entries: number; alcoholUnits: number; spendPence: number; noUseDays: number }
const useSeries = perPeriod<UseRow>(
  (bucket) => `select ${bucket('date')} as key, sum(entries) as entries, sum(units) as alcoholUnits,
    sum(spend) as spendPence, count(*) filter (where entries = 0) as noUseDays
  from (select local_date as date, count(substance) as entries, coalesce(sum(alcohol_units), 0) as units,
      coalesce(sum(spend_pence), 0) as spend
    from use_entries where ${IN_RANGE} group by local_date)
  group by 1`,
)

const otherAmounts = perPeriod<{ key: Key } & Amount>(
  (bucket) => `select ${bucket('local_date')} as key, substance, unit, sum(amount) as amount
  from use_entries where ${IN_RANGE} and substance <> 'alcohol' and amount is not null
  group by 1, substance, unit order by substance, unit`,
)

const topTriggers = statement<{ id: string; count: number }>(
  `select trigger as id, count(*) as count from urges where ${IN_RANGE} and trigger is not null
  group by trigger order by count desc, trigger limit 5`,
)

const weekGrid = statement<{ cell: number; count: number }>(
  `select local_weekday * 4 + local_hour / 6 as cell, count(*) as count from urges where ${IN_RANGE} group by 1`,
)

// json_each turns each urge's list of strategies into rows; an empty list is skipped before it runs.
const copingThatWorked = statement<{ id: string; count: number }>(
  `select strategy.value as id, count(*) as count from urges, json_each(urges.coping) as strategy
  where ${IN_RANGE} and outcome = 'rode-out' and coping <> '[]'
  group by strategy.value order by count desc, strategy.value limit 5`,
)

/** The client's goals that are active or were checked in on in the range, with those check-ins. */
type GoalRow = GoalCheckIns & { substance: string | null; status: string; createdAt: number }
const goalRows = statement<GoalRow>(
  `select g.id as goalId, g.what, g.type, g.substance, g.status, g.created_at as createdAt,
    count(*) filter (where c.outcome = 'done') as done, count(*) filter (where c.outcome = 'partly') as partly,
    count(*) filter (where c.outcome = 'not') as "not"
  from goals g left join goal_check_ins c on c.goal_id = g.id and c.local_date between @from and @to
  where g.user_id = @userId group by g.id
  having g.status = 'active' or count(c.id) > 0 order by g.created_at, g.id`,
)

// Walks the date index back from the newest entry and stops at the first use.
const lastUse = statement<{ date: string }, { userId: string; substance: string | null }>(
  `select local_date as date from use_entries
  where user_id = @userId and amount > 0 and (@substance is null or substance = @substance)
  order by local_date desc limit 1`,
)

// The local dates of use of a substance (or anything) from a goal's start, for its runs.
type SinceParams = { userId: string; substance: string | null; from: string; to: string }
const useDatesSince = statement<{ date: string }, SinceParams>(
  `select distinct local_date as date from use_entries
  where user_id = @userId and amount > 0 and (@substance is null or substance = @substance)
    and local_date between @from and @to`,
)

// Use against a stop goal in the range: the lapses on the timeline.
const lapsesSince = statement<Lapse, SinceParams>(
  `select id, local_date as date, substance, lapse_note as lapseNote from use_entries
  where user_id = @userId and amount > 0 and (@substance is null or substance = @substance)
    and local_date between @from and @to
  order by occurred_at, id`,
)

// The rule of riddenOutInARow in the engine (an urge with no outcome neither counts nor breaks the
// run), counted in SQL from the newest urge that ended in use rather than over every urge.
const riddenOut = statement<{ count: number }, { userId: string }>(
  `select count(*) as count from urges where user_id = @userId and outcome = 'rode-out'
  and occurred_at > coalesce((select occurred_at from urges where user_id = @userId and outcome = 'used'
    order by occurred_at desc limit 1), -1)`,
)

/** Counts with their pick-list words as the service publishes them. */
async function countedWith() {
  const tracking = await publishedTracking()
  const labels = new Map([...tracking.triggers, ...tracking.copingStrategies].map((item) => [item.id, item.label]))
  return ({ id, count }: { id: string; count: number }): Counted => ({ id, label: labels.get(id) ?? id, count })
}

/** Rounds away the float noise of adding tenths (0.1 + 0.2). */
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals

/** Everything but the series: outcomes, check-ins, patterns and milestones. */
async function summary(params: Params, rangeDays: RangeDays, timeZone: string, urgeRows: UrgeRow[]): Promise<Summary> {
  const outcomes = { rodeOut: 0, used: 0, unknown: 0 }
  for (const row of urgeRows) {
    outcomes.rodeOut += row.rodeOut
    outcomes.used += row.used
    outcomes.unknown += row.count - row.rodeOut - row.used
  }
  const goalList = await goalRows.all(params)
  const checkIns = { done: 0, partly: 0, not: 0, goals: [] as GoalCheckIns[] }
  for (const { goalId, what, type, done, partly, not } of goalList) {
    checkIns.goals.push({ goalId, what, type, done, partly, not })
    checkIns.done += done
    checkIns.partly += partly
    checkIns.not += not
  }
  const timeOfWeek = Array.from({ length: 7 }, () => BANDS.map(() => 0))
  for (const { cell, count } of await weekGrid.all(params)) {
    const day = timeOfWeek[Math.floor(cell / 4)]
    if (day) day[cell % 4] = count
  }
  const stopGoals: StopGoalMilestone[] = []
  for (const { goalId, what, type, status, substance, createdAt } of goalList) {
    if (type !== 'stop' || status !== 'active') continue
    const lastUseDate = (await lastUse.get({ userId: params.userId, substance }))?.date ?? null
    const startedOn = todayIn(timeZone, new Date(createdAt))
    const days = daysSinceLastUse(lastUseDate, startedOn, params.to)
    // Runs need every use since the goal began; a year's window is the most the page shows of it.
    const since = { userId: params.userId, substance, to: params.to }
    const from = (start: string) => (start > startedOn ? start : startedOn)
    const dates = (await useDatesSince.all({ ...since, from: from(addDays(params.to, -3650)) })).map((r) => r.date)
    const runs = stopGoalRuns(dates, startedOn, params.to, FREE_WINDOW_DAYS)
    const lapses = await lapsesSince.all({ ...since, from: from(params.from) })
    stopGoals.push({
      goalId,
      what,
      substance,
      startedOn,
      lastUseDate,
      daysSinceLastUse: days,
      longestRun: runs.longest,
      freeDays: runs.freeDays,
      windowDays: runs.windowDays,
      lapses,
    })
  }
  const counted = await countedWith()
  return {
    range: { from: params.from, to: params.to, days: rangeDays },
    timeZone,
    outcomes,
    checkIns,
    patterns: {
      topTriggers: (await topTriggers.all(params)).map(counted),
      timeOfWeek,
      copingThatWorked: (await copingThatWorked.all(params)).map(counted),
    },
    milestones: { stopGoals, riddenOutInARow: (await riddenOut.get({ userId: params.userId }))?.count ?? 0 },
  }
}

/** The summary, and the series grouped `by` period, keyed by bucket. */
async function collect(userId: string, rangeDays: RangeDays, now: Date, by: Period) {
  const timeZone = await timeZoneOf(userId)
  const to = todayIn(timeZone, now)
  const params = { userId, from: addDays(to, 1 - rangeDays), to }
  const urgeRows = await urgeSeries[by].all(params)
  const amounts = new Map<string, Amount[]>()
  for (const { key, substance, unit, amount } of await otherAmounts[by].all(params)) {
    const list = amounts.get(String(key)) ?? []
    list.push({ substance, unit, amount: round(amount, 2) })
    amounts.set(String(key), list)
  }
  const urges = urgeRows.map(({ key, intensity, ...row }) => ({
    key: String(key),
    ...row,
    avgIntensity: intensity / row.count,
  }))
  const use = (await useSeries[by].all(params)).map(({ key, alcoholUnits, ...row }) => ({
    key: String(key),
    ...row,
    alcoholUnits: round(alcoholUnits, 1),
    amounts: amounts.get(String(key)) ?? [],
  }))
  return { summary: await summary(params, rangeDays, timeZone, urgeRows), urges, use }
}

const noUrges = { count: 0, avgIntensity: null, rodeOut: 0, used: 0 }
const noUse = { entries: 0, alcoholUnits: 0, spendPence: 0, amounts: [], noUseDays: 0 }

/** The dashboard for the `rangeDays` days up to and including today in the client's zone, day by day. */
export async function dashboard(userId: string, rangeDays: RangeDays, now = clock.now()): Promise<Dashboard> {
  const { summary, urges, use } = await collect(userId, rangeDays, now, 'day')
  const dates = dateRange(summary.range.to, rangeDays)
  const urgeDays = urges.map(({ key, ...day }) => ({ date: key, ...day }))
  const useDays = use.map(({ key, noUseDays, ...day }) => ({ date: key, ...day, noUse: noUseDays > 0 }))
  const { noUseDays: _, ...noUseDay } = noUse
  return {
    ...summary,
    urgesByDay: fillDays<UrgeDay>(urgeDays, dates, noUrges),
    useByDay: fillDays<UseDay>(useDays, dates, { ...noUseDay, noUse: false }),
  }
}

/** The buckets of a range: days, 7-day blocks ending on `to` (the oldest may be shorter), or months. */
export function buckets(from: string, to: string, by: Period): Array<{ key: string; date: string; end: string }> {
  const list: Array<{ key: string; date: string; end: string }> = []
  for (let end = to, weeksBack = 0; end >= from; weeksBack++) {
    const start = by === 'day' ? end : by === 'week' ? addDays(end, -6) : `${end.slice(0, 7)}-01`
    const date = start < from ? from : start
    list.unshift({ key: by === 'week' ? String(weeksBack) : by === 'day' ? date : date.slice(0, 7), date, end })
    end = addDays(date, -1)
  }
  return list
}

/**
 * The dashboard as the progress page shows it: series by day, 7-day block or month to suit the
 * range. Read afresh on every request (a year is about a millisecond of SQL): nothing is kept.
 */
export async function buildProgress(userId: string, rangeDays: RangeDays, now = clock.now()): Promise<Progress> {
  const period = periodFor(rangeDays)
  const { summary, urges, use } = await collect(userId, rangeDays, now, period)
  const urgesByKey = new Map(urges.map(({ key, ...values }) => [key, values]))
  const useByKey = new Map(use.map(({ key, ...values }) => [key, values]))
  const list = buckets(summary.range.from, summary.range.to, period)
  return {
    ...summary,
    period,
    urges: list.map(({ key, date, end }) => ({ ...(urgesByKey.get(key) ?? noUrges), date, end })),
    use: list.map(({ key, date, end }) => ({ ...(useByKey.get(key) ?? noUse), date, end })),
  }
}
