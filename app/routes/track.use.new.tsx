// Log a drink or drug use (per occasion or for the day), with the UK unit calculator for alcohol.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { TimeZoneField } from '#app/components/time-zone-field.tsx'
import { CALCULATE, UseFields } from '#app/components/use-fields.tsx'
import { useHoldWhenOffline } from '#app/components/waiting-to-send.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { logUse, rememberTimeZone, reportedTimeZone, ZONE_UNREADABLE } from '#app/domain/tracking/entries.server.ts'
import {
  calculatorTotalOf,
  publishedTracking,
  trackingChoices,
  trackingForms,
} from '#app/domain/tracking/forms.server.ts'

export const meta: MetaFunction = () => [{ title: 'Log use – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'client')
  return { choices: trackingChoices(await publishedTracking()) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  const reported = reportedTimeZone(formData.get('timeZone'))
  const submission = parseWithZod(formData, { schema: trackingForms(await publishedTracking()).UseSchema })
  // "Work it out": the form comes back with the calculator's total, and nothing is saved.
  // Fields that do not make a drink (empty, not numbers, out of range) are a 400: the page says
  // "choose a drink, or type its size and strength".
  if (formData.get('intent') === CALCULATE) {
    const total = calculatorTotalOf(formData)
    return data({ result: { ...submission.reply(), error: undefined }, total }, { status: total === null ? 400 : 200 })
  }
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (!reported.ok) return data({ result: submission.reply({ formErrors: [ZONE_UNREADABLE] }) }, { status: 400 })
  await rememberTimeZone(user.id, reported.zone)
  const logged = await logUse(user.id, submission.value)
  if (!logged.ok)
    return data({ result: submission.reply({ fieldErrors: { [logged.field]: [logged.message] } }) }, { status: 400 })
  const next = `/track/use/${logged.id}?logged=1`
  return redirect(logged.selfHarmWords ? supportFirst(next) : next)
}

export default function NewUse() {
  const { choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('use-form', actionData?.result ?? null)
  const holdWhenOffline = useHoldWhenOffline('use')
  return (
    <section className="narrow">
      <h1>Log a drink or drug use</h1>
      <p>Being honest here helps you see what is really happening. Nobody else sees it unless you choose to share.</p>
      <Form method="post" {...form.props} onSubmit={holdWhenOffline}>
        <FormError id={form.errorId} errors={form.errors} />
        <TimeZoneField />
        <UseFields
          field={form.field}
          choices={choices}
          total={(actionData as { total?: number | null } | undefined)?.total}
        />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}
