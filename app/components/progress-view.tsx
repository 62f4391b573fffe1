// The progress dashboard's sections: milestones, urges, use, goal check-ins and patterns, each
// a sentence, a chart drawn on the server as plain SVG (static-chart.ts) and its numbers in a
// table. No chart library comes with the page: a cheap phone gets the page fast. Once the page
// has JavaScript, a button offers interactive charts (recharts, loaded only then). Shown to the
// client on /progress and, when they share tracking, to their key worker on the client page
// (one heading level down there, sent without scripts, so never with the button).
import { Link } from '@remix-run/react'
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useState } from 'react'
import type { ChartProps, ChartSpec } from '#app/components/chart-spec.ts'
import {
  ABOUT_CLIENT,
  milestone,
  PERIOD,
  periodName,
  RANGES,
  sentences,
  Table,
  TO_CLIENT,
  type Voice,
  WeekGrid,
} from '#app/components/progress-parts.tsx'
import { staticChart } from '#app/components/static-chart.ts'
import { OverdoseWarning } from '#app/components/support-panel.tsx'
import type { Progress as ProgressData } from '#app/domain/tracking/stats.server.ts'
import { longDate, oneDecimal, plural, pounds, round } from '#app/utils/format.ts'

/** The server-drawn chart: first on every page, and what stays if recharts cannot be fetched. */
function StaticChart(spec: ChartSpec) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: static-chart.ts escapes every text
  return <div className="progress-chart-static" dangerouslySetInnerHTML={{ __html: staticChart(spec) }} />
}

// Fetched only when the client asks for interactive charts. If it cannot be fetched (offline,
// a flaky connection), the server-drawn chart stays.
const Chart = lazy<ComponentType<ChartProps>>(() =>
  import('#app/components/tracking-charts.client.tsx').catch(() => ({ default: StaticChart })),
)

/**
 * `level` is the heading level of the sections: 2 on the client's own page, 3 inside a section of
 * the worker's client page. `own` is false there: links to the client's own pages are left out.
 * `goals` is false when a worker sees tracking but not goals: goal milestones and check-ins go.
 * `serverCharts`: only the server-drawn charts, no offer of interactive ones (the worker's client
 * page, sent without scripts).
 */
