// Find services and meetings: search the local directory by kind, town or postcode district, and
// "open now" or "meets today"; the next 7 days' meetings in time order, in the viewer's own time
// zone. Clients keep a few services on their plan; key workers suggest one to a linked client.
// A GET form and plain posts: it all works without JavaScript, and nothing is fetched from
// anywhere else (no maps).

import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { DirectoryEntryCard, meetingTime } from '#app/components/directory-entry.tsx'
import { Choice } from '#app/components/forms.tsx'
import { requireRole, requireUser } from '#app/domain/accounts/guards.server.ts'
import {
  SAVED_SERVICES_LIMIT,
  saveService,
  suggestService,
  unsaveService,
} from '#app/domain/directory/client-services.server.ts'
import { EntryIdSchema } from '#app/domain/directory/entry-schema.ts'
import { servicesPage } from '#app/domain/directory/services-page.server.ts'
import { requireLinkedClient } from '#app/domain/sharing/guard.server.ts'
import { DIRECTORY_KINDS, KIND_NAMES } from '#programme/engine/directory/kinds.ts'
import { NALOXONE_SUPPLY } from '#programme/engine/naloxone-supply.ts'

export const meta: MetaFunction = () => [{ title: 'Find services and meetings – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { role: user.role, ...(await servicesPage(user, new URL(request.url).searchParams)) }
}

const EntryFormSchema = z.object({ intent: z.enum(['save', 'unsave']), entryId: EntryIdSchema })
const SuggestSchema = z.object({
  intent: z.literal('suggest'),
  entryId: EntryIdSchema,
  linkId: z.string({ error: 'Choose a client' }).max(100),
})

type Outcome = { done?: string; error?: string; entryId?: string }

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  if (formData.get('intent') === 'suggest') {
    const submission = parseWithZod(formData, { schema: SuggestSchema })
    if (submission.status !== 'success')
      return data<Outcome>({ error: 'Choose a client and a service.' }, { status: 400 })
    const { worker, linked } = await requireLinkedClient(request, submission.value.linkId)
    if (!(await suggestService(worker.id, linked.client.id, submission.value.entryId)))
      return data<Outcome>({ error: 'That service is no longer in the directory.' }, { status: 404 })
    return data<Outcome>({
      done: 'Suggested. The client sees it with their suggested modules.',
      entryId: submission.value.entryId,
    })
  }
  const client = await requireRole(request, 'client')
  const submission = parseWithZod(formData, { schema: EntryFormSchema })
  if (submission.status !== 'success')
    return data<Outcome>({ error: 'That button is not one we know.' }, { status: 400 })
  const { intent, entryId } = submission.value
  if (intent === 'unsave') {
    await unsaveService(client.id, entryId)
    return data<Outcome>({ done: 'Taken off your plan.', entryId })
  }
  const saved = await saveService(client.id, entryId)
  if (saved === 'not-found')
    return data<Outcome>({ error: 'That service is no longer in the directory.' }, { status: 404 })
  if (saved === 'full')
    return data<Outcome>(
      { error: `Your plan already keeps ${SAVED_SERVICES_LIMIT} services. Take one off to save another.`, entryId },
      { status: 409 },
    )
  return data<Outcome>({ done: 'Saved to your plan.', entryId })
}

const KIND_OPTIONS: Array<[string, string]> = [
  ['', 'Any kind'],
  ['meetings', 'Any mutual-aid meeting'],
  ...DIRECTORY_KINDS.map((kind): [string, string] => [kind, KIND_NAMES[kind]]),
]

