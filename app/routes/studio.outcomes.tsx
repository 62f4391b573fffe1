// Programme outcomes: for each published module, how many clients started and finished it, the
// median time to finish, and the change in check-in scores between first and latest check-in for
// clients who finished it and those who did not. Anonymous: counts under 5 are never shown.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { programmeOutcomes, SMALLEST_SHOWN } from '#app/domain/studio/outcomes.server.ts'

export const meta: MetaFunction = () => [{ title: 'Outcomes – Studio – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  return { outcomes: await programmeOutcomes(), smallest: SMALLEST_SHOWN }
}

type Figure = { suppressed: true } | { suppressed: false; value: number }

function show(f: Figure, unit = ''): string {
  if (f.suppressed) return 'fewer than 5'
  const v = Math.round(f.value * 10) / 10
  return `${v > 0 && unit === ' points' ? '+' : ''}${v}${unit}`
}

export default function Outcomes() {
  const { outcomes, smallest } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Programme outcomes</h1>
      <p>
        Figures for all clients together. No client can be picked out: any figure that rests on fewer than {smallest}{' '}
        clients shows as “fewer than {smallest}”. A score change is the latest check-in’s total minus the first; for
        most questionnaires a fall means things got better. These figures show what happened, not what caused it.
      </p>
      {outcomes.map((m) => (
        <section key={m.moduleId} aria-labelledby={`outcome-${m.moduleId}`} className="card">
          <h2 id={`outcome-${m.moduleId}`}>{m.title}</h2>
          <p>
            Started: {show(m.starts)} · Finished: {show(m.completions)} · Median time to finish:{' '}
            {show(m.medianDays, ' days')}
          </p>
          {m.scoreChanges.length > 0 ? (
            <table>
              <caption>Change in check-in scores, first to latest</caption>
              <thead>
                <tr>
                  <th scope="col">Questionnaire</th>
                  <th scope="col">Finished this module</th>
                  <th scope="col">Did not</th>
                </tr>
              </thead>
              <tbody>
                {m.scoreChanges.map((c) => (
                  <tr key={c.instrumentId}>
                    <th scope="row" data-label="Questionnaire">
                      {c.instrumentTitle}
                    </th>
                    <td data-label="Finished this module">
                      {c.did.clients.suppressed
                        ? 'fewer than 5 clients'
                        : `${show(c.did.medianChange, ' points')} (median of ${show(c.did.clients)} clients)`}
                    </td>
                    <td data-label="Did not">
                      {c.didNot.clients.suppressed
                        ? 'fewer than 5 clients'
                        : `${show(c.didNot.medianChange, ' points')} (median of ${show(c.didNot.clients)} clients)`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </section>
  )
}
