// Help and crisis contacts: open to everyone, signed in or not.
import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CrisisContacts } from '#app/components/crisis-contacts.tsx'
import { OverdoseSteps } from '#app/components/overdose-steps.tsx'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export const meta: MetaFunction = () => [{ title: 'Help and crisis contacts – Foothold' }]

export async function loader() {
  const { crisisContacts, serviceName } = await getServiceSettings()
  return { crisisContacts, serviceName }
}

export default function Help() {
  const { crisisContacts, serviceName } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <h1>Help and crisis contacts</h1>
      <div className="support-panel">
        <h2>If you need help now</h2>
        <p>
          If you or someone else is in danger, or you might act on thoughts of harming yourself, call one of these now.
        </p>
        <CrisisContacts contacts={crisisContacts} />
      </div>
      <OverdoseSteps headingLevel={2} />
      <p>
        <a href="/help/urge-card">Riding out an urge</a>: a short card that works without a connection.
      </p>
      <h2>Using {serviceName}</h2>
      <ul>
        <li>
          <strong>Quick exit:</strong> the button at the top of every page, or pressing Esc twice, takes you straight to
          a weather website. With JavaScript on, it also signs you out.
        </li>
        <li>
          <strong>Shared device:</strong> tick “This is a shared device” when you sign in. We then sign you out after 30
          minutes without activity and when the browser closes.
        </li>
        <li>
          <strong>Keeping it private:</strong> on a device other people use, open Foothold in a private (incognito)
          window, or clear your browsing history afterwards.
        </li>
        <li>
          <strong>Forgotten passphrase:</strong> we do not keep an email address, so we cannot reset it. You can start a
          new account.
        </li>
      </ul>
    </section>
  )
}