export function ProgressView({
  data,
  level = 2,
  own = true,
  goals = true,
  serverCharts = false,
}: {
  data: ProgressData
  level?: 2 | 3
  own?: boolean
  goals?: boolean
  serverCharts?: boolean
}) {
  const H = `h${level}` as 'h2' | 'h3'
  const Sub = `h${level + 1}` as 'h3' | 'h4'
  // The button needs JavaScript to do anything, so it shows only once the page is hydrated.
  const [hydrated, setHydrated] = useState(false)
  const [interactive, setInteractive] = useState(false)
  useEffect(() => setHydrated(true), [])
  const chart = (spec: ChartSpec) =>
    interactive ? (
      <Suspense fallback={<StaticChart {...spec} />}>
        <Chart {...spec} />
      </Suspense>
    ) : (
      <StaticChart {...spec} />
    )
  // The chart says it at a glance; the numbers are one tap away.
  const numbers = (table: ReactNode) => (
    <details className="numbers">
      <summary>Show the numbers</summary>
      {table}
    </details>
  )
  const voice = own ? TO_CLIENT : ABOUT_CLIENT
  const { you, You, your } = voice
  const view = sectionsOf(data, voice)
  const { days, s, anyUrges, anyUse } = view
  return (
    <>
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
      {hydrated && !serverCharts && !interactive ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setInteractive(true)}>
            Show interactive charts
          </button>{' '}
          <span className="hint">You can point at a bar to see its numbers. This downloads a little more.</span>
        </p>
      ) : null}

      <H>Milestones</H>
      <ul className="milestones">
        {data.milestones.stopGoals.map((goal) => (
          <li key={goal.goalId}>{milestone(goal, voice)}</li>
        ))}
        {goals && data.milestones.stopGoals.length === 0 ? (
          <li>
            When {you} have a goal to stop, this page counts the days since {you} last used.{' '}
            {own ? <Link to="/goals">Your goals</Link> : null}
          </li>
        ) : null}
        <li>
          {data.milestones.riddenOutInARow > 0
            ? `${You} have ridden out ${your} last ${plural(data.milestones.riddenOutInARow, 'urge')} in a row.`
            : `Each urge ${you} ride out starts a new run.`}
        </li>
      </ul>
      {data.milestones.stopGoals.some((goal) => goal.substance === 'opioids') ? <OverdoseWarning /> : null}
      <LapseTimeline data={data} level={level} own={own} voice={voice} />

      <H>Urges</H>
      <p>{s.urges}</p>
      <p>{s.outcomes}</p>
      {anyUrges && chart(view.urgeChart)}
      {anyUrges &&
        numbers(
          <Table
            caption={`Urges by ${view.periodWord} (strength from 0 to 10)`}
            head={view.urgeHead}
            rows={view.urgeRows}
          />,
        )}

      <H>Drinking and using</H>
      <p>{s.use}</p>
      {anyUse && chart(view.useChart)}
      {anyUse &&
        numbers(<Table caption={`Drinking and using by ${view.periodWord}`} head={view.useHead} rows={view.useRows} />)}

      {goals ? <H>Goal check-ins</H> : null}
      {goals ? <p>{s.checkIns}</p> : null}
      {goals && data.checkIns.goals.length > 0 ? (
        <>
          {chart(view.checkInChart)}
          {numbers(
            <Table caption="Check-ins by goal" head={['Goal', 'Done', 'Partly', 'Not done']} rows={view.checkInRows} />,
          )}
        </>
      ) : null}

      <H>Patterns</H>
      <Sub>What set off {your} urges</Sub>
      <p>{s.triggers}</p>
      {data.patterns.topTriggers.length > 0 ? (
        <Table caption="Most common triggers" head={['Trigger', 'Urges']} rows={view.triggerRows} />
      ) : null}
      <Sub>When urges came</Sub>
      <p>{s.when}</p>
      <p className="hint">
        Night is midnight to 6am, morning 6am to noon, afternoon noon to 6pm, evening 6pm to midnight.
      </p>
      <WeekGrid grid={data.patterns.timeOfWeek} />
      <Sub>What helped {you} ride out urges</Sub>
      <p>{s.coping}</p>
      {data.patterns.copingThatWorked.length > 0 ? (
        <Table
          caption={`What ${you} did when ${you} rode out an urge`}
          head={[`What ${you} did`, 'Urges ridden out']}
          rows={view.copingRows}
        />
      ) : null}
    </>
  )
}

/**
 * Use against a stop goal, as events on a timeline with what the client wrote about each: a
 * lapse is one day on a longer road, not the end of it (issue 15 §5; hazard H-041).
 */
