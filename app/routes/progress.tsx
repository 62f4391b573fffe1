// "Seeing change": the client's urges, use and goal check-ins over 7, 30, 90 or 365 days, the
// patterns in them and their milestones. Every figure is server-rendered as a table or a sentence,
// which is all a visit without JavaScript gets. With JavaScript, charts are loaded after hydration
// (recharts stays out of the first load) and the tables fold into "Show the numbers".
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type ComponentType, lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react'
import { OverdoseWarning } from '#app/components/support-panel.tsx'
import type { ChartProps } from '#app/components/tracking-charts.client.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { parseRange, progress } from '#app/utils/tracking-stats.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your progress – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const range = parseRange(new URL(request.url).searchParams.get('range'))
  return progress(user.id, range)
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>

// If the chart code cannot be fetched (offline, a flaky connection), the tables simply stay open.
const NoChart = (_: ChartProps): ReactNode => null
const Chart = lazy<ComponentType<ChartProps>>(() =>
  import('#app/components/tracking-charts.client.tsx').catch(() => ({ default: NoChart })),
)

const RANGES = [7, 30, 90, 365] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const BANDS = ['Night', 'Morning', 'Afternoon', 'Evening']
const PERIOD = { day: 'Day', week: 'Week', month: 'Month' }

// Dates are written out by hand rather than with Intl, so the server and the browser agree.
function dayMonth(date: string): string {
  return `${Number(date.slice(8))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`
}
function periodName(period: Data['period'], date: string, end: string): string {
  if (period === 'day') return `${WEEKDAYS[(new Date(date).getUTCDay() + 6) % 7]?.slice(0, 3)} ${dayMonth(date)}`
  if (period === 'week') return `${dayMonth(date)} to ${dayMonth(end)}`
  const month = `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
  const whole = date.endsWith('-01') && addOneDay(end).endsWith('-01')
  return whole ? month : `${Number(date.slice(8))} to ${Number(end.slice(8))} ${month}`
}
function addOneDay(date: string): string {
  return new Date(new Date(date).getTime() + 86_400_000).toISOString().slice(0, 10)
}
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`
const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1))
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export default function Progress() {
  const data = useLoaderData<typeof loader>()
  const [chartsOn, setChartsOn] = useState(false)
  const [ready, setReady] = useState(false)
  // After hydration only, and not when the browser asks to save data.
  useEffect(() => {
    const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
    setChartsOn(connection?.saveData !== true)
  }, [])
  const onReady = useCallback(() => setReady(true), [])
  const chart = (props: Omit<ChartProps, 'onReady'>) =>
    chartsOn ? (
      <Suspense fallback={null}>
        <Chart {...props} onReady={onReady} />
      </Suspense>
    ) : null
  const numbers = (table: ReactNode) => (
    <details className="numbers" open={!ready}>
      <summary>Show the numbers</summary>
      {table}
    </details>
  )
  const days = data.range.days
  const over = days === 365 ? 'the last year' : `the last ${days} days`
  const periods = data.urges.map(({ date, end, count, avgIntensity, rodeOut, used }, i) => {
    const { alcoholUnits = 0, spendPence = 0, amounts = [], noUseDays = 0 } = data.use[i] ?? {}
    const name = periodName(data.period, date, end)
    return { name, count, avgIntensity, rodeOut, used, alcoholUnits, spendPence, amounts, noUseDays }
  })
  const s = sentences(data, over)
  // With nothing logged, the sentence says so: an empty chart or a table of noughts says no more.
  const anyUrges = periods.some((p) => p.count > 0)
  const anyUse = data.use.some((u) => u.entries > 0 || u.noUseDays > 0)
  // "Other" only when something other than alcohol was logged: narrow phones need every column.
  const useColumns: Array<[string, (p: (typeof periods)[number]) => string | number]> = [
    [PERIOD[data.period], (p) => p.name],
    ['Alcohol (UK units)', (p) => oneDecimal(p.alcoholUnits)],
    ['Other', (p) => p.amounts.map((a) => `${a.substance}: ${a.amount} ${a.unit ?? ''}`).join('; ') || '–'],
    ['Spent', (p) => pounds(p.spendPence)],
    data.period === 'day' ? ['No use', (p) => (p.noUseDays ? 'Yes' : '–')] : ['No-use days', (p) => p.noUseDays],
  ]
  if (!periods.some((p) => p.amounts.length > 0)) useColumns.splice(2, 1)
  return (
    <section className="progress-page">
      <h1>Your progress</h1>
      <p>
        What you have logged over {over}, up to today ({dayMonth(data.range.to)}).{' '}
        <Link to="/track">Log an urge or use</Link>.
      </p>
      <nav aria-label="Time range" className="range-links">
        <ul>
          {RANGES.map((value) => (
            <li key={value}>
              <Link to={`?range=${value}`} aria-current={value === days ? 'true' : undefined}>
                {value === 365 ? '1 year' : `${value} days`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2>Milestones</h2>
      <ul className="milestones">
        {data.milestones.stopGoals.map((goal) => (
          <li key={goal.goalId}>{milestone(goal)}</li>
        ))}
        {data.milestones.stopGoals.length === 0 ? (
          <li>
            When you have a goal to stop, this page counts the days since you last used.{' '}
            <Link to="/goals">Your goals</Link>
          </li>
        ) : null}
        <li>
          {data.milestones.riddenOutInARow > 0
            ? `You have ridden out your last ${plural(data.milestones.riddenOutInARow, 'urge')} in a row.`
            : 'Each urge you ride out starts a new run.'}
        </li>
      </ul>
      {data.milestones.stopGoals.some((goal) => goal.substance === 'opioids') ? <OverdoseWarning /> : null}

      <h2>Urges</h2>
      <p>{s.urges}</p>
      <p>{s.outcomes}</p>
      {anyUrges &&
        chart({
          label: `${s.urges} ${s.outcomes}`,
          rows: periods.map((p) => ({
            name: p.name,
            rodeOut: p.rodeOut,
            used: p.used,
            unknown: p.count - p.rodeOut - p.used,
            avgIntensity: round(p.avgIntensity),
          })),
          category: 'name',
          bars: [
            { key: 'rodeOut', name: 'Rode it out', colour: 'green', stack: 'u' },
            { key: 'used', name: 'Used', colour: 'red', stack: 'u' },
            { key: 'unknown', name: 'Did not say', colour: 'grey', stack: 'u' },
          ],
          line: { key: 'avgIntensity', name: 'Average strength (0 to 10)', colour: 'blue', max: 10 },
        })}
      {anyUrges &&
        numbers(
          <Table
            caption={`Urges by ${PERIOD[data.period].toLowerCase()} (strength from 0 to 10)`}
            head={[PERIOD[data.period], 'Urges', 'Average strength', 'Rode out', 'Used']}
            rows={periods.map((p) => [p.name, p.count, oneDecimal(p.avgIntensity), p.rodeOut, p.used])}
          />,
        )}

      <h2>Drinking and using</h2>
      <p>{s.use}</p>
      {anyUse &&
        chart({
          label: s.use,
          rows: periods.map((p) => ({ name: p.name, units: p.alcoholUnits, spend: p.spendPence / 100 })),
          category: 'name',
          bars: [{ key: 'units', name: 'Alcohol (UK units)', colour: 'blue' }],
          line: { key: 'spend', name: 'Money spent (£)', colour: 'red' },
        })}
      {anyUse &&
        numbers(
          <Table
            caption={`Drinking and using by ${PERIOD[data.period].toLowerCase()}`}
            head={useColumns.map(([head]) => head)}
            rows={periods.map((p) => useColumns.map(([, cell]) => cell(p)))}
          />,
        )}

      <h2>Goal check-ins</h2>
      <p>{s.checkIns}</p>
      {data.checkIns.goals.length > 0 ? (
        <>
          {chart({
            label: s.checkIns,
            rows: data.checkIns.goals.map((g) => ({ ...g, name: g.what })),
            category: 'name',
            bars: [
              { key: 'done', name: 'Done', colour: 'green', stack: 'c' },
              { key: 'partly', name: 'Partly', colour: 'gold', stack: 'c' },
              { key: 'not', name: 'Not done', colour: 'red', stack: 'c' },
            ],
            across: true,
          })}
          {numbers(
            <Table
              caption="Check-ins by goal"
              head={['Goal', 'Done', 'Partly', 'Not done']}
              rows={data.checkIns.goals.map((g) => [g.what, g.done, g.partly, g.not])}
            />,
          )}
        </>
      ) : null}

      <h2>Patterns</h2>
      <h3>What set off your urges</h3>
      <p>{s.triggers}</p>
      {data.patterns.topTriggers.length > 0 ? (
        <Table
          caption="Most common triggers"
          head={['Trigger', 'Urges']}
          rows={data.patterns.topTriggers.map((t) => [t.label, t.count])}
        />
      ) : null}
      <h3>When urges came</h3>
      <p>{s.when}</p>
      <p className="hint">
        Night is midnight to 6am, morning 6am to noon, afternoon noon to 6pm, evening 6pm to midnight.
      </p>
      <WeekGrid grid={data.patterns.timeOfWeek} />
      <h3>What helped you ride out urges</h3>
      <p>{s.coping}</p>
      {data.patterns.copingThatWorked.length > 0 ? (
        <Table
          caption="What you did when you rode out an urge"
          head={['What you did', 'Urges ridden out']}
          rows={data.patterns.copingThatWorked.map((c) => [c.label, c.count])}
        />
      ) : null}
    </section>
  )
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...cells]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {cells.map((cell, i) => (
              <td key={head[i + 1]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The week as a table shaded by how many urges came at each time: the numbers are in every cell. */
function WeekGrid({ grid }: { grid: number[][] }) {
  const most = Math.max(1, ...grid.flat())
  return (
    <table className="week-grid">
      <caption>Urges by day of the week and time of day</caption>
      <thead>
        <tr>
          <td />
          {BANDS.map((band) => (
            <th scope="col" key={band}>
              {band}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday, w) => (
          <tr key={weekday}>
            <th scope="row">
              <span aria-hidden="true">{weekday.slice(0, 3)}</span>
              <span className="visually-hidden">{weekday}</span>
            </th>
            {BANDS.map((band, b) => {
              const count = grid[w]?.[b] ?? 0
              return (
                <td key={band} className={`heat-${Math.ceil((count / most) * 4)}`}>
                  {count}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

type StopGoal = Data['milestones']['stopGoals'][number]
function milestone({ what, substance, startedOn, lastUseDate, daysSinceLastUse: n }: StopGoal): string {
  const used = substance === 'alcohol' ? 'drank' : substance && substance !== 'other' ? `used ${substance}` : 'used'
  const sinceUse = lastUseDate !== null && lastUseDate >= startedOn
  if (n === 0)
    return sinceUse ? `“${what}”: you last ${used} today. Tomorrow is day 1.` : `“${what}”: you set this goal today.`
  return sinceUse
    ? `“${what}”: ${plural(n, 'day')} since you last ${used}.`
    : `“${what}”: ${plural(n, 'day')} since you set this goal, with no use logged.`
}

/** Each section's figures in a sentence: shown to everyone, and the accessible name of its chart. */
function sentences(data: Data, over: string) {
  const total = data.urges.reduce((sum, u) => sum + u.count, 0)
  const strength = data.urges.reduce((sum, u) => sum + (u.avgIntensity ?? 0) * u.count, 0) / (total || 1)
  const units = data.use.reduce((sum, u) => sum + u.alcoholUnits, 0)
  const spend = data.use.reduce((sum, u) => sum + u.spendPence, 0)
  const noUse = data.use.reduce((sum, u) => sum + u.noUseDays, 0)
  const entries = data.use.reduce((sum, u) => sum + u.entries, 0)
  // Other substances, totalled by substance and unit: "1.75 grams of cannabis".
  const others = new Map<string, number>()
  for (const { substance, unit, amount } of data.use.flatMap((u) => u.amounts)) {
    const what = `${unit ?? ''} of ${substance}`.trim()
    others.set(what, Math.round(((others.get(what) ?? 0) + amount) * 100) / 100)
  }
  const { rodeOut, used, unknown } = data.outcomes
  const { done, partly, not } = data.checkIns
  const [trigger] = data.patterns.topTriggers
  const [coping] = data.patterns.copingThatWorked
  const cells = data.patterns.timeOfWeek.flatMap((bands, w) => bands.map((count, b) => ({ count, w, b })))
  const busiest = cells.reduce((a, c) => (c.count > a.count ? c : a), { count: 0, w: 0, b: 0 })
  return {
    urges: total
      ? `You logged ${plural(total, 'urge')} in ${over}, with an average strength of ${strength.toFixed(1)} out of 10.`
      : `You have not logged any urges in ${over}.`,
    outcomes: total
      ? `Of ${plural(total, 'urge')}, you rode out ${rodeOut} and used after ${used || 'none'}.${unknown ? ` For ${unknown} you did not say.` : ''}`
      : 'When you log an urge, you can say whether you rode it out.',
    use:
      entries + noUse
        ? `In ${over}: ${units.toFixed(1)} UK units of alcohol${others.size ? `, ${[...others].map(([what, amount]) => `${amount} ${what}`).join(', ')}` : ''}, ${pounds(spend)} spent, and ${plural(noUse, 'day')} you marked as no use.`
        : `You have not logged any drinking or use in ${over}.`,
    checkIns:
      done + partly + not
        ? `In ${over} you checked in ${plural(done + partly + not, 'time')}: ${done} done, ${partly} partly and ${not} not done.`
        : `No goal check-ins in ${over}.`,
    triggers: trigger
      ? `Your most common trigger was “${trigger.label}” (${plural(trigger.count, 'urge')}).`
      : 'No triggers logged yet.',
    when: busiest.count
      ? `Urges came most often on ${WEEKDAYS[busiest.w]} ${BANDS[busiest.b]?.toLowerCase()}s (${busiest.count}).`
      : 'No urges logged yet.',
    coping: coping
      ? `What you did most when you rode out an urge: “${coping.label}” (${plural(coping.count, 'time')}).`
      : 'When you ride out an urge, log what you did: over time you will see what works for you.',
  }
}
