// Change a goal: its words, kind, substance, how often to check in, deadline and the rest, with
// the same checks as setting one (a deadline already past is refused; a stop or cut-down goal's
// safety warning shows again on the goals page after saving, H-044).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { GoalFields } from '#app/components/goal-fields.tsx'
import { TimeZoneField } from '#app/components/time-zone-field.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { namedSubstances } from '#app/domain/assessment/safety-facts.server.ts'
import { editGoalAction } from '#app/domain/tracking/goal-actions.server.ts'
import { getGoal } from '#app/domain/tracking/goals.server.ts'
import { SUBSTANCE_IDS } from '#programme/engine/index.ts'

export const meta: MetaFunction = () => [{ title: 'Change your goal – Foothold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const goal = await getGoal(user.id, params.id ?? '')
  if (!goal) throw new Response('Not found', { status: 404 })
  const named = (await namedSubstances(user.id)) ?? SUBSTANCE_IDS
  // A goal's own substance stays on the list even if the client no longer names it.
  const substances = goal.substance && !named.includes(goal.substance) ? [...named, goal.substance] : named
  const { what, type, substance, howMuch, byWhen, frequency, why, area } = goal
  return { goal: { what, type, substance, howMuch, byWhen, frequency, why, area }, substances }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const result = await editGoalAction(user.id, params.id ?? '', await request.formData())
  if (result.status === 'redirect') return redirect(result.to)
  if (result.status === 404) throw new Response('Not found', { status: 404 })
  return data(result, { status: result.status })
}

export default function EditGoal() {
  const { goal, substances } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('goal-form', actionData?.result ?? null, goal)
  return (
    <section className="narrow">
      <h1 id="edit-goal">Change your goal</h1>
      <Form method="post" {...form.props} aria-labelledby="edit-goal">
        <input type="hidden" name="intent" value="edit" />
        <TimeZoneField />
        <FormError id={form.errorId} errors={form.errors ?? actionData?.errors} />
        <GoalFields
          field={form.field}
          prompt="What is your goal?"
          goalChoices={{ areas: [], substances }}
          withFrequency
        />
        <button type="submit" className="button">
          Save changes
        </button>
      </Form>
      <p>
        <Link to="/goals">Back to your goals without saving</Link>
      </p>
    </section>
  )
}
