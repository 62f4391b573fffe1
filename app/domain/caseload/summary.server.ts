// The session summary a key worker reads in supervision or prints for a session: for a range of
// the client's own calendar days, their scores and how each changed, modules, urges, use, goals
// with check-ins, and the current flags. Each part is read only when the client shares its
// scope; a part not shared is null, never an empty list, so the page and the PDF can say
// "Not shared by the client" rather than suggest there was nothing.
//
// Every figure is one SQL statement with GROUP BY (or a window function for "the score before
// this one"), prepared once per connection as in tracking-stats.server.ts. Tracking rows carry
// their local date; assessment and module times are instants, so the range is turned into the
// instants at which the client's first and last day begin and end in their zone.

import type { LinkedClient } from '#app/domain/sharing/links.server.ts'
import { publishedModules } from '#app/domain/studio/content.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { aboutClient } from '#app/utils/format.ts'
import { jsonText, namedStatement } from '#db/sqlite.ts'
import {
  addDays,
  amountUnit,
  FINISHED,
  type Flag,
  loadProgramme,
  localParts,
  localToUtc,
  type SubstanceId,
  scoreRange,
} from '#programme/engine/index.ts'
// The flag rules and the list of lower-is-better measures are the caseload's, so the two pages agree.
import { clientFlags, LOWER_IS_BETTER } from './list.server.ts'
import type { SummaryRange } from './summary-range.server.ts'

export { parseSummaryRange, type SummaryRange } from './summary-range.server.ts'

/** The name the worker knows the client by: their own label for them, or the username. */
export const displayName = (linked: LinkedClient) => linked.link.label ?? linked.client.username

type Direction = 'better' | 'worse' | 'same'
export type ScoreChange = {
  instrumentId: string
  title: string
  /** The client's local date it was completed. */
  date: string
  total: number
  max: number | null
  band: string | null
  previous: { date: string; total: number } | null
  /** total − previous total. */
  change: number | null
  direction: Direction | null
  /** Whether a lower score is known to be better (caseload.server.ts LOWER_IS_BETTER). */
  lowerIsBetter: boolean
}
export type ModuleLine = { moduleId: string; title: string; date: string; step: number; steps: number }
export type UrgeSummary = {
  count: number
  avgStrength: number | null
  strongest: number | null
  rodeOut: number
  used: number
}
type UseTotals = { occasions: number; useDays: number; noUseDays: number; alcoholUnits: number; spendPence: number }
/** `unit` is "UK units" for alcohol, whose amount is the units worked out for each drink. */
export type SubstanceUse = {
  substance: string
  name: string
  unit: string | null
  amount: number
  occasions: number
  spendPence: number
}
export type GoalLine = {
  goalId: string
  what: string
  type: string
  status: string
  done: number
  partly: number
  not: number
  notes: Array<{ date: string; outcome: string; note: string }>
  /** Notes in the range beyond those listed (the newest are kept). */
  moreNotes: number
}
export type SessionSummary = {
  name: string
  timeZone: string
  range: SummaryRange
  /** When it was made, as the client's clock read: "YYYY-MM-DD HH:mm". */
  generatedAt: string
  flags: Flag[]
  scores: ScoreChange[] | null
  modules: { finished: ModuleLine[]; inProgress: ModuleLine[] } | null
  urges: UrgeSummary | null
  use: (UseTotals & { substances: SubstanceUse[] }) | null
  goals: GoalLine[] | null
}

/** Notes listed per goal: the newest, enough for a session; the client's export has them all. */
const NOTES_PER_GOAL = 10

type Tracked = { userId: string; from: string; to: string }
type Timed = { userId: string; start: number; end: number }
function statement<Row, Bind extends object>(text: string) {
  return namedStatement<Bind, Row>(text)
}
const IN_RANGE = 'user_id = @userId and local_date between @from and @to'

// lag() over all of the client's completed scores gives each its predecessor, even one from
// before the range; the outer query keeps those completed in the range. life-areas has no total.
type ScoreRow = { instrumentId: string; total: number; band: string | null; at: number } & {
  previous: number | null
  previousAt: number | null
}
const scoreRows = statement<ScoreRow, Timed>(
  `select instrument_id as instrumentId, total, band, completed_at as at, previous, previousAt from (
    select instrument_id, total, band, completed_at,
      lag(total) over w as previous, lag(completed_at) over w as previousAt
    from assessment_responses
    where user_id = @userId and completed_at is not null and total is not null and instrument_id <> 'life-areas'
    window w as (partition by instrument_id order by completed_at, id))
  where completed_at >= @start and completed_at < @end order by completed_at, instrument_id`,
)

