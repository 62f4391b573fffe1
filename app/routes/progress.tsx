// "Seeing change": the client's urges, use and goal check-ins over 7, 30, 90 or 365 days, the
// patterns in them and their milestones. Every figure is server-rendered as a table or a sentence,
// which is all a visit without JavaScript gets. With JavaScript, charts are loaded after hydration
// (recharts stays out of the first load) and the tables fold into "Show the numbers". The
// sections are ProgressView, which a key worker's client page shows too.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { ProgressView } from '#app/components/progress-view.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { progressJson } from '#app/domain/tracking/progress-memo.server.ts'
import { parseRange } from '#app/domain/tracking/stats.server.ts'
import { dayMonth } from '#app/utils/format.ts'
import { parsedOnce } from '#app/utils/parsed.ts'
import { unpackProgress } from '#app/utils/progress-wire.ts'

export const meta: MetaFunction = () => [{ title: 'Your progress – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const range = parseRange(new URL(request.url).searchParams.get('range'))
  return { json: progressJson(user.id, range) }
}

export default function Progress() {
  const { json } = useLoaderData<typeof loader>()
  const data = useMemo(() => parsedOnce(json, unpackProgress), [json])
  const days = data.range.days
  const over = days === 365 ? 'the last year' : `the last ${days} days`
  return (
    <section className="progress-page">
      <h1>Your progress</h1>
      <p>
        What you have logged over {over}, up to today ({dayMonth(data.range.to)}).{' '}
        <Link to="/track">Log an urge or use</Link>.
      </p>
      <ProgressView data={data} />
    </section>
  )
}
