// A client's session summary for their key worker: choose a range of the client's own days, read
// it here or print it, or download it as a PDF. A part the client does not share says so instead
// of appearing. Every view is written to the client's access log before anything is read.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { type FieldState, TextField } from '#app/components/forms.tsx'
import { Table } from '#app/components/progress-parts.tsx'
import {
  displayName,
  parseSummaryRange,
  type ScoreChange,
  type SessionSummary,
  sessionSummary,
} from '#app/domain/caseload/summary.server.ts'
import { logAccess } from '#app/domain/sharing/access-log.server.ts'
import { requireLinkedClient } from '#app/domain/sharing/guard.server.ts'
import { countOf } from '#app/domain/tracking/amounts.ts'
import { longDate, oneDecimal, plural, pounds } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Session summary – Foothold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { worker, linked } = await requireLinkedClient(request, params.linkId)
  const parsed = parseSummaryRange(new URL(request.url).searchParams, linked.client.timeZone)
  const page = { linkId: linked.link.id, name: displayName(linked) }
  // A refused range shows no data, so there is nothing to log.
  if (!parsed.ok) return data({ ...page, values: parsed.values, errors: parsed.errors, summary: null }, { status: 400 })
  await logAccess(worker, linked, 'session summary page')
  const { from, to } = parsed.range
  return data({ ...page, values: { from, to }, errors: null, summary: await sessionSummary(linked, parsed.range) })
}

/** "21 Nov 2026": a range may cross a new year. Written out by hand so server and browser agree. */
const day = longDate
const CHANGE = { better: 'better', worse: 'worse', same: 'no change' } as const
const change = ({ change, direction }: ScoreChange) =>
  change === null ? '–' : `${change > 0 ? '+' : ''}${change}${direction ? `, ${CHANGE[direction]}` : ''}`
const OUTCOME: Record<string, string> = { done: 'done', partly: 'partly', not: 'not done' }
const STATUS: Record<string, string> = { done: ' (marked done)', dropped: ' (dropped)' }

export default function SessionSummaryPage() {
  const { linkId, name, values, errors, summary } = useLoaderData<typeof loader>()
  const field = (key: 'from' | 'to'): FieldState => ({
    id: `summary-${key}`,
    name: key,
    errorId: `summary-${key}-error`,
    errors: errors?.[key],
    defaultValue: values[key],
  })
  const query = new URLSearchParams(values).toString()
  return (
    <section className="summary-page">
      <p className="no-print">
        <Link to={`/caseload/${linkId}`}>Back to {name}</Link>
      </p>
      <h1>Session summary: {name}</h1>
      <Form method="get" className="summary-range no-print">
        <TextField field={field('from')} label="From" type="date" hint="The first day, in the client's calendar." />
        <TextField field={field('to')} label="To" type="date" hint="The last day. Up to 366 days in all." />
        <button type="submit" className="button">
          Show this range
        </button>
      </Form>
      {summary ? (
        <>
          <p className="no-print">
            <a href={`/caseload/${linkId}/summary.pdf?${query}`} className="button button-secondary">
              Download PDF
            </a>
          </p>
          <p className="hint no-print">
            To print, use your browser's Print command (Ctrl+P, or Cmd+P on a Mac). The form and links are left off.
          </p>
          <Summary summary={summary} />
        </>
      ) : null}
    </section>
  )
}

const NotShared = () => <p className="hint">Not shared by the client.</p>

function List({ items = [] }: { items?: Array<[key: string, text: string]> }) {
  if (items.length === 0) return <p>None.</p>
  return (
    <ul>
      {items.map(([key, text]) => (
        <li key={key}>{text}</li>
      ))}
    </ul>
  )
}

function Part({ id, title, shared, children }: { id: string; title: string; shared: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="summary-section">
      <h2 id={id}>{title}</h2>
      {shared ? children : <NotShared />}
    </section>
  )
}

