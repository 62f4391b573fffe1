// The second step before a goal is deleted: what will go, and a button that deletes it (a post;
// this page only shows). Works without JavaScript; the address holds only the goal's random id.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { deleteGoalAction } from '#app/domain/tracking/goal-actions.server.ts'
import { getGoal } from '#app/domain/tracking/goals.server.ts'
import { plural } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Delete this goal? – Foothold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const goal = await getGoal(user.id, params.id ?? '')
  if (!goal) throw new Response('Not found', { status: 404 })
  return { what: goal.what, status: goal.status, checkIns: goal.checkIns }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const result = await deleteGoalAction(user.id, params.id ?? '', await request.formData())
  if (result.status === 'redirect') return redirect(result.to)
  if (result.status === 404) throw new Response('Not found', { status: 404 })
  return data(result, { status: result.status })
}

export default function DeleteGoal() {
  const { what, status, checkIns } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="narrow">
      <h1>Delete this goal?</h1>
      <p>“{what}”</p>
      <p>
        This deletes the goal
        {checkIns > 0 ? ` and its ${plural(checkIns, 'check-in')}` : ''} for good. You cannot undo this.
      </p>
      {status === 'active' ? (
        <p>If you want to stop working on it but keep what you wrote, go back and choose “Drop this goal”.</p>
      ) : null}
      <Form method="post" aria-label="Delete this goal">
        <FormError id="delete-goal-error" errors={actionData?.errors} />
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button-danger">
          Yes, delete this goal
        </button>
      </Form>
      <p>
        <Link to="/goals">No, keep it</Link>
      </p>
    </section>
  )
}
