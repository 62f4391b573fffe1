// A one-time passphrase-reset link an admin made for a member of staff (H-028). The token is a
// random secret (only its hash is stored; the log masks it; Referrer-Policy keeps it from
// leaking). Setting the new passphrase uses the link up and ends every other session.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField } from '#app/components/account-fields.tsx'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createSession, destroySession } from '#app/domain/accounts/session.server.ts'
import { findOpenReset, ResetUnavailableError, redeemPassphraseReset } from '#app/domain/accounts/staff-admin.server.ts'
import { checkLimits, getLimiters, tooManyAttemptsMessage } from '#app/utils/rate-limit.server.ts'

const ResetSchema = z.object({ passphrase: PassphraseSchema })

export const meta: MetaFunction = () => [{ title: 'Choose a new passphrase – Foothold' }]

const unavailable = () => new Response(new ResetUnavailableError().message, { status: 404 })

export async function loader({ params }: LoaderFunctionArgs) {
  const open = params.token ? await findOpenReset(params.token) : undefined
  if (!open) throw unavailable()
  return { username: open.username }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const limit = await checkLimits([[getLimiters().invitePerIp, context.clientIp]])
  if (!limit.allowed) throw new Response(tooManyAttemptsMessage(limit.retryAfterSeconds), { status: 429 })
  const submission = parseWithZod(await request.formData(), { schema: ResetSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields: ['passphrase'] }) }, { status: 400 })
  try {
    const user = await redeemPassphraseReset(params.token ?? '', submission.value.passphrase)
    const headers = new Headers({ 'Set-Cookie': await destroySession(request) })
    headers.append('Set-Cookie', await createSession(user))
    return redirect('/home', { headers })
  } catch (error) {
    if (error instanceof ResetUnavailableError) throw unavailable()
    throw error
  }
}

export default function ResetPassphrase() {
  const { username } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('reset', actionData?.result)
  return (
    <section className="narrow">
      <h1>Choose a new passphrase</h1>
      <p>
        This is for the staff account <strong>{username}</strong>. This link works once. Choosing a new passphrase signs
        this account out everywhere else.
      </p>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <NewPassphraseField field={form.field('passphrase')} label="New passphrase" />
        <button type="submit" className="button">
          Save my new passphrase
        </button>
      </Form>
    </section>
  )
}
