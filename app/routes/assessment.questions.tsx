// One page of the assessment: a few questions, each a fieldset whose legend is the item's
// published wording and whose answers are labelled radios. Every page saves. A safety panel
// comes before the next page when an answer calls for it.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { FormError } from '#app/components/forms.tsx'
import { SelfHarmSupport } from '#app/components/support-panel.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { acknowledgeSafety, currentPage, getOpenAssessment, savePage } from '#app/domain/assessment/sitting.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export const meta: MetaFunction = () => [{ title: 'Check-in – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const assessment = await getOpenAssessment(user.id)
  if (!assessment) throw redirect('/assessment')
  if (assessment.pendingSafety) {
    return {
      kind: 'support' as const,
      rule: assessment.pendingSafety,
      contacts: (await getServiceSettings()).crisisContacts,
    }
  }
  const { page, pageCount, answers } = await currentPage(assessment)
  return { kind: 'page' as const, page, pageCount, answers }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'carry-on') {
    await acknowledgeSafety(user.id)
    return redirect('/assessment/questions')
  }
  const post = readPagePost(form)
  if (!post.ok)
    return data(
      { errors: {} as Record<string, string>, answers: {} as Record<string, string>, formError: post.message },
      { status: 400 },
    )
  const { pageIndex, answers } = post
  const result = await savePage(user.id, { pageIndex, answers, direction: intent === 'back' ? 'back' : 'next' })
  if (!result.ok) {
    // A well-formed post for another page (an old tab, the browser's back button): nothing is
    // saved and the client sees the page they are on now.
    if (result.status === 409) throw redirect('/assessment/questions')
    return data({ errors: result.errors, answers, formError: null }, { status: result.status })
  }
  if (result.finished) return redirect('/assessment/results')
  return redirect('/assessment/questions')
}

const REFUSED = 'This page could not be read, so nothing was saved. Please choose your answers again.'

/**
 * The page's own fields only: `intent`, the page number and one answer per `item:<id>`, each
 * once and each a small whole number. Anything else is refused before any answer is read, so a
 * stale or odd post is never mistaken for "this page was already saved".
 */
function readPagePost(
  form: FormData,
): { ok: true; pageIndex: number; answers: Record<string, string> } | { ok: false; message: string } {
  const seen = new Set<string>()
  const answers: Record<string, string> = {}
  for (const [key, value] of form) {
    if (seen.has(key) || typeof value !== 'string') return { ok: false, message: REFUSED }
    seen.add(key)
    if (key === 'intent') {
      if (value !== 'next' && value !== 'back') return { ok: false, message: REFUSED }
    } else if (key === 'page') {
      if (!/^\d{1,3}$/.test(value)) return { ok: false, message: REFUSED }
    } else if (key.startsWith('item:') && key.length <= 100) {
      if (!/^\d{0,3}$/.test(value)) return { ok: false, message: REFUSED }
      answers[key.slice(5)] = value
    } else return { ok: false, message: REFUSED }
  }
  if (!seen.has('page')) return { ok: false, message: REFUSED }
  return { ok: true, pageIndex: Number(form.get('page')), answers }
}

export default function AssessmentQuestions() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  useEffect(() => {
    // With JavaScript, move focus to the error summary after a refused page (as useFormReply does).
    if (actionData?.formError || (actionData?.errors && Object.keys(actionData.errors).length > 0))
      document.getElementById('page-errors')?.focus()
  }, [actionData])
  if (data.kind === 'support') {
    return (
      <section className="narrow">
        <h1>Before you carry on</h1>
        <SelfHarmSupport contacts={data.contacts}>
          <Form method="post">
            <input type="hidden" name="intent" value="carry-on" />
            <button type="submit" className="button">
              Carry on with the check-in
            </button>
          </Form>
        </SelfHarmSupport>
      </section>
    )
  }
  const { page, pageCount } = data
  const errors = actionData?.errors ?? {}
  const chosen = {
    ...Object.fromEntries(Object.entries(data.answers).map(([k, v]) => [k, String(v)])),
    ...(actionData?.answers ?? {}),
  }
  const errorCount = Object.keys(errors).length
  return (
    <section className="narrow">
      <p className="progress-label" id="progress-label">
        Page {page.index + 1} of {pageCount}
      </p>
      <progress className="progress" max={pageCount} value={page.index + 1} aria-labelledby="progress-label" />
      <h1>{page.title}</h1>
      <p>{page.intro}</p>
      <Form method="post" noValidate>
        <FormError
          id="page-errors"
          errors={
            actionData?.formError
              ? [actionData.formError]
              : errorCount > 0
                ? [`Please answer ${errorCount === 1 ? 'the question' : `the ${errorCount} questions`} marked below.`]
                : undefined
          }
        />
        <input type="hidden" name="page" value={page.index} />
        {page.items.map((item) => {
          const error = errors[item.id]
          return (
            <fieldset
              key={item.id}
              className={error ? 'question field-invalid' : 'question'}
              aria-describedby={error ? `${item.id}-error` : undefined}
            >
              <legend>{item.text}</legend>
              {error ? (
                <p className="field-error" id={`${item.id}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {error}
                </p>
              ) : null}
              <div className="options">
                {item.options.map((option) => {
                  const id = `${item.id}-${option.value}`
                  return (
                    <div className="option" key={id}>
                      <input
                        type="radio"
                        id={id}
                        name={`item:${item.id}`}
                        value={option.value}
                        defaultChecked={chosen[item.id] === String(option.value)}
                      />
                      <label htmlFor={id}>{option.label}</label>
                    </div>
                  )
                })}
              </div>
            </fieldset>
          )
        })}
        <div className="actions">
          <button type="submit" name="intent" value="next" className="button">
            {page.index + 1 === pageCount ? 'Finish' : 'Save and continue'}
          </button>
          {page.index > 0 ? (
            <button type="submit" name="intent" value="back" className="button button-secondary">
              Back
            </button>
          ) : null}
        </div>
      </Form>
      <p className="hint">Your answers are saved on every page. You can stop at any time and carry on later.</p>
    </section>
  )
}
