// A key worker's page about one client: flags, then each part of their progress the client
// shares (check-in scores over time, modules, urges and use, goals), a private label, module
// suggestions and the session summary. Each view is written to the client's access log first.
// Sent without scripts: its charts are drawn on the server.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormError, SelectField, TextField, useFormReply } from '#app/components/forms.tsx'
import { ProgressView } from '#app/components/progress-view.tsx'
import { ScoreHistoryChart } from '#app/components/score-history-chart.tsx'
import { clientPage } from '#app/domain/caseload/client-page.server.ts'
import { suggestModule } from '#app/domain/modules/suggestions.server.ts'
import { logAccess } from '#app/domain/sharing/access-log.server.ts'
import { requireLinkedClient } from '#app/domain/sharing/guard.server.ts'
import { setLabel } from '#app/domain/sharing/links.server.ts'
import { parseRange } from '#app/domain/tracking/stats.server.ts'
import { longDate } from '#app/utils/format.ts'

const LabelSchema = z.object({
  intent: z.literal('label'),
  label: z.string().trim().max(60, { error: 'Keep the label to 60 characters or fewer' }).default(''),
})
const SuggestSchema = z.object({
  intent: z.literal('suggest'),
  module: z.string({ error: 'Choose a module' }).max(100),
})

export const meta: MetaFunction = () => [{ title: 'Client – Foothold' }]

/**
 * Links and forms that post, and charts drawn on the server: the page needs no JavaScript, so
 * none is sent with it (root.tsx). A worker reading a long page on a work laptop or a phone gets
 * it in one piece.
 */
export const handle = { hydrate: false }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { worker, linked } = await requireLinkedClient(request, params.linkId)
  const range = parseRange(new URL(request.url).searchParams.get('range'))
  await logAccess(worker, linked, 'client page')
  return clientPage(worker.id, linked, range)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { worker, linked } = await requireLinkedClient(request, params.linkId)
  const formData = await request.formData()
  if (formData.get('intent') === 'label') {
    const submission = parseWithZod(formData, { schema: LabelSchema })
    if (submission.status !== 'success') return data({ form: 'label', result: submission.reply() }, { status: 400 })
    await setLabel(worker.id, linked.link.id, submission.value.label)
    return data({ form: 'label', result: submission.reply(), saved: 'Label saved. Only you see it.' })
  }
  const submission = parseWithZod(formData, { schema: SuggestSchema })
  if (submission.status !== 'success') return data({ form: 'suggest', result: submission.reply() }, { status: 400 })
  if (!(await suggestModule(worker.id, linked.client.id, submission.value.module)))
    return data(
      { form: 'suggest', result: submission.reply({ fieldErrors: { module: ['Choose a module from the list'] } }) },
      { status: 400 },
    )
  return data({
    form: 'suggest',
    result: submission.reply({ resetForm: true }),
    saved: 'Suggested. The client sees it with their modules.',
  })
}

