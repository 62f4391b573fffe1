// The overdose guide (issue 15): open to everyone, signed in or not, and kept by the service
// worker so it opens with no connection (ADR 0021). It needs no data and no app scripts: without
// JavaScript every step is on the page; public/offline-pages.js shows one step per screen.
import type { MetaFunction } from '@remix-run/node'
import { OverdoseGuideSources, OverdoseGuideSteps, StimulantGuide } from '#app/components/overdose-guide.tsx'
import { useNonce } from '#app/utils/nonce.ts'

export const handle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Someone overdosing? What to do – Foothold' }]

export default function OverdoseGuide() {
  const nonce = useNonce()
  return (
    <section className="overdose-guide narrow">
      <h1>Someone overdosing?</h1>
      <p className="guide-intro">
        Signs: they will not wake up, their breathing is slow or noisy or has stopped, or their lips or fingertips look
        blue or grey. These steps are for heroin and other opioids, alcohol, benzos, GHB and other downers.{' '}
        <a href="#stimulants">Cocaine, crack, speed or ecstasy? See what is different.</a>
      </p>
      <OverdoseGuideSteps />
      <StimulantGuide />
      <OverdoseGuideSources />
      <p>
        <a href="/help/wallet-card.pdf">Print a wallet card with these steps</a> ·{' '}
        <a href="/help">Help and crisis contacts</a> · <a href="/help/urge-card">Riding out an urge</a>
      </p>
      <p className="hint">This page works without a connection once you have opened it.</p>
      <script src="/offline-pages.js" nonce={nonce} defer />
    </section>
  )
}
