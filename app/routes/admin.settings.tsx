// Admin: the service's name, crisis contacts and quick-exit site.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { FormError, TextField } from '#app/components/forms.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { getServiceSettings, saveServiceSettings } from '#app/utils/settings.server.ts'
import { MAX_CONTACT_ROWS, SettingsFormSchema } from '#app/utils/settings-form.ts'

export const meta: MetaFunction = () => [{ title: 'Service settings – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { settings: getServiceSettings() }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, 'admin')
  const submission = parseWithZod(await request.formData(), { schema: SettingsFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
  saveServiceSettings(submission.value)
  return data({ result: submission.reply(), saved: true })
}

export default function AdminSettings() {
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const rows = [
    ...settings.crisisContacts,
    ...Array(MAX_CONTACT_ROWS).fill({ name: '', phone: '', description: '' }),
  ].slice(0, MAX_CONTACT_ROWS)
  const [form, fields] = useForm<z.input<typeof SettingsFormSchema>>({
    lastResult: actionData?.result,
    defaultValue: { ...settings, crisisContacts: rows },
    shouldValidate: 'onSubmit',
  })
  const contacts = fields.crisisContacts.getFieldList()
  return (
    <section className="narrow">
      <h1>Service settings</h1>
      <div role="status">{actionData?.saved ? <p className="notice">Settings saved.</p> : null}</div>
      <Form method="post" {...getFormProps(form)}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField meta={fields.serviceName} label="Service name" hint="Shown at the top of every page." />
        <TextField
          meta={fields.quickExitUrl}
          label="Quick-exit website"
          type="url"
          hint="Where the quick-exit button goes. Pick a neutral site, such as a weather forecast. It must start with https://."
        />
        <fieldset>
          <legend>Crisis contacts</legend>
          <p className="hint">Shown in the help page and safety messages. Leave a row blank to remove it.</p>
          <FormError id={fields.crisisContacts.errorId} errors={fields.crisisContacts.errors} />
          {contacts.map((contact, index) => {
            const row = contact.getFieldset()
            return (
              <fieldset key={contact.key} className="contact-row">
                <legend>Contact {index + 1}</legend>
                <TextField meta={row.name} label="Name" />
                <TextField meta={row.phone} label="Phone number" type="tel" />
                <TextField meta={row.description} label="When to call (optional)" />
              </fieldset>
            )
          })}
        </fieldset>
        <button type="submit" className="button">
          Save settings
        </button>
      </Form>
    </section>
  )
}