type ModuleRow = { moduleId: string; step: number; steps: number; finished: number } & {
  completedAt: number | null
  updatedAt: number
}
const moduleRows = statement<ModuleRow, Timed>(
  `select module_id as moduleId, step_number as step, step_total as steps,
    ${jsonText('state', 'value')} = '${FINISHED}' as finished, completed_at as completedAt, updated_at as updatedAt
  from module_progress where user_id = @userId
    and ((completed_at >= @start and completed_at < @end) or ${jsonText('state', 'value')} <> '${FINISHED}')
  order by updated_at desc, module_id`,
)

// An aggregate with no GROUP BY always gives one row, so none of these needs a fallback for "nothing".
const urgeTotals = statement<UrgeSummary, Tracked>(
  `select count(*) as count, avg(intensity) as avgStrength, max(intensity) as strongest,
    count(*) filter (where outcome = 'rode-out') as rodeOut, count(*) filter (where outcome = 'used') as used
  from urges where ${IN_RANGE}`,
)

// Days first: a day whose only rows are "no use today" (substance null) is a no-use day.
const usageTotals = statement<UseTotals, Tracked>(
  `select coalesce(sum(entries), 0) as occasions, count(*) filter (where entries > 0) as useDays,
    count(*) filter (where entries = 0) as noUseDays, coalesce(sum(units), 0) as alcoholUnits,
    coalesce(sum(spend), 0) as spendPence
  from (select count(substance) as entries, coalesce(sum(alcohol_units), 0) as units,
      coalesce(sum(spend_pence), 0) as spend
    from use_entries where ${IN_RANGE} group by local_date)`,
)

// Alcohol is one row in UK units whatever it was logged in; anything else by substance and unit.
const usageBySubstance = statement<Omit<SubstanceUse, 'name'>, Tracked>(
  `select substance, case when substance = 'alcohol' then null else unit end as unit,
    coalesce(sum(case when substance = 'alcohol' then alcohol_units else amount end), 0) as amount,
    count(*) as occasions, coalesce(sum(spend_pence), 0) as spendPence
  from use_entries where ${IN_RANGE} and substance is not null
  group by 1, 2 order by substance = 'alcohol' desc, substance, unit`,
)

// Goals checked in on in the range, and active ones set before it ended (even with no check-in:
// a goal left alone is worth talking about).
const goalRows = statement<Omit<GoalLine, 'notes' | 'moreNotes'> & { noted: number }, Tracked & { end: number }>(
  `select g.id as goalId, g.what, g.type, g.status,
    count(c.id) filter (where c.outcome = 'done') as done, count(c.id) filter (where c.outcome = 'partly') as partly,
    count(c.id) filter (where c.outcome = 'not') as "not", count(c.note) as noted
  from goals g left join goal_check_ins c on c.goal_id = g.id and c.local_date between @from and @to
  where g.user_id = @userId group by g.id
  having count(c.id) > 0 or (g.status = 'active' and g.created_at < @end) order by g.created_at, g.id`,
)

const goalNotes = statement<{ goalId: string; date: string; outcome: string; note: string }, Tracked>(
  `select goalId, date, outcome, note from (
    select goal_id as goalId, local_date as date, outcome, note,
      row_number() over (partition by goal_id order by local_date desc) as n
    from goal_check_ins where ${IN_RANGE} and note is not null and trim(note) <> '')
  where n <= ${NOTES_PER_GOAL} order by goalId, date`,
)

const NO_URGES: UrgeSummary = { count: 0, avgStrength: null, strongest: null, rodeOut: 0, used: 0 }
const NO_USE: UseTotals = { occasions: 0, useDays: 0, noUseDays: 0, alcoholUnits: 0, spendPence: 0 }

/** Rounds away the float noise of adding tenths (0.1 + 0.2). */
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals

