// Start a self-assessment: which substances the client wants help with, and their main one.
// The battery of questions follows from that. An assessment in progress resumes instead.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Choice, FieldError, FormError, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import {
  checkedInToday,
  DONE_TODAY,
  getOpenAssessment,
  startAssessment,
  substanceChoices,
} from '#app/domain/assessment/sitting.server.ts'
import { SUBSTANCE_IDS } from '#programme/engine/index.ts'

export const meta: MetaFunction = () => [{ title: 'Check-in – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  if (await getOpenAssessment(user.id)) throw redirect('/assessment/questions')
  return { substances: substanceChoices(), doneToday: (await checkedInToday(user.id)) ? DONE_TODAY : null }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const schema = z
    .object({
      substances: z.array(z.enum(SUBSTANCE_IDS), { error: 'Choose at least one' }).min(1, 'Choose at least one'),
      main: z.enum(SUBSTANCE_IDS, { error: 'Choose the one you most want help with' }),
    })
    .refine((v) => v.substances.includes(v.main), {
      path: ['main'],
      message: 'Your main one must be one you ticked above',
    })
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // One check-in a day: a second the same day is refused, not started (see DONE_TODAY).
  if (!(await startAssessment(user.id, submission.value)))
    return data({ result: null, doneToday: DONE_TODAY }, { status: 409 })
  return redirect('/assessment/questions')
}

export default function StartAssessment() {
  const { substances, doneToday } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('start', actionData?.result)
  const refused = doneToday ?? (actionData && 'doneToday' in actionData ? actionData.doneToday : null)
  if (refused) return <DoneToday message={refused} />
  const chosen = form.field('substances')
  const main = form.field('main')
  const picked = new Set(valuesOf(actionData?.result?.initialValue?.substances))
  return (
    <section className="narrow">
      <h1>Your check-in</h1>
      <p>
        A few short sets of questions about how things are going. It takes about 10 to 15 minutes. Every page saves, so
        you can stop and come back later, on any device.
      </p>
      <p>There are no right or wrong answers. Only you see them unless you choose to share.</p>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={chosen.errors ? chosen.errorId : undefined}>
          <legend>What do you want help with? Tick all that apply.</legend>
          <FieldError id={chosen.errorId} errors={chosen.errors} />
          {substances.map((s) => (
            <Choice
              key={s.id}
              type="checkbox"
              name="substances"
              value={s.id}
              label={s.label}
              defaultChecked={picked.has(s.id)}
              invalid={Boolean(chosen.errors)}
            />
          ))}
        </fieldset>
        <fieldset aria-describedby={main.errors ? main.errorId : undefined}>
          <legend>Which one do you most want help with?</legend>
          <FieldError id={main.errorId} errors={main.errors} />
          {substances.map((s) => (
            <Choice
              key={s.id}
              type="radio"
              name="main"
              value={s.id}
              label={s.label}
              defaultChecked={main.defaultValue === s.id}
              invalid={Boolean(main.errors)}
            />
          ))}
        </fieldset>
        <button type="submit" className="button">
          Start
        </button>
      </Form>
    </section>
  )
}

function DoneToday({ message }: { message: string }) {
  return (
    <section className="narrow">
      <h1>Your check-in</h1>
      <p className="notice" role="status">
        {message}
      </p>
      <p>
        <Link className="button" to="/assessment/results">
          See your results
        </Link>
      </p>
    </section>
  )
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' ? [value] : []
}
