// Goals: set a SMART goal, check in on each (done / partly / not, with a note), see the history,
// mark a goal done or drop it. Goals set in modules are listed here too.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Choice, FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { GoalFields } from '#app/components/goal-fields.tsx'
import { SafetyNoticePanel } from '#app/components/support-panel.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { namedSubstances, withdrawalReason } from '#app/domain/assessment/safety-facts.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import { goalAction } from '#app/domain/tracking/goal-actions.server.ts'
import { listGoals } from '#app/domain/tracking/goals.server.ts'
import { SUBSTANCE_IDS } from '#programme/engine/index.ts'

export const meta: MetaFunction = () => [{ title: 'Your goals – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return {
    goals: await listGoals(user.id),
    substances: (await namedSubstances(user.id)) ?? SUBSTANCE_IDS,
    contacts: (await getServiceSettings()).crisisContacts,
    why: await withdrawalReason(user.id),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const result = await goalAction(user.id, await request.formData())
  if (result.status === 'redirect') return redirect(result.to ?? '/goals')
  return data(result, { status: result.status })
}

const OUTCOMES = { done: 'Done', partly: 'Partly', not: 'Not this time' } as const

export default function Goals() {
  const { goals, substances, contacts, why } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('goal-form', actionData?.form === 'goal' ? actionData.result : null, { type: 'cut-down' })
  const active = goals.filter((g) => g.status === 'active')
  return (
    <section className="narrow">
      <h1>Your goals</h1>
      {actionData?.safety ? <SafetyNoticePanel id={actionData.safety} contacts={contacts} why={why} /> : null}
      <div role="status">{actionData?.saved ? <p className="notice">{actionData.saved}</p> : null}</div>
      {active.length === 0 ? <p>You have no goals yet. Set one below, or in the module “Goals that work”.</p> : null}
      {goals.map((g) => (
        <article key={g.id} className={`goal-card status-${g.status}`} aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`}>{g.what}</h2>
          <p className="hint">
            {g.howMuch ? `${g.howMuch}. ` : ''}
            {g.byWhen ? `By ${g.byWhen}. ` : ''}
            {g.status === 'done' ? 'Marked done.' : g.status === 'dropped' ? 'Dropped.' : ''}
          </p>
          {g.why ? <p>Why it matters: {g.why}</p> : null}
          {g.status === 'active' ? (
            <Form method="post" className="check-in">
              <input type="hidden" name="intent" value="check-in" />
              <input type="hidden" name="goal" value={g.id} />
              <FormError
                id={`check-in-${g.id}-error`}
                errors={actionData?.form === g.id ? actionData.errors : undefined}
              />
              <fieldset className="question">
                <legend>
                  How did it go today?{g.checkedInToday ? ' (you checked in today; this replaces it)' : ''}
                </legend>
                <div className="options">
                  {Object.entries(OUTCOMES).map(([value, label]) => (
                    <Choice key={value} idPrefix={g.id} type="radio" name="outcome" value={value} label={label} />
                  ))}
                </div>
              </fieldset>
              <TextField
                field={{
                  id: `note-${g.id}`,
                  name: 'note',
                  errorId: `note-${g.id}-error`,
                  errors: undefined,
                  defaultValue: undefined,
                }}
                label="A note (optional)"
              />
              <button type="submit" className="button">
                Check in
              </button>
            </Form>
          ) : null}
          {g.history.length > 0 ? (
            <table>
              <caption>Your check-ins</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">How it went</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {g.history.map((c) => (
                  <tr key={c.date}>
                    <td data-label="Day">{c.date}</td>
                    <td data-label="How it went">{OUTCOMES[c.outcome]}</td>
                    <td data-label="Note">{c.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <Form method="post" className="actions">
            <input type="hidden" name="goal" value={g.id} />
            {g.status === 'active' ? (
              <>
                <button type="submit" name="intent" value="done" className="button button-secondary">
                  Mark as done
                </button>
                <button type="submit" name="intent" value="drop" className="button button-secondary">
                  Drop this goal
                </button>
              </>
            ) : (
              <button type="submit" name="intent" value="reopen" className="button button-secondary">
                Work on it again
              </button>
            )}
            <button type="submit" name="intent" value="delete" className="button button-danger">
              Delete
            </button>
          </Form>
        </article>
      ))}
      <h2 id="new-goal">Set a new goal</h2>
      <Form method="post" {...form.props} aria-labelledby="new-goal">
        <input type="hidden" name="intent" value="create" />
        <FormError id={form.errorId} errors={form.errors} />
        <GoalFields field={form.field} prompt="What is your goal?" goalChoices={{ areas: [], substances }} />
        <button type="submit" className="button">
          Save this goal
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}
