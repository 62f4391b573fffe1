// Account: change passphrase (which signs out every other device too).
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField } from '#app/components/account-fields.tsx'
import { FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { changePassphrase, checkPassphrase } from '#app/domain/accounts/account.server.ts'
import { requireUser } from '#app/domain/accounts/guards.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createSession, getSession } from '#app/domain/accounts/session.server.ts'

const ChangeSchema = z.object({
  current: z.string({ error: 'Enter your current passphrase' }).max(1000),
  next: PassphraseSchema,
})

export const meta: MetaFunction = () => [{ title: 'Account – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { username: user.username, role: user.role }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: ChangeSchema })
  const hideFields = ['current', 'next']
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields }), changed: false }, { status: 400 })
  if (!(await checkPassphrase(user.id, submission.value.current))) {
    const result = submission.reply({ fieldErrors: { current: ['That is not your current passphrase.'] }, hideFields })
    return data({ result, changed: false }, { status: 400 })
  }
  const sharedDevice = (await getSession(request))?.sharedDevice ?? false
  await changePassphrase(user.id, submission.value.next)
  // Every session ended with the change; this device gets a fresh one.
  const cookie = await createSession(user, { sharedDevice })
  return data({ result: submission.reply({ resetForm: true }), changed: true }, { headers: { 'Set-Cookie': cookie } })
}

export default function Account() {
  const { username, role } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('change-passphrase', actionData?.result)
  return (
    <section className="narrow">
      <h1>Your account</h1>
      <p>
        You are signed in as <strong>{username}</strong> ({role === 'keyworker' ? 'key worker' : role}).
      </p>
      {role === 'client' ? null : (
        <p>
          <Link to="/privacy#download">Download your data</Link>: what Foothold keeps about you and your work.
        </p>
      )}
      <h2 id="change-heading">Change your passphrase</h2>
      <p>This also signs you out on every other device.</p>
      <div role="status">
        {actionData?.changed ? <p className="notice">Your passphrase has been changed.</p> : null}
      </div>
      <Form method="post" aria-labelledby="change-heading" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField
          field={form.field('current')}
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
        />
        <NewPassphraseField field={form.field('next')} label="New passphrase" />
        <button type="submit" className="button">
          Change passphrase
        </button>
      </Form>
    </section>
  )
}
