// Goals: set a SMART goal, check in on each (done / partly / not, with a note; once a day or once
// a week), see the history, mark a goal done or drop it, change it or delete it (each on its own
// page). Goals set in modules are listed here too. Every save redirects back here with a message,
// so the forms start empty and a refresh never saves twice.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useRef } from 'react'
import { Choice, FormError, type FormReply, TextField, useFormReply } from '#app/components/forms.tsx'
import { GoalFields } from '#app/components/goal-fields.tsx'
import { SafetyNoticePanel } from '#app/components/support-panel.tsx'
import { TimeZoneField } from '#app/components/time-zone-field.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { namedSubstances, withdrawalReason } from '#app/domain/assessment/safety-facts.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import { goalAction, savedNotice } from '#app/domain/tracking/goal-actions.server.ts'
import { listGoals } from '#app/domain/tracking/goals.server.ts'
import { longDate } from '#app/utils/format.ts'
import { SUBSTANCE_IDS } from '#programme/engine/index.ts'

export const meta: MetaFunction = () => [{ title: 'Your goals – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return {
    goals: await listGoals(user.id),
    substances: (await namedSubstances(user.id)) ?? SUBSTANCE_IDS,
    contacts: (await getServiceSettings()).crisisContacts,
    why: await withdrawalReason(user.id),
    ...(await savedNotice(user.id, new URL(request.url).searchParams)),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const result = await goalAction(user.id, await request.formData())
  if (result.status === 'redirect') return redirect(result.to)
  return data(result, { status: result.status })
}

const OUTCOMES = { done: 'Done', partly: 'Partly', not: 'Not this time' } as const

export default function Goals() {
  const { goals, substances, contacts, why, saved, safety } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const key = useArrivalKey(actionData)
  const active = goals.filter((g) => g.status === 'active')
  return (
    <section className="narrow">
      <h1>Your goals</h1>
      {safety && !actionData ? <SafetyNoticePanel id={safety} contacts={contacts} why={why} /> : null}
      <div role="status">{saved && !actionData ? <p className="notice">{saved}</p> : null}</div>
      {active.length === 0 ? <p>You have no goals yet. Set one below, or in the module “Goals that work”.</p> : null}
      {goals.map((g) => (
        <article key={g.id} className={`goal-card status-${g.status}`} aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`}>{g.what}</h2>
          <p className="hint">
            {g.howMuch ? `${g.howMuch}. ` : ''}
            {g.byWhen ? `By ${longDate(g.byWhen)}. ` : ''}
            {g.frequency === 'weekly' ? 'Check in once a week. ' : ''}
            {g.status === 'done' ? 'Marked done.' : g.status === 'dropped' ? 'Dropped.' : ''}
          </p>
          {g.why ? <p>Why it matters: {g.why}</p> : null}
          {g.status === 'active' ? (
            <Form method="post" className="check-in" key={key}>
              <input type="hidden" name="intent" value="check-in" />
              <input type="hidden" name="goal" value={g.id} />
              <FormError
                id={`check-in-${g.id}-error`}
                errors={actionData?.form === g.id ? actionData.errors : undefined}
              />
              <fieldset className="question">
                <legend>
                  {g.frequency === 'weekly'
                    ? `How did it go this week?${g.checkedIn ? ' (you checked in this week; this replaces it)' : ''}`
                    : `How did it go today?${g.checkedIn ? ' (you checked in today; this replaces it)' : ''}`}
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
                  <th scope="col">{g.frequency === 'weekly' ? 'Week' : 'Day'}</th>
                  <th scope="col">How it went</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {g.history.map((c) => (
                  <tr key={c.date}>
                    <td data-label={g.frequency === 'weekly' ? 'Week' : 'Day'}>{c.when}</td>
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
          </Form>
          <p>
            <Link to={`/goals/${g.id}/edit`}>
              Change<span className="visually-hidden"> “{g.what}”</span>
            </Link>{' '}
            <Link to={`/goals/${g.id}/delete`}>
              Delete<span className="visually-hidden"> “{g.what}”</span>
            </Link>
          </p>
        </article>
      ))}
      <NewGoal key={key} reply={actionData?.form === 'goal' ? actionData.result : null} substances={substances} />
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}

/**
 * The location's key as of the last arrival that was not a refused post: after a save's redirect
 * the forms, keyed by it, start afresh (empty, no accidental second save); after a refusal they
 * keep what was typed.
 */
function useArrivalKey(actionData: unknown): string {
  const { key } = useLocation()
  const arrival = useRef(key)
  if (!actionData) arrival.current = key
  return arrival.current
}

function NewGoal({ reply, substances }: { reply: FormReply; substances: readonly string[] }) {
  const form = useFormReply('goal-form', reply, { type: 'cut-down', frequency: 'daily' })
  return (
    <>
      <h2 id="new-goal">Set a new goal</h2>
      <Form method="post" {...form.props} aria-labelledby="new-goal">
        <input type="hidden" name="intent" value="create" />
        <TimeZoneField />
        <FormError id={form.errorId} errors={form.errors} />
        <GoalFields
          field={form.field}
          prompt="What is your goal?"
          goalChoices={{ areas: [], substances }}
          withFrequency
        />
        <button type="submit" className="button">
          Save this goal
        </button>
      </Form>
    </>
  )
}