function Summary({ summary: s }: { summary: SessionSummary }) {
  const { range } = s
  return (
    <>
      <p>
        {day(range.from)} to {day(range.to)} ({plural(range.days, 'day')}), in the client's calendar ({s.timeZone}).
        Made {day(s.generatedAt.slice(0, 10))} at {s.generatedAt.slice(11)}, client's time.
      </p>
      <p className="notice">
        <strong>Confidential: shared by the client for their care. Do not pass on.</strong>
      </p>

      <Part id="summary-flags" title="Flags now" shared>
        {s.flags.length === 0 ? (
          <p>No flags at the moment.</p>
        ) : (
          <ul>
            {s.flags.map((flag) => (
              <li key={flag.id}>
                <strong>{flag.label}:</strong> {flag.detail}
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part id="summary-scores" title="Scores and changes" shared={s.scores !== null}>
        {s.scores?.length ? (
          <>
            <Table
              caption="Check-in scores completed in this range"
              head={['Measure', 'Date', 'Score', 'Before', 'Change']}
              rows={s.scores.map((x) => [
                x.title,
                day(x.date),
                `${x.total}${x.max === null ? '' : ` out of ${x.max}`}${x.band ? ` (${x.band})` : ''}`,
                x.previous ? `${x.previous.total} on ${day(x.previous.date)}` : 'First score',
                change(x),
              ])}
            />
            <p className="hint">
              {s.scores.every((x) => x.lowerIsBetter)
                ? 'On every measure here a lower score is better.'
                : 'Better or worse is given only where a lower score is known to be better.'}
            </p>
          </>
        ) : (
          <p>No check-in scores completed in this range.</p>
        )}
      </Part>

      <Part id="summary-modules" title="Modules" shared={s.modules !== null}>
        <h3>Finished in this range</h3>
        <List items={s.modules?.finished.map((m) => [m.moduleId, `${m.title}, finished ${day(m.date)}`])} />
        <h3>In progress now</h3>
        <List
          items={s.modules?.inProgress.map((m) => [
            m.moduleId,
            `${m.title}: step ${m.step} of ${m.steps}, last worked on ${day(m.date)}`,
          ])}
        />
      </Part>

      <Part id="summary-urges" title="Urges" shared={s.urges !== null}>
        {s.urges?.count ? (
          <Table
            caption="Urges logged in this range"
            head={['What', 'Figure']}
            rows={[
              ['Urges logged', s.urges.count],
              ['Average strength (out of 10)', oneDecimal(s.urges.avgStrength)],
              ['Strongest', s.urges.strongest ?? '–'],
              ['Rode out', s.urges.rodeOut],
              ['Used', s.urges.used],
              ['Outcome not recorded', s.urges.count - s.urges.rodeOut - s.urges.used],
            ]}
          />
        ) : (
          <p>No urges logged in this range.</p>
        )}
      </Part>

      <Part id="summary-use" title="Use" shared={s.use !== null}>
        {s.use && (s.use.occasions > 0 || s.use.noUseDays > 0) ? (
          <>
            <Table
              caption="Use logged in this range"
              head={['What', 'Figure']}
              rows={[
                ['Alcohol (UK units)', oneDecimal(s.use.alcoholUnits)],
                ['Money spent', pounds(s.use.spendPence)],
                ['Occasions of use', s.use.occasions],
                ['Days with use', s.use.useDays],
                ['No-use days (said "no use today", logged none)', s.use.noUseDays],
              ]}
            />
            {s.use.substances.length > 0 ? (
              <Table
                caption="By substance"
                head={['Substance', 'Amount', 'Occasions', 'Spent']}
                rows={s.use.substances.map((x) => [
                  x.name,
                  countOf(x.amount, x.unit ?? '').trim(),
                  x.occasions,
                  pounds(x.spendPence),
                ])}
              />
            ) : null}
          </>
        ) : (
          <p>Nothing logged in this range.</p>
        )}
      </Part>

      <Part id="summary-goals" title="Goals and check-ins" shared={s.goals !== null}>
        {s.goals?.length ? null : <p>No active goals and no check-ins in this range.</p>}
        {s.goals?.map((g) => (
          <article key={g.goalId} aria-labelledby={`summary-goal-${g.goalId}`}>
            <h3 id={`summary-goal-${g.goalId}`}>
              {g.what}
              {STATUS[g.status] ?? ''}
            </h3>
            <p>
              Check-ins: done {g.done}, partly {g.partly}, not done {g.not}.
            </p>
            {g.notes.length > 0 ? (
              <ul>
                {g.notes.map((n) => (
                  <li key={n.date}>
                    {day(n.date)}, {OUTCOME[n.outcome] ?? n.outcome}: “{n.note}”
                  </li>
                ))}
                {g.moreNotes > 0 ? <li>And {plural(g.moreNotes, 'earlier note')}.</li> : null}
              </ul>
            ) : null}
          </article>
        ))}
      </Part>
    </>
  )
}
