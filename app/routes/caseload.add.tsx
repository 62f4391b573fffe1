// A key worker types in the share code a client gave them. Success links them and opens the
// client's page; a wrong, used or expired code gets one message for all three, and attempts are
// rate-limited so codes cannot be guessed.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { redeemWithLimits } from '#app/domain/sharing/links.server.ts'

const RedeemSchema = z.object({
  code: z
    .string({ error: 'Enter the share code the client gave you' })
    .trim()
    .max(40, { error: 'That is too long for a share code' }),
})

export const meta: MetaFunction = () => [{ title: 'Add a client – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'keyworker')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const worker = await requireRole(request, 'keyworker')
  const submission = parseWithZod(await request.formData(), { schema: RedeemSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await redeemWithLimits(worker, submission.value.code, context.clientIp)
  if (!result.ok)
    return data({ result: submission.reply({ fieldErrors: { code: [result.message] } }) }, { status: result.status })
  return redirect(`/caseload/${result.linkId}`)
}

export default function AddClient() {
  const actionData = useActionData<typeof action>()
  const form = useFormReply('redeem', actionData?.result)
  return (
    <section className="narrow">
      <h1>Add a client</h1>
      <p>
        A client makes a share code on their privacy page and chooses what you can see. Type the code here. It works
        once and for 48 hours.
      </p>
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField
          field={form.field('code')}
          label="Share code"
          hint="8 letters and numbers, for example ABCD-EFGH"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          Add client
        </button>
      </Form>
      <p>
        <Link to="/caseload">Back to your caseload</Link>
      </p>
    </section>
  )
}
