// What the service worker shows for a page that needs a connection when there is none (ADR 0021).
// It holds nothing about anyone, and points to the pages that work offline.
import type { MetaFunction } from '@remix-run/node'

export const handle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'No connection – Foothold' }]

export default function Offline() {
  return (
    <section className="narrow">
      <h1>No connection</h1>
      <p>This page needs an internet connection. Nothing is wrong with your account.</p>
      <p>These pages work without a connection:</p>
      <ul>
        <li>
          <a href="/help/overdose">Someone overdosing? What to do</a>
        </li>
        <li>
          <a href="/help">Help and crisis contacts</a>
        </li>
        <li>
          <a href="/help/urge-card">Riding out an urge</a>
        </li>
      </ul>
      <p>In an emergency, call 999.</p>
    </section>
  )
}
