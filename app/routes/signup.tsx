// Anonymous sign-up: a username and a passphrase, nothing else.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField, SharedDeviceField, UsernameField } from '#app/components/account-fields.tsx'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { requireAnonymous } from '#app/domain/accounts/guards.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createSession } from '#app/domain/accounts/session.server.ts'
import { signUpClient } from '#app/domain/accounts/sign-in.server.ts'
import { UsernameSchema } from '#app/domain/accounts/username.ts'

const SignupSchema = z.object({
  username: UsernameSchema,
  passphrase: PassphraseSchema,
  sharedDevice: z.boolean().default(false),
})

export const meta: MetaFunction = () => [{ title: 'Create an account – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['passphrase'] }) }, { status: 400 })
  }
  const { username, passphrase, sharedDevice } = submission.value
  const result = await signUpClient({ username, passphrase, ip: context.clientIp })
  if (!result.ok) {
    const errors = result.field
      ? { fieldErrors: { [result.field]: [result.message] } }
      : { formErrors: [result.message] }
    return data({ result: submission.reply({ ...errors, hideFields: ['passphrase'] }) }, { status: result.status })
  }
  const cookie = await createSession(result.user, { sharedDevice })
  return redirect('/home', { headers: { 'Set-Cookie': cookie } })
}

export default function Signup() {
  const actionData = useActionData<typeof action>()
  const form = useFormReply('signup', actionData?.result)
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <p>
        You only need a username and a passphrase. We do not ask for your name, email or phone number. Choose a username
        that does not identify you.
      </p>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <UsernameField field={form.field('username')} withHint />
        <NewPassphraseField field={form.field('passphrase')} />
        <SharedDeviceField field={form.field('sharedDevice')} />
        <button type="submit" className="button">
          Create account
        </button>
      </Form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
      <p className="hint">
        There is no email recovery, so keep your passphrase safe. If you forget it, you can start a new account.
      </p>
    </section>
  )
}
