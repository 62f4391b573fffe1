// Accept a staff invite: the invitee chooses their username and passphrase. The token is a
// random one-time secret (only its hash is stored); Referrer-Policy keeps it from leaking.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField, UsernameField } from '#app/components/account-fields.tsx'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { UsernameTakenError } from '#app/domain/accounts/account.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createSession, destroySession } from '#app/domain/accounts/session.server.ts'
import { findOpenInvite, InviteUnavailableError, redeemInvite } from '#app/domain/accounts/staff.server.ts'
import { UsernameSchema } from '#app/domain/accounts/username.ts'
import { checkLimits, getLimiters, tooManyAttemptsMessage } from '#app/utils/rate-limit.server.ts'

const AcceptSchema = z.object({ username: UsernameSchema, passphrase: PassphraseSchema })

export const meta: MetaFunction = () => [{ title: 'Accept your invite – Foothold' }]

const unavailable = () => new Response(new InviteUnavailableError().message, { status: 404 })

export async function loader({ params }: LoaderFunctionArgs) {
  if (!params.token || !(await findOpenInvite(params.token))) throw unavailable()
  return null
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const limit = await checkLimits([[getLimiters().invitePerIp, context.clientIp]])
  if (!limit.allowed) throw new Response(tooManyAttemptsMessage(limit.retryAfterSeconds), { status: 429 })
  const submission = parseWithZod(await request.formData(), { schema: AcceptSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields: ['passphrase'] }) }, { status: 400 })
  try {
    const user = await redeemInvite(params.token ?? '', submission.value)
    const headers = new Headers({ 'Set-Cookie': await destroySession(request) })
    headers.append('Set-Cookie', await createSession(user))
    return redirect('/home', { headers })
  } catch (error) {
    if (error instanceof InviteUnavailableError) throw unavailable()
    if (!(error instanceof UsernameTakenError)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { username: [error.message] }, hideFields: ['passphrase'] }) },
      { status: 400 },
    )
  }
}

export default function AcceptInvite() {
  const actionData = useActionData<typeof action>()
  const form = useFormReply('invite', actionData?.result)
  return (
    <section className="narrow">
      <h1>Set up your staff account</h1>
      <p>Choose the username and passphrase you will use to sign in. This link works once.</p>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <UsernameField field={form.field('username')} withHint />
        <NewPassphraseField field={form.field('passphrase')} />
        <button type="submit" className="button">
          Create my account
        </button>
      </Form>
    </section>
  )
}
