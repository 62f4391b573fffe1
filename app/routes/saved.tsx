// After saving free text with self-harm words in it (hazard H-027): "Saved", then the support
// panel with the crisis contacts, then a "Carry on" link to the page the client was going to.
// The save has already happened and raised its safety event; this page only shows. A neutral
// address, so browser history says no more than "saved".
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SafetyNoticePanel } from '#app/components/support-panel.tsx'
import { TextSelfHarmSupport } from '#app/components/text-support.tsx'
import { requireRole, safeRedirect } from '#app/domain/accounts/guards.server.ts'
import { withdrawalReason } from '#app/domain/assessment/safety-facts.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export const meta: MetaFunction = () => [{ title: 'Saved – Foothold' }]

export const handle = { hydrate: false }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const search = new URL(request.url).searchParams
  const notice = search.get('notice')
  return {
    next: safeRedirect(search.get('next'), '/home'),
    // A goal's own warning (withdrawal, taper, overdose) still shows, after this panel.
    notice: notice && notice !== 'self-harm' ? notice : null,
    contacts: (await getServiceSettings()).crisisContacts,
    why: await withdrawalReason(user.id),
  }
}

export default function Saved() {
  const { next, notice, contacts, why } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <h1>Saved</h1>
      <p>What you wrote is saved, just as you wrote it.</p>
      <TextSelfHarmSupport contacts={contacts} />
      {notice ? <SafetyNoticePanel id={notice} contacts={contacts} why={why} /> : null}
      <p>
        <Link className="button" to={next}>
          Carry on
        </Link>
      </p>
    </section>
  )
}
