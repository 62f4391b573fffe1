// Shown at once on the page a new use entry lands on, when it mixes dangerously with something
// else logged that day or with a medicine the client listed (issue 15 §3; hazard H-039): calm,
// no blame, which combination and why, and the overdose guide. The reasons and their sources
// are content (content/safety/mixing.yaml); the full table is on /help/mixing.
import { Link } from '@remix-run/react'
import type { MixingWarningRow } from '#app/domain/safety/mixing.server.ts'
import { OVERDOSE_GUIDE_HREF } from './overdose-steps.tsx'

export function MixingWarning({ rows }: { rows: MixingWarningRow[] }) {
  return (
    <section className="support-panel warning-panel" aria-labelledby="mixing-heading">
      <h2 id="mixing-heading">Take care: these can be dangerous together</h2>
      <p>Your entry is saved. Today you have logged things that are risky to mix:</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <strong>
              {row.names[0]} with {row.names[1]}.
            </strong>{' '}
            {row.reason}
          </li>
        ))}
      </ul>
      <p>
        If someone is very sleepy, cannot be woken, or their breathing is slow, noisy or has stopped, call 999.{' '}
        <Link to={OVERDOSE_GUIDE_HREF}>What to do if someone may have overdosed</Link>.
      </p>
      <p>
        <Link to="/help/mixing">More about mixing drugs</Link>
      </p>
    </section>
  )
}
