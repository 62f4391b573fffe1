// Sign in. A new session every time; failures never reveal whether a username exists.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { SharedDeviceField, UsernameField } from '#app/components/account-fields.tsx'
import { FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireAnonymous, safeRedirect } from '#app/domain/accounts/guards.server.ts'
import { createSession } from '#app/domain/accounts/session.server.ts'
import { signIn } from '#app/domain/accounts/sign-in.server.ts'

const LoginSchema = z.object({
  username: z.string({ error: 'Enter your username' }).trim().max(100),
  passphrase: z.string({ error: 'Enter your passphrase' }).max(1000),
  sharedDevice: z.boolean().default(false),
  redirectTo: z.string().optional(),
})

export const meta: MetaFunction = () => [{ title: 'Sign in – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['passphrase'] }) }, { status: 400 })
  }
  const { username, passphrase, sharedDevice, redirectTo } = submission.value
  const result = await signIn({ username, passphrase, ip: context.clientIp })
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: [result.message], hideFields: ['passphrase'] }) },
      { status: result.status },
    )
  }
  const cookie = await createSession(result.user, { sharedDevice })
  return redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const form = useFormReply('login', actionData?.result)
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <UsernameField field={form.field('username')} />
        <TextField
          field={form.field('passphrase')}
          label="Passphrase"
          type="password"
          autoComplete="current-password"
        />
        <SharedDeviceField field={form.field('sharedDevice')} />
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
      <p>
        New to Foothold? <Link to="/signup">Create an account</Link>.
      </p>
    </section>
  )
}