export default function ClientPage() {
  const { client, flags, assessments, modules, goals, suggested, tracking, modulesToSuggest } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const labelForm = useFormReply('label', actionData?.form === 'label' ? actionData.result : undefined, {
    label: client.label ?? '',
  })
  const suggestForm = useFormReply('suggest', actionData?.form === 'suggest' ? actionData.result : undefined)
  const saved = actionData && 'saved' in actionData ? String(actionData.saved) : null
  return (
    <section className="client-page">
      <p>
        <Link to="/caseload">Back to your caseload</Link>
      </p>
      <h1>{client.name}</h1>
      <p>
        {client.label ? `Username ${client.username}. ` : ''}Sharing with you since {client.since}.{' '}
        {client.lastActive ? `Last active ${client.lastActive}.` : 'Not active since sharing.'}
      </p>
      <p>
        They share: {client.shared.join(', ') || 'nothing at the moment'}.
        {client.notShared.length ? ` Not shared: ${client.notShared.join(', ')}.` : ''}
      </p>
      <p>
        <Link className="button" to={`/caseload/${client.linkId}/summary`}>
          Session summary (print or PDF)
        </Link>
      </p>
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}

      <h2>Flags</h2>
      {flags.length === 0 ? (
        <p>No flags from what this client shares.</p>
      ) : (
        <ul className="flags">
          {flags.map((flag) => (
            <li key={flag.id}>
              <strong>{flag.label}</strong>: {flag.detail}
            </li>
          ))}
        </ul>
      )}

      <h2>Check-in scores</h2>
      {assessments === null ? (
        <p>Not shared by the client.</p>
      ) : assessments.length === 0 ? (
        <p>No check-ins finished yet.</p>
      ) : (
        assessments.map((h) => (
          <section key={h.instrumentId} aria-labelledby={`score-${h.instrumentId}`}>
            <h3 id={`score-${h.instrumentId}`}>{h.title}</h3>
            <ScoreHistoryChart title={h.title} points={h.points} max={h.max} />
          </section>
        ))
      )}

      <h2>Modules</h2>
      {modules === null ? (
        <p>Not shared by the client.</p>
      ) : modules.length === 0 ? (
        <p>No modules started yet.</p>
      ) : (
        <table>
          <caption>Modules started and finished</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Where they are</th>
            </tr>
          </thead>
          <tbody>
            {modules.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td data-label="Where they are">
                  {m.status === 'finished'
                    ? `Finished${m.completed ? ` ${m.completed}` : ''}`
                    : m.step
                      ? `Step ${m.step.number} of ${m.step.total}${m.completed ? ` (finished once, ${m.completed})` : ''}`
                      : 'Started'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Urges and use</h2>
      {tracking === null ? (
        <p>Not shared by the client.</p>
      ) : (
        <ProgressView data={tracking} level={3} own={false} goals={goals !== null} serverCharts />
      )}

      <h2>Goals</h2>
      {goals === null ? (
        <p>Not shared by the client.</p>
      ) : goals.length === 0 ? (
        <p>No goals set yet.</p>
      ) : (
        <ul className="plain-list">
          {goals.map((goal) => (
            <li key={goal.id}>
              <strong>{goal.what}</strong> ({goal.type.replace('-', ' ')}, {goal.status})
              {goal.howMuch ? `. How much: ${goal.howMuch}` : ''}
              {goal.byWhen ? `. By ${longDate(goal.byWhen)}` : ''}
              {goal.frequency === 'weekly' ? '. Checks in once a week' : ''}.
              {goal.history.length ? (
                <ul>
                  {goal.history.map((c) => (
                    <li key={`${c.date}-${c.outcome}`}>
                      {c.when}: {c.outcome === 'not' ? 'not done' : c.outcome}
                      {c.note ? ` – “${c.note}”` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                ' No check-ins yet.'
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="suggest-heading">Suggest a module</h2>
      <p>The client sees your suggestion next to their own recommendations, and can dismiss it.</p>
      {suggested.length ? <p>You have suggested: {suggested.map((s) => s.title).join(', ')}.</p> : null}
      <Form method="post" aria-labelledby="suggest-heading" {...suggestForm.props}>
        <input type="hidden" name="intent" value="suggest" />
        <FormError id={suggestForm.errorId} errors={suggestForm.errors} />
        <SelectField
          field={suggestForm.field('module')}
          label="Module"
          options={modulesToSuggest.map((m) => [m.id, m.title] as const)}
        />
        <button type="submit" className="button button-secondary">
          Suggest this module
        </button>
      </Form>

      <h2 id="label-heading">Your label for this client</h2>
      <Form method="post" aria-labelledby="label-heading" {...labelForm.props}>
        <input type="hidden" name="intent" value="label" />
        <FormError id={labelForm.errorId} errors={labelForm.errors} />
        <TextField
          field={labelForm.field('label')}
          label="Label"
          hint="Only you see this, for example the name you know them by. Leave it empty to show their username."
          autoComplete="off"
        />
        <button type="submit" className="button button-secondary">
          Save label
        </button>
      </Form>
    </section>
  )
}
