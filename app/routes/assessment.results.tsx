// Results of the latest assessment, what matters first: any safety message, where to start (the
// top suggested modules), what changed since the last check-in, the six-area map and the plan
// (the areas the client chooses lead their module list); then the details, folded: each score
// with its band and meaning, readiness, and drinking against the UK guideline.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Choice, FormError } from '#app/components/forms.tsx'
import { LifeAreaProfile } from '#app/components/life-area-profile.tsx'
import { WhatChanged, WhereToStart } from '#app/components/results-parts.tsx'
import { SafetyNoticePanel, SelfHarmSupport } from '#app/components/support-panel.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { planAreasOf, savePlanAreas } from '#app/domain/assessment/plan.server.ts'
import { latestResults } from '#app/domain/assessment/results.server.ts'
import { savedServicesOf } from '#app/domain/directory/client-services.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your results – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const results = await latestResults(user.id)
  if (!results) throw redirect('/assessment')
  const plan = await planAreasOf(user.id)
  // Local services the client keeps on their plan (issue 15), chosen on /services.
  const services = (await savedServicesOf(user.id)).map((entry) => ({ id: entry.id, name: entry.name }))
  return { results, plan, services, contacts: (await getServiceSettings()).crisisContacts }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const results = await latestResults(user.id)
  if (!results) throw redirect('/assessment')
  const known = new Set<string>(results.areas.map((a) => a.area))
  const chosen = (await request.formData()).getAll('area').map(String)
  if (chosen.length === 0 || chosen.some((a) => !known.has(a))) {
    return data({ error: 'Choose at least one of the areas listed.', saved: false }, { status: 400 })
  }
  await savePlanAreas(user.id, chosen)
  return data({ error: null, saved: true })
}

export default function Results() {
  const { results, plan, services, contacts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const chosen = new Set(plan)
  return (
    <section>
      <h1>Your results</h1>
      {results.warnings.includes('self-harm') ? <SelfHarmSupport contacts={contacts} /> : null}
      {results.notices.map((id) => (
        <SafetyNoticePanel key={id} id={id} contacts={contacts} why="answers" />
      ))}
      <p>
        These scores describe how things are now. They are not a diagnosis. They can help you and anyone you choose to
        share them with see where to start, and show change over time.
      </p>

      {results.areas.length > 0 ? (
        <WhereToStart recommendations={results.recommendations} />
      ) : (
        <p>
          <Link to="/modules">See all modules</Link>
        </p>
      )}
      {results.changes ? <WhatChanged changes={results.changes} /> : null}

      {results.areas.length > 0 ? (
        <>
          <h2>Your life areas</h2>
          <LifeAreaProfile areas={results.areas} bands={results.areaBands} />
          <h2 id="plan-heading">What would you like to work on?</h2>
          <p>
            Choose one or two areas, perhaps the hardest ones at the top. The modules for them will come first. You
            choose: nothing is locked.
          </p>
          <Form method="post" aria-labelledby="plan-heading">
            <FormError id="plan-error" errors={actionData?.error ? [actionData.error] : undefined} />
            <fieldset>
              <legend>Areas to work on</legend>
              {results.areas.map((a) => (
                <Choice
                  key={a.area}
                  type="checkbox"
                  name="area"
                  value={a.area}
                  label={a.name}
                  defaultChecked={chosen.has(a.area)}
                  hint={`${a.band.label} (${a.score} out of 100).`}
                />
              ))}
            </fieldset>
            <button type="submit" className="button">
              Save my plan
            </button>
          </Form>
          <div role="status">{actionData?.saved ? <p className="notice">Your plan is saved.</p> : null}</div>
        </>
      ) : null}

      <h2>Services on your plan</h2>
      {services.length > 0 ? (
        <ul>
          {services.map((service) => (
            <li key={service.id}>
              <Link to={`/services#entry-${service.id}`}>{service.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Keep a few local services and meetings on your plan: <Link to="/services">find services and meetings</Link>.
      </p>

      {/* The details, folded: each opens with a tap and works without JavaScript. */}
      <details className="more">
        <summary>
          <h2>Your scores</h2>
        </summary>
        <ul className="score-list">
          {results.scores.map((s) => (
            <li key={s.instrumentId} className={s.band ? `level-${s.band.level}` : undefined}>
              <strong>{s.title}</strong>: {s.total}
              {s.max !== null ? ` out of ${s.max}` : ''}
              {s.band ? (
                <>
                  {' '}
                  – <strong>{s.band.label}</strong>. {s.band.meaning}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </details>

      {results.readiness.length > 0 ? (
        <details className="more">
          <summary>
            <h2>How ready you feel</h2>
          </summary>
          <ul>
            {results.readiness.map((r) => (
              <li key={r.question}>
                {r.question} <strong>{r.value} out of 10</strong>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {results.units ? (
        <details className="more">
          <summary>
            <h2>Your drinking and the UK guideline</h2>
          </summary>
          <p>
            From your answers, you drink about {results.units.min}
            {results.units.max === null
              ? ' or more'
              : results.units.max !== results.units.min
                ? ` to ${results.units.max}`
                : ''}{' '}
            units of alcohol a week. The UK guideline is not to drink more than {results.unitGuideline} units a week on
            a regular basis, spread over 3 or more days (UK Chief Medical Officers, 2016).
          </p>
        </details>
      ) : null}
      <p>
        <Link to="/medicines">Medicines you are prescribed</Link>: list them, and we warn you if something you log is
        dangerous with one of them.
      </p>
      <p>
        <Link to="/assessment/history">See how your scores have changed</Link>
      </p>
    </section>
  )
}
