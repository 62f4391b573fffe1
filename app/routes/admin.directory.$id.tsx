// Admin: add a directory entry (/admin/directory/new) or edit or remove one. The form's fields are
// the CSV's columns and one zod schema checks both (app/domain/directory/entry-schema.ts).
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useFormReply,
} from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { deleteEntry, entryValues, getEntry, saveEntry } from '#app/domain/directory/entries.server.ts'
import { EntrySchema } from '#app/domain/directory/entry-schema.ts'
import { DIRECTORY_KINDS, KIND_NAMES } from '#programme/engine/directory/kinds.ts'

const RemoveSchema = z.object({ confirm: z.literal('on', { error: 'Tick the box to confirm' }) })

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.values.name ? 'Edit entry' : 'Add an entry'} – Foothold` },
]

async function existing(id: string | undefined) {
  if (id === 'new') return null
  const entry = id ? await getEntry(id) : undefined
  if (!entry) throw new Response('There is no directory entry like that.', { status: 404 })
  return entry
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const entry = await existing(params.id)
  return { isNew: entry === null, values: entry ? entryValues(entry) : { time_zone: 'Europe/London' } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, 'admin')
  const entry = await existing(params.id)
  const formData = await request.formData()
  if (formData.get('intent') === 'remove' && entry) {
    const submission = parseWithZod(formData, { schema: RemoveSchema })
    if (submission.status !== 'success') return data({ form: 'remove', result: submission.reply() }, { status: 400 })
    await deleteEntry(entry.id)
    return redirect('/admin/directory?done=removed')
  }
  if (formData.get('intent') !== 'save')
    return data(
      { form: 'entry', result: { status: 'error' as const, error: { '': ['That button is not one we know.'] } } },
      { status: 400 },
    )
  const submission = parseWithZod(formData, { schema: EntrySchema })
  if (submission.status !== 'success') return data({ form: 'entry', result: submission.reply() }, { status: 400 })
  await saveEntry({ ...submission.value, id: entry?.id })
  return redirect('/admin/directory?done=saved')
}

export default function DirectoryEntryPage() {
  const { isNew, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('entry', actionData?.form === 'entry' ? actionData.result : undefined, values)
  const removeForm = useFormReply('remove', actionData?.form === 'remove' ? actionData.result : undefined)
  return (
    <section>
      <p>
        <Link to="/admin/directory">Back to the directory</Link>
      </p>
      <h1>{isNew ? 'Add an entry' : `Edit: ${values.name}`}</h1>
      <Form method="post" {...form.props}>
        <input type="hidden" name="intent" value="save" />
        <FormError id={form.errorId} errors={form.errors} />
        <TextField field={form.field('name')} label="Name" />
        <SelectField
          field={form.field('kind')}
          label="Kind"
          options={DIRECTORY_KINDS.map((kind) => [kind, KIND_NAMES[kind]] as const)}
        />
        <TextField field={form.field('address')} label="Address" hint='The street address, or "online".' />
        <TextField field={form.field('town')} label="Town (optional)" />
        <TextField
          field={form.field('postcode_district')}
          label="Postcode district (optional)"
          hint="Only the first half of the postcode, like LS1."
        />
        <TextField field={form.field('phone')} label="Phone (optional)" type="tel" />
        <TextField field={form.field('website')} label="Web address (optional)" type="url" />
        <TextField
          field={form.field('opening_hours')}
          label="Opening hours (optional)"
          hint='Like "Mon-Fri 09:00-17:00; Sat 10:00-13:00".'
        />
        <TextField
          field={form.field('schedule')}
          label="Meeting schedule (meetings only)"
          hint='Like "weekly Tue 19:30", "monthly 2 Thu 19:00" or "monthly last Sun 10:00".'
        />
        <TextField
          field={form.field('time_zone')}
          label="Time zone"
          hint="The zone the hours and schedule are in, like Europe/London."
        />
        <TextAreaField field={form.field('accessibility')} label="Accessibility notes (optional)" rows={2} />
        <TextField field={form.field('languages')} label="Languages (optional)" hint="Separate them with commas." />
        <TextField
          field={form.field('last_verified')}
          label="Last checked"
          type="date"
          hint="The date someone last checked these details."
        />
        <button type="submit" className="button">
          Save entry
        </button>
      </Form>
      {isNew ? null : (
        <>
          <h2 id="remove-heading">Remove this entry</h2>
          <p>Clients who saved it, or had it suggested, will no longer see it.</p>
          <Form method="post" aria-labelledby="remove-heading" {...removeForm.props}>
            <input type="hidden" name="intent" value="remove" />
            <FormError id={removeForm.errorId} errors={removeForm.errors} />
            <CheckboxField field={removeForm.field('confirm')} label="Yes, remove this entry" />
            <button type="submit" className="button button-secondary">
              Remove entry
            </button>
          </Form>
        </>
      )}
    </section>
  )
}