export default function Services() {
  const page = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const savedIds = new Set(page.saved.map((entry) => entry.id))
  const when = page.search.when ?? 'any'
  return (
    <section>
      <h1>Find services and meetings</h1>
      <p>
        Local drug and alcohol services, needle exchanges, pharmacies and mutual-aid meetings. Naloxone comes{' '}
        {NALOXONE_SUPPLY}. Times are in your time zone ({page.timeZone}).
      </p>
      <div role="status" id="services-outcome">
        {outcome?.done ? <p className="notice">{outcome.done}</p> : null}
        {outcome?.error ? <p className="form-error">{outcome.error}</p> : null}
      </div>

      {page.role === 'client' ? (
        <>
          <h2>Saved to your plan</h2>
          {page.saved.length === 0 ? (
            <p>Nothing saved yet. Use "Save to my plan" on any service below (up to {page.savedLimit}).</p>
          ) : (
            <div className="directory-saved">
              {page.saved.map((entry) => (
                <DirectoryEntryCard key={entry.id} entry={entry} idPrefix="saved-entry">
                  <EntryButton intent="unsave" entryId={entry.id} label="Take off my plan" name={entry.name} />
                </DirectoryEntryCard>
              ))}
            </div>
          )}
        </>
      ) : null}

      <h2 id="search-heading">Search</h2>
      <Form method="get" aria-labelledby="search-heading" className="directory-search">
        <div className="field">
          <label htmlFor="search-kind">Kind</label>
          <select id="search-kind" name="kind" defaultValue={page.search.kind ?? ''}>
            {KIND_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-place">Town or postcode district</label>
          <p className="hint" id="search-place-hint">
            For example Leeds or LS1. Leave it empty to see everything.
          </p>
          <input
            id="search-place"
            name="place"
            type="text"
            defaultValue={page.search.place ?? ''}
            aria-describedby="search-place-hint"
            maxLength={60}
            autoComplete="off"
          />
        </div>
        <fieldset className="field">
          <legend>When</legend>
          {(
            [
              ['any', 'Any time'],
              ['open-now', 'Open now'],
              ['meets-today', 'Meets today'],
            ] as const
          ).map(([value, label]) => (
            <Choice key={value} type="radio" name="when" value={value} label={label} defaultChecked={when === value} />
          ))}
        </fieldset>
        <button type="submit" className="button">
          Search
        </button>
      </Form>

      <h2>Next meetings</h2>
      {page.nextMeetings.length === 0 ? (
        <p>No meetings in the next 7 days match your search.</p>
      ) : (
        <ol className="next-meetings">
          {page.nextMeetings.map((meeting) => (
            <li key={`${meeting.entryId}-${meeting.at}`}>
              <strong>{meetingTime(meeting)}</strong> <a href={`#entry-${meeting.entryId}`}>{meeting.name}</a>
              {meeting.online ? ' (online)' : meeting.town ? ` (${meeting.town})` : ''}
            </li>
          ))}
        </ol>
      )}

      <h2>
        {page.results.length === 1 ? '1 result' : `${page.results.length} results`}
        {page.more > 0 ? ` (and ${page.more} more: narrow your search)` : ''}
      </h2>
      {page.results.length === 0 ? <p>Nothing matches. Try another kind or place, or "Any time".</p> : null}
      <div className="directory-results">
        {page.results.map((entry) => (
          <DirectoryEntryCard key={entry.id} entry={entry}>
            {page.role === 'client' ? (
              savedIds.has(entry.id) ? (
                <p>On your plan.</p>
              ) : (
                <EntryButton intent="save" entryId={entry.id} label="Save to my plan" name={entry.name} />
              )
            ) : null}
            {page.role === 'keyworker' && page.linkedClients.length > 0 ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="suggest" />
                <input type="hidden" name="entryId" value={entry.id} />
                <label htmlFor={`suggest-${entry.id}`}>Suggest to</label>{' '}
                <select id={`suggest-${entry.id}`} name="linkId">
                  {page.linkedClients.map((client) => (
                    <option key={client.linkId} value={client.linkId}>
                      {client.name}
                    </option>
                  ))}
                </select>{' '}
                <button type="submit" className="button button-secondary">
                  Suggest<span className="visually-hidden"> {entry.name}</span>
                </button>
              </Form>
            ) : null}
          </DirectoryEntryCard>
        ))}
      </div>
      {page.role === 'admin' ? (
        <p>
          <Link to="/admin/directory">Manage the directory</Link>
        </p>
      ) : null}
    </section>
  )
}

function EntryButton({
  intent,
  entryId,
  label,
  name,
}: {
  intent: string
  entryId: string
  label: string
  name: string
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="entryId" value={entryId} />
      <button type="submit" className="button button-secondary">
        {label}
        <span className="visually-hidden">: {name}</span>
      </button>
    </Form>
  )
}
