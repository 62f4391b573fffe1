// "Seeing change": the client's urges, use and goal check-ins over 7, 30, 90 or 365 days, the
// patterns in them and their milestones. Every figure is a sentence, a chart drawn on the server
// as plain SVG and a table, which is all a visit without JavaScript needs; no chart library comes
// with the page, so a cheap phone gets it fast. With JavaScript, a button loads interactive
// charts (recharts) if the client asks. The sections are ProgressView, which a key worker's
// client page shows too. The page keeps its scripts for that button (handle.hydrate stays on).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ProgressView } from '#app/components/progress-view.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { buildProgress, parseRange } from '#app/domain/tracking/stats.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Your progress – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const range = parseRange(new URL(request.url).searchParams.get('range'))
  return { progress: await buildProgress(user.id, range) }
}

export default function Progress() {
  const { progress: data } = useLoaderData<typeof loader>()
  const days = data.range.days
  const over = days === 365 ? 'the last year' : `the last ${days} days`
  return (
    <section className="progress-page">
      <h1>Your progress</h1>
      <p>
        What you have logged over {over}, up to today ({longDate(data.range.to)}).{' '}
        <Link to="/track">Log an urge or use</Link>.
      </p>
      <ProgressView data={data} />
    </section>
  )
}
