// How each score has changed across assessments, and when the next check-in is due.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ScoreHistoryChart } from '#app/components/score-history-chart.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { reassessment, scoreHistory } from '#app/domain/assessment/results.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Your scores over time – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return { history: await scoreHistory(user.id), next: await reassessment(user.id) }
}

export default function History() {
  const { history, next } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <h1>Your scores over time</h1>
      {history.length === 0 ? (
        <p>
          You have not finished a check-in yet. <Link to="/assessment">Start one</Link>.
        </p>
      ) : (
        <>
          {next.due ? (
            <p className="notice">
              It has been a while since your last check-in. <Link to="/assessment">Do a new check-in</Link> to see what
              has changed.
            </p>
          ) : next.dueAt ? (
            <p>Your next check-in is due on {longDate(new Date(next.dueAt).toISOString())}.</p>
          ) : null}
          {history.map((h) => (
            <section key={h.instrumentId} aria-labelledby={`h-${h.instrumentId}`}>
              <h2 id={`h-${h.instrumentId}`}>{h.title}</h2>
              <ScoreHistoryChart title={h.title} points={h.points} max={h.max} />
            </section>
          ))}
        </>
      )}
    </section>
  )
}
