// One module: its start page, then one step at a time. Every button is a form post; the server
// steps the module's machine and redirects back here, so refresh and Back are always safe.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { StepBody, type StepView, stepDefaults } from '#app/components/module-step.tsx'
import { SafetyNoticePanel } from '#app/components/support-panel.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { withdrawalReason } from '#app/domain/assessment/safety-facts.server.ts'
import { acknowledgeModuleSafety, beginModule, postStep, type StepIntent } from '#app/domain/modules/stepping.server.ts'
import { moduleView } from '#app/domain/modules/view.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.module.title ?? 'Module'} – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const view = await moduleView(user.id, params.moduleId ?? '')
  if (!view) throw new Response('Not found', { status: 404 })
  return { view, contacts: (await getServiceSettings()).crisisContacts, why: await withdrawalReason(user.id) }
}

const STEP_INTENTS = new Set<string>(['next', 'back', 'skip', 'restart'])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const moduleId = params.moduleId ?? ''
  const here = new URL(request.url).pathname
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? 'next')
  if (intent === 'start') {
    if (!(await beginModule(user.id, moduleId))) throw new Response('Not found', { status: 404 })
    return redirect(here)
  }
  if (intent === 'carry-on') {
    await acknowledgeModuleSafety(user.id, moduleId)
    return redirect(here)
  }
  if (!STEP_INTENTS.has(intent))
    return data({ result: null, message: 'That button is not one we know.' }, { status: 400 })
  const stepId = String(formData.get('step') ?? '')
  const result = await postStep(user.id, moduleId, { stepId, intent: intent as StepIntent, formData })
  if (result.ok) return redirect(result.selfHarmWords ? supportFirst(here) : here)
  if (result.status === 400) return data({ result: result.reply, message: null }, { status: 400 })
  return data({ result: null, message: result.message }, { status: result.status })
}

export default function ModulePage() {
  const { view, contacts, why } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { module } = view
  if (!view.started) {
    return (
      <section className="narrow">
        <p className="hint">
          About {module.minutes} minutes · {module.areas.join(', ')}
        </p>
        <h1>{module.title}</h1>
        <p>{module.summary}</p>
        {view.notices.map((id) => (
          <SafetyNoticePanel key={id} id={id} contacts={contacts} why={why} />
        ))}
        <Form method="post">
          <button type="submit" name="intent" value="start" className="button">
            Start this module
          </button>
        </Form>
        <p className="hint">
          Your answers are saved at every step. You can stop at any time and carry on later, on any device.
        </p>
        <Sources sources={module.sources} />
      </section>
    )
  }
  const step = view.step as StepView | null
  return (
    <section className="narrow">
      <p className="module-kicker">
        <Link to="/modules">Modules</Link> · {module.title}
      </p>
      <p className="progress-label" id="progress-label">
        {view.finished ? 'Finished' : `Step ${view.progress.step} of ${view.progress.total}`}
      </p>
      <progress
        className="progress"
        max={view.progress.total}
        value={view.progress.step}
        aria-labelledby="progress-label"
      />
      <p className="get-help">
        Feeling unsafe? <Link to="/help">Get help now</Link>
      </p>
      <FormError id="module-message" errors={actionData?.message ? [actionData.message] : undefined} />
      {view.pendingSafety ? (
        <>
          <h1>Before you carry on</h1>
          <SafetyNoticePanel id={view.pendingSafety} contacts={contacts} why={why} />
          <Form method="post">
            <button type="submit" name="intent" value="carry-on" className="button">
              Carry on with the module
            </button>
          </Form>
        </>
      ) : view.finished || !step ? (
        <Finished view={view} contacts={contacts} why={why} />
      ) : (
        <StepForm key={step.id} view={view} step={step} reply={actionData?.result ?? null} />
      )}
    </section>
  )
}

type StartedView = Extract<ReturnType<typeof useLoaderData<typeof loader>>['view'], { started: true }>

function StepForm({
  view,
  step,
  reply,
}: {
  view: StartedView
  step: StepView
  reply: Parameters<typeof useFormReply>[1]
}) {
  const form = useFormReply('step-form', reply, stepDefaults(step, view.answer))
  const sent = reply?.initialValue?.choice
  const chosen =
    sent !== undefined ? [sent].flat().map(String) : Array.isArray(view.answer) ? view.answer.map(String) : []
  return (
    <Form method="post" {...form.props}>
      <h1>{step.title}</h1>
      <FormError
        id={form.errorId}
        errors={reply?.error ? (form.errors ?? ['Please check the answers marked below.']) : undefined}
      />
      <input type="hidden" name="step" value={step.id} />
      {step.type === 'summary' && view.done.length > 0 ? (
        <>
          <h2>What you did</h2>
          <ul>
            {view.done.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
          <h2>What next</h2>
        </>
      ) : null}
      <StepBody
        step={step}
        field={form.field}
        chosen={chosen}
        goalChoices={view.goalChoices}
        worksheetBase={`/modules/${view.module.id}/worksheet`}
      />
      <div className="actions">
        <button type="submit" name="intent" value="next" className="button">
          {step.type === 'summary' ? 'Finish the module' : 'Save and continue'}
        </button>
        {step.optional ? (
          <button type="submit" name="intent" value="skip" className="button button-secondary">
            Skip this step
          </button>
        ) : null}
        {view.canGoBack ? (
          <button type="submit" name="intent" value="back" className="button button-secondary">
            Back
          </button>
        ) : null}
      </div>
    </Form>
  )
}

function Finished({
  view,
  contacts,
  why,
}: {
  view: StartedView
  contacts: Parameters<typeof SafetyNoticePanel>[0]['contacts']
  why: Parameters<typeof SafetyNoticePanel>[0]['why']
}) {
  return (
    <>
      <h1>You finished “{view.module.title}”</h1>
      <p>Well done. It is saved in your plan.</p>
      {view.done.length > 0 ? (
        <>
          <h2>What you did</h2>
          <ul>
            {view.done.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {view.worksheets.length > 0 ? (
        <>
          <h2>Your worksheets</h2>
          <ul className="downloads">
            {view.worksheets.map((w) => (
              <li key={w.stepId}>
                {w.title}:{' '}
                <a href={`/modules/${view.module.id}/worksheet/${w.stepId}/filled.pdf`} download>
                  PDF with your answers
                </a>
                {' · '}
                <a href={`/modules/${view.module.id}/worksheet/${w.stepId}`}>printable page</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.notices.map((id) => (
        <SafetyNoticePanel key={id} id={id} contacts={contacts} why={why} />
      ))}
      <div className="actions">
        <Link to="/modules" className="button">
          Choose another module
        </Link>
        <Form method="post">
          <input type="hidden" name="step" value="finished" />
          <button type="submit" name="intent" value="restart" className="button button-secondary">
            Do this module again
          </button>
        </Form>
      </div>
      <Sources sources={view.module.sources} />
    </>
  )
}

function Sources({ sources }: { sources: readonly string[] }) {
  return (
    <details className="sources">
      <summary>What this module is based on</summary>
      <ul>
        {sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </details>
  )
}
