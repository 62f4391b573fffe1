// Admin: the service's name, crisis contacts and quick-exit site.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { MAX_CONTACT_ROWS } from '#app/domain/settings/defaults.ts'
import { getServiceSettings, saveServiceSettings } from '#app/domain/settings/settings.server.ts'
import { SettingsFormSchema } from '#app/domain/settings/settings-form.ts'

export const meta: MetaFunction = () => [{ title: 'Service settings – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { settings: await getServiceSettings() }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, 'admin')
  const submission = parseWithZod(await request.formData(), { schema: SettingsFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
  await saveServiceSettings(submission.value)
  return data({ result: submission.reply(), saved: true })
}

export default function AdminSettings() {
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const blank = { name: '', phone: '', description: '' }
  const rows = [...settings.crisisContacts, ...Array(MAX_CONTACT_ROWS).fill(blank)].slice(0, MAX_CONTACT_ROWS)
  const form = useFormReply('settings', actionData?.result, { ...settings, crisisContacts: rows })
  const contactsField = form.field('crisisContacts')
  return (
    <section className="narrow">
      <h1>Service settings</h1>
      <div role="status">{actionData?.saved ? <p className="notice">Settings saved.</p> : null}</div>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField field={form.field('serviceName')} label="Service name" hint="Shown at the top of every page." />
        <TextField
          field={form.field('quickExitUrl')}
          label="Quick-exit website"
          type="url"
          hint="Where the quick-exit button goes. Pick a neutral site, such as a weather forecast. It must start with https://."
        />
        <fieldset>
          <legend>Crisis contacts</legend>
          <p className="hint">Shown in the help page and safety messages. Leave a row blank to remove it.</p>
          <FormError id={contactsField.errorId} errors={contactsField.errors} />
          {rows.map((_row, index) => {
            const at = (key: string) => form.field(`crisisContacts[${index}].${key}`)
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fixed, numbered slots
              <fieldset key={index} className="contact-row">
                <legend>Contact {index + 1}</legend>
                <TextField field={at('name')} label="Name" />
                <TextField field={at('phone')} label="Phone number" type="tel" />
                <TextField field={at('description')} label="When to call (optional)" />
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
