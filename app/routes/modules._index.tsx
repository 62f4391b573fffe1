// The module list: the client's recommended modules first (from their latest check-in), each
// with its progress, then the rest; finished ones are marked. Modules a key worker suggested
// come first, each with a button to dismiss it. Goals set in modules are listed.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { dismissServiceSuggestion, serviceSuggestionsFor } from '#app/domain/directory/client-services.server.ts'
import { dismissSuggestion, suggestionsFor } from '#app/domain/modules/suggestions.server.ts'
import { goalsOf, moduleList } from '#app/domain/modules/view.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Modules – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const goals = (await goalsOf(user.id)).map((g) => ({ id: g.id, what: g.what, howMuch: g.howMuch, byWhen: g.byWhen }))
  const modules = await moduleList(user.id)
  const titles = new Map(modules.map((m) => [m.id, m.title]))
  const suggestions = (await suggestionsFor(user.id))
    .filter((s) => titles.has(s.moduleId))
    .map((s) => ({ id: s.id, moduleId: s.moduleId, title: titles.get(s.moduleId), worker: s.worker }))
  // Services a key worker suggested show here too (issue 15), each linking to /services.
  const services = (await serviceSuggestionsFor(user.id)).map((s) => ({
    id: s.id,
    entryId: s.entry.id,
    name: s.entry.name,
    worker: s.worker,
  }))
  return { modules, goals, suggestions, services }
}

/** Dismisses a key worker's suggestion. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  if (formData.get('intent') === 'dismiss-service') {
    if (!(await dismissServiceSuggestion(user.id, String(formData.get('id') ?? ''))))
      return data({ error: 'That suggestion was not found.' }, { status: 404 })
    return redirect('/modules')
  }
  if (formData.get('intent') !== 'dismiss') return data({ error: 'That button is not one we know.' }, { status: 400 })
  if (!(await dismissSuggestion(user.id, String(formData.get('id') ?? ''))))
    return data({ error: 'That suggestion was not found.' }, { status: 404 })
  return redirect('/modules')
}

const STATUS = { 'not-started': 'Not started', 'in-progress': 'In progress', finished: 'Finished' } as const

export default function Modules() {
  const { modules, goals, suggestions, services } = useLoaderData<typeof loader>()
  const recommended = modules.filter((m) => m.reason)
  return (
    <section>
      <h1>Modules</h1>
      <p>
        Each module takes 10 to 15 minutes. Your answers are saved at every step, so you can stop and carry on later on
        any device.
      </p>
      {recommended.length === 0 ? (
        <p className="notice">
          Do a <Link to="/assessment">check-in</Link> and we will suggest where to start. You can also choose any module
          below.
        </p>
      ) : null}
      {suggestions.length > 0 || services.length > 0 ? (
        <>
          <h2>Suggested by your key worker</h2>
          <ul className="plain-list">
            {services.map((s) => (
              <li key={s.id}>
                Service: <Link to={`/services#entry-${s.entryId}`}>{s.name}</Link>, suggested by {s.worker}.{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="dismiss-service" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="link-button">
                    Dismiss<span className="visually-hidden"> the suggestion of {s.name}</span>
                  </button>
                </Form>
              </li>
            ))}
            {suggestions.map((s) => (
              <li key={s.id}>
                <Link to={`/modules/${s.moduleId}`}>{s.title}</Link>, suggested by {s.worker}.{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="dismiss" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="link-button">
                    Dismiss<span className="visually-hidden"> the suggestion of {s.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <h2>All modules</h2>
        </>
      ) : null}
      <ul className="module-list">
        {modules.map((m) => (
          <li key={m.id} className={`module-card status-${m.status}`}>
            <h2>
              <Link to={`/modules/${m.id}`}>{m.title}</Link>
            </h2>
            {m.reason ? <p className="recommended">Suggested for you. {m.reason}.</p> : null}
            <p>{m.summary}</p>
            <p className="hint">
              About {m.minutes} minutes · {m.areas.join(', ')} · <strong>{STATUS[m.status]}</strong>
            </p>
            {m.step ? (
              <>
                <p className="progress-label" id={`progress-${m.id}`}>
                  Step {m.step.number} of {m.step.total}
                </p>
                <progress
                  className="progress"
                  max={m.step.total}
                  value={m.step.number}
                  aria-labelledby={`progress-${m.id}`}
                />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {goals.length > 0 ? (
        <>
          <h2>Your goals</h2>
          <ul>
            {goals.map((g) => (
              <li key={g.id}>
                <strong>{g.what}</strong>
                {g.howMuch ? ` – ${g.howMuch}` : ''}
                {g.byWhen ? ` (by ${longDate(g.byWhen)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