async function scores(params: Timed, timeZone: string): Promise<ScoreChange[]> {
  const { instruments } = loadProgramme()
  const day = (ms: number) => localParts(new Date(ms), timeZone).date
  return (await scoreRows.all(params)).map(({ instrumentId, total, band, at, previous, previousAt }) => {
    const instrument = instruments[instrumentId]
    const change = previous === null ? null : total - previous
    // A measure with no known direction shows its change without calling it better or worse.
    const lowerIsBetter = LOWER_IS_BETTER.has(instrumentId)
    const direction: Direction | null =
      change === null || !lowerIsBetter ? null : change === 0 ? 'same' : change < 0 ? 'better' : 'worse'
    return {
      instrumentId,
      title: instrument ? aboutClient(instrument.title) : instrumentId,
      date: day(at),
      total,
      max: instrument?.scoring.method === 'sum' ? scoreRange(instrument).max : null,
      band: instrument?.bands.find((b) => b.id === band)?.label ?? null,
      previous: previous === null || previousAt === null ? null : { date: day(previousAt), total: previous },
      change,
      direction,
      lowerIsBetter,
    }
  })
}

async function modules(params: Timed, timeZone: string) {
  // The published programme, so the service's own modules are named (ADR 0019).
  const defs = await publishedModules()
  const line = (row: ModuleRow, at: number): ModuleLine => ({
    moduleId: row.moduleId,
    title: defs[row.moduleId]?.title ?? row.moduleId,
    date: localParts(new Date(at), timeZone).date,
    step: row.step,
    steps: row.steps,
  })
  const rows = await moduleRows.all(params)
  // A module finished in the range and started again since is both: finished then, in progress now.
  const finished = rows
    .filter((r) => r.completedAt !== null && r.completedAt >= params.start && r.completedAt < params.end)
    .map((r) => line(r, r.completedAt ?? 0))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
  const inProgress = rows.filter((r) => !r.finished).map((r) => line(r, r.updatedAt))
  return { finished, inProgress }
}

async function usage(params: Tracked) {
  const { battery, tracking } = loadProgramme()
  const names = new Map<string, string>(battery.substances.map((s) => [s.id, s.name]))
  const totals = (await usageTotals.get(params)) ?? NO_USE
  const substances = (await usageBySubstance.all(params)).map((row) => ({
    ...row,
    name: names.get(row.substance) ?? row.substance,
    unit:
      row.substance === 'alcohol'
        ? 'UK units'
        : ((row.unit && amountUnit(tracking, row.substance as SubstanceId, row.unit)?.label) ?? row.unit),
    amount: round(row.amount, row.substance === 'alcohol' ? 1 : 2),
  }))
  return { ...totals, alcoholUnits: round(totals.alcoholUnits, 1), substances }
}

async function goals(params: Tracked & { end: number }): Promise<GoalLine[]> {
  const notes = new Map<string, GoalLine['notes']>()
  for (const { goalId, ...note } of await goalNotes.all(params)) notes.set(goalId, [...(notes.get(goalId) ?? []), note])
  return (await goalRows.all(params)).map(({ noted, ...goal }) => {
    const listed = notes.get(goal.goalId) ?? []
    return { ...goal, notes: listed, moreNotes: noted - listed.length }
  })
}

/** The summary of `range` (already parsed) for the linked client, with only the scopes they share. */
export async function sessionSummary(
  linked: LinkedClient,
  range: SummaryRange,
  now = clock.now(),
): Promise<SessionSummary> {
  const { timeZone, id: userId } = linked.client
  const { scopes } = linked
  // The instants the client's first day starts and the day after their last starts.
  const start = localToUtc(`${range.from}T00:00`, timeZone).getTime()
  const end = localToUtc(`${addDays(range.to, 1)}T00:00`, timeZone).getTime()
  const tracked = { userId, from: range.from, to: range.to }
  const timed = { userId, start, end }
  const clock = localParts(now, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    name: displayName(linked),
    timeZone,
    range,
    generatedAt: `${clock.date} ${pad(clock.hour)}:${pad(clock.minute)}`,
    flags: await clientFlags(linked.link.workerId, linked.link.id, now),
    scores: scopes.assessments ? await scores(timed, timeZone) : null,
    modules: scopes.modules ? await modules(timed, timeZone) : null,
    urges: scopes.tracking ? await urgeSummary(tracked) : null,
    use: scopes.tracking ? await usage(tracked) : null,
    goals: scopes.goals ? await goals({ ...tracked, end }) : null,
  }
}

async function urgeSummary(params: Tracked): Promise<UrgeSummary> {
  const row = (await urgeTotals.get(params)) ?? NO_URGES
  return { ...row, avgStrength: row.avgStrength === null ? null : round(row.avgStrength, 1) }
}

/** The download's name: the range only, never the client's name (it may be saved anywhere). */
export const summaryFileName = (range: SummaryRange) => `session-summary-${range.from}-to-${range.to}.pdf`
