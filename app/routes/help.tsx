// Help and crisis contacts: open to everyone, signed in or not.
import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CrisisContacts } from '#app/components/crisis-contacts.tsx'
import { OverdoseSteps } from '#app/components/overdose-steps.tsx'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import { publishedText } from '#app/domain/studio/content.server.ts'

export const meta: MetaFunction = () => [{ title: 'Help and crisis contacts – Foothold' }]

export async function loader() {
  const { crisisContacts, serviceName } = await getServiceSettings()
  // The tips and the service's note as its clinicians publish them (the studio's help page item).
  const { tips, serviceNote } = await publishedText('help')
  return { crisisContacts, serviceName, tips, serviceNote }
}

export default function Help() {
  const { crisisContacts, serviceName, tips, serviceNote } = useLoaderData<typeof loader>()
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
        {tips.map((tip) => (
          <li key={tip.id}>
            <strong>{tip.title}:</strong> {tip.text}
          </li>
        ))}
      </ul>
      {serviceNote ? (
        <>
          <h2>About {serviceName}</h2>
          {serviceNote.split(/\n{2,}/).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </>
      ) : null}
    </section>
  )
}