function LapseTimeline({ data, level, own, voice }: { data: ProgressData; level: 2 | 3; own: boolean; voice: Voice }) {
  const seen = new Set<string>()
  const lapses = data.milestones.stopGoals
    .flatMap((goal) => goal.lapses)
    .filter((lapse) => !seen.has(lapse.id) && seen.add(lapse.id))
    .sort((a, b) => a.date.localeCompare(b.date))
  if (lapses.length === 0) return null
  const Sub = `h${level + 1}` as 'h3' | 'h4'
  const { you, your } = voice
  return (
    <section aria-labelledby="lapses-heading">
      <Sub id="lapses-heading">Lapses on the way</Sub>
      <p>
        These are the days {you} used while working on a goal to stop. A lapse is one day: it does not undo the days
        before it, and what {you} learned from it is part of {your} progress.
      </p>
      <ol className="timeline">
        {lapses.map((lapse) => (
          <li key={lapse.id}>
            <time dateTime={lapse.date}>{longDate(lapse.date)}</time>: {lapse.substance ?? 'use'}.
            {lapse.lapseNote ? <q className="lapse-note">{lapse.lapseNote}</q> : null}
            {own ? (
              <Link to={`/track/use/${lapse.id}`}>
                {lapse.lapseNote ? 'Change what you wrote' : 'Write what happened and what you learned'}
                <span className="visually-hidden"> ({longDate(lapse.date)})</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

type Rows = Array<Array<string | number>>

/** What the sections show, worked out from the dashboard on each render. */
function sectionsOf(data: ProgressData, voice: Voice) {
  {
    const days = data.range.days
    const over = days === 365 ? 'the last year' : `the last ${days} days`
    const periods = data.urges.map(({ date, end, count, avgIntensity, rodeOut, used }, i) => {
      const { alcoholUnits = 0, spendPence = 0, amounts = [], noUseDays = 0 } = data.use[i] ?? {}
      const name = periodName(data.period, date, end)
      return { name, count, avgIntensity, rodeOut, used, alcoholUnits, spendPence, amounts, noUseDays }
    })
    const s = sentences(data, over, voice)
    // "Other" only when something other than alcohol was logged: narrow phones need every column.
    const useColumns: Array<[string, (p: (typeof periods)[number]) => string | number]> = [
      [PERIOD[data.period], (p) => p.name],
      ['Alcohol (UK units)', (p) => oneDecimal(p.alcoholUnits)],
      ['Other', (p) => p.amounts.map((a) => `${a.substance}: ${a.amount} ${a.unit ?? ''}`).join('; ') || '–'],
      ['Spent', (p) => pounds(p.spendPence)],
      data.period === 'day' ? ['No use', (p) => (p.noUseDays ? 'Yes' : '–')] : ['No-use days', (p) => p.noUseDays],
    ]
    if (!periods.some((p) => p.amounts.length > 0)) useColumns.splice(2, 1)
    const urgeChart: ChartSpec = {
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
    }
    const useChart: ChartSpec = {
      label: s.use,
      rows: periods.map((p) => ({ name: p.name, units: p.alcoholUnits, spend: p.spendPence / 100 })),
      category: 'name',
      bars: [{ key: 'units', name: 'Alcohol (UK units)', colour: 'blue' }],
      line: { key: 'spend', name: 'Money spent (£)', colour: 'red' },
    }
    const checkInChart: ChartSpec = {
      label: s.checkIns,
      rows: data.checkIns.goals.map((g) => ({ ...g, name: g.what })),
      category: 'name',
      bars: [
        { key: 'done', name: 'Done', colour: 'green', stack: 'c' },
        { key: 'partly', name: 'Partly', colour: 'gold', stack: 'c' },
        { key: 'not', name: 'Not done', colour: 'red', stack: 'c' },
      ],
      across: true,
    }
    return {
      days,
      s,
      // With nothing logged, the sentence says so: an empty chart or a table of noughts says no more.
      anyUrges: periods.some((p) => p.count > 0),
      anyUse: data.use.some((u) => u.entries > 0 || u.noUseDays > 0),
      periodWord: PERIOD[data.period].toLowerCase(),
      urgeChart,
      urgeHead: [PERIOD[data.period], 'Urges', 'Average strength', 'Rode out', 'Used'],
      urgeRows: periods.map((p): Rows[number] => [p.name, p.count, oneDecimal(p.avgIntensity), p.rodeOut, p.used]),
      useChart,
      useHead: useColumns.map(([head]) => head),
      useRows: periods.map((p) => useColumns.map(([, cell]) => cell(p))),
      checkInChart,
      checkInRows: data.checkIns.goals.map((g): Rows[number] => [g.what, g.done, g.partly, g.not]),
      triggerRows: data.patterns.topTriggers.map((t): Rows[number] => [t.label, t.count]),
      copingRows: data.patterns.copingThatWorked.map((c): Rows[number] => [c.label, c.count]),
    }
  }
}
