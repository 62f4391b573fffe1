// The client's prescribed medicines (part of their plan; issue 15 §3, hazard H-039): listed so
// that a use entry that mixes dangerously with one of them gives the mixing warning at once.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Choice, FieldError, FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { MEDICINE_NAME_MAX, MedicineFormSchema } from '#app/domain/safety/medicines.ts'
import { addMedicine, listMedicines, medicineChoices, removeMedicine } from '#app/domain/safety/mixing.server.ts'
import { clock } from '#app/utils/clock.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your medicines – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return { medicines: await listMedicines(user.id), choices: medicineChoices() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  if (formData.get('intent') === 'remove') {
    if (!(await removeMedicine(user.id, String(formData.get('id') ?? ''))))
      throw new Response('Not found', { status: 404 })
    return data({ result: null, saved: 'removed' as const })
  }
  const submission = parseWithZod(formData, { schema: MedicineFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), saved: null }, { status: 400 })
  const added = await addMedicine(user.id, submission.value, clock.now())
  if (!added.ok)
    return data({ result: submission.reply({ formErrors: [added.message] }), saved: null }, { status: 409 })
  return data({ result: submission.reply({ resetForm: true }), saved: 'added' as const })
}

export default function Medicines() {
  const { medicines, choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('medicine-form', actionData?.result ?? null)
  const labelOf = (kind: string) => choices.find((c) => c.id === kind)?.label ?? kind
  const kind = form.field('kind')
  return (
    <section className="narrow">
      <h1>Your medicines</h1>
      <p>
        Tell us about medicines a doctor or drug service has prescribed for you. If something you log in your use diary
        is dangerous with one of them, we warn you straight away. See <Link to="/help/mixing">mixing drugs</Link>.
      </p>
      <p className="hint">
        Only you see this list, unless you share your tracking. You can remove a medicine at any time.
      </p>
      <div role="status">
        {actionData?.saved === 'added' ? <p className="notice">Added.</p> : null}
        {actionData?.saved === 'removed' ? <p className="notice">Removed.</p> : null}
      </div>
      {medicines.length > 0 ? (
        <ul className="medicine-list">
          {medicines.map((m) => (
            <li key={m.id}>
              {labelOf(m.kind)}
              {m.name ? `: ${m.name}` : ''}{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={m.id} />
                <button type="submit" name="intent" value="remove" className="button button-secondary">
                  Remove<span className="visually-hidden"> {m.name || labelOf(m.kind)}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>You have not listed any medicines.</p>
      )}
      <Form method="post" {...form.props}>
        <h2>Add a medicine</h2>
        <FormError id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={kind.errors ? kind.errorId : undefined}>
          <legend>What kind of medicine is it?</legend>
          <FieldError id={kind.errorId} errors={kind.errors} />
          {choices.map((choice, index) => (
            <Choice
              key={choice.id}
              type="radio"
              name="kind"
              value={choice.id}
              label={choice.label}
              defaultChecked={kind.defaultValue === choice.id}
              invalid={Boolean(kind.errors) && index === 0}
            />
          ))}
        </fieldset>
        <TextField
          field={form.field('name')}
          label="What is it called? (optional)"
          hint={`For example methadone or sertraline. Up to ${MEDICINE_NAME_MAX} characters.`}
        />
        <button type="submit" className="button">
          Add medicine
        </button>
      </Form>
      <p>
        <Link to="/assessment/results">Back to your plan</Link>
      </p>
    </section>
  )
}
