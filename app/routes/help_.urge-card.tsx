// "Riding out an urge": a short card from the Riding out urges module (urge surfing and the
// strong-urge tips), open to everyone and kept by the service worker for use offline (ADR 0021).
import type { MetaFunction } from '@remix-run/node'
import { useNonce } from '#app/utils/nonce.ts'

export const handle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Riding out an urge – Foothold' }]

export default function UrgeCard() {
  const nonce = useNonce()
  return (
    <section className="urge-card narrow">
      <h1>Riding out an urge</h1>
      <p>An urge is like a wave. It builds up, reaches a peak, then fades away, even if you do nothing.</p>
      <h2>Surf the wave</h2>
      <ol className="urge-card-steps">
        <li>
          <strong>Stop.</strong> Sit or stand somewhere you feel safe. Put your feet on the floor.
        </li>
        <li>
          <strong>Breathe.</strong> Take slow, gentle breaths.
        </li>
        <li>
          <strong>Notice.</strong> Where do you feel the urge in your body?
        </li>
        <li>
          <strong>Watch.</strong> Picture the urge as a wave. Notice it rise, peak and start to fall.
        </li>
        <li>
          <strong>Come back.</strong> When your mind wanders, come back to your breath.
        </li>
      </ol>
      <p>You don't have to make the urge go away. Just watch it for a few minutes.</p>
      <h2>If it feels very strong</h2>
      <ul>
        <li>
          <strong>Delay.</strong> Tell yourself, “Not now. I'll wait and see how I feel later.”
        </li>
        <li>
          <strong>Move.</strong> Go for a walk, or leave the place you are in.
        </li>
        <li>
          <strong>Talk.</strong> Call or text someone you trust.
        </li>
        <li>
          <strong>Distract.</strong> Do something that needs your hands or your mind.
        </li>
      </ul>
      <p>
        If you feel unsafe, <a href="/help">get help now</a>. If someone may have overdosed,{' '}
        <a href="/help/overdose">see what to do</a>.
      </p>
      <p className="sources">
        From the Riding out urges module. Sources: Marlatt and Gordon, Relapse Prevention (1985); Bowen and others,
        Mindfulness-based relapse prevention (2009).
      </p>
      <script src="/offline-pages.js" nonce={nonce} defer />
    </section>
  )
}
