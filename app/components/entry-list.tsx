// The client's latest urges and use, newest first, each linking to where it can be changed.
import { Link } from '@remix-run/react'
import { countOf } from '#app/domain/tracking/amounts.ts'

type Recent = {
  urges: Array<{ id: string; when: string; intensity: number; trigger: string | null; outcome: string | null }>
  use: Array<{
    id: string
    when: string
    substance: string | null
    amount: number | null
    unit: string | null
    spendPence: number | null
  }>
}

const OUTCOME: Record<string, string> = { 'rode-out': 'rode it out', used: 'used' }

export function EntryList({ recent }: { recent: Recent }) {
  return (
    <>
      <h2>Your latest urges</h2>
      {recent.urges.length === 0 ? (
        <p className="hint">No urges logged yet.</p>
      ) : (
        <ul className="entries">
          {recent.urges.map((u) => (
            <li key={u.id}>
              <Link to={`/track/urges/${u.id}`}>
                {u.when}: strength {u.intensity}
                {u.trigger ? `, ${u.trigger.toLowerCase()}` : ''}
                {u.outcome ? `, ${OUTCOME[u.outcome] ?? u.outcome}` : ''}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2>Your latest use diary</h2>
      {recent.use.length === 0 ? (
        <p className="hint">Nothing logged yet.</p>
      ) : (
        <ul className="entries">
          {recent.use.map((e) => (
            <li key={e.id}>
              <Link to={`/track/use/${e.id}`}>
                {e.substance
                  ? `${e.when}: ${e.substance}, ${e.amount === null ? (e.unit ?? '') : countOf(e.amount, e.unit ?? '')}${e.spendPence ? `, £${(e.spendPence / 100).toFixed(2)}` : ''}`
                  : `${e.when}: no use`}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
