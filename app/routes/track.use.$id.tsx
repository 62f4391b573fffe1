// One use-diary entry: what was saved (with the units worked out for alcohol), to change or delete.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { MixingWarning } from '#app/components/mixing-warning.tsx'
import { UseAfterBreakWarning } from '#app/components/use-after-break.tsx'
import { CALCULATE, UseFields } from '#app/components/use-fields.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { mixingWarning } from '#app/domain/safety/mixing.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import { alcoholUnitsText } from '#app/domain/tracking/amounts.ts'
import { deleteEntry, getUse, updateUse } from '#app/domain/tracking/entries.server.ts'
import {
  calculatorTotalOf,
  publishedTracking,
  trackingChoices,
  trackingForms,
} from '#app/domain/tracking/forms.server.ts'
import { afterBreakWarning } from '#app/domain/tracking/use-after-break.server.ts'
import { entryWhen, useDefaults } from '#app/domain/tracking/view.server.ts'

export const meta: MetaFunction = () => [{ title: 'Use diary entry – Foothold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const entry = await getUse(user.id, params.id ?? '')
  if (!entry) throw new Response('Not found', { status: 404 })
  // Just logged, and use after a break (H-026): the tolerance warning comes first.
  const logged = new URL(request.url).searchParams.get('logged') === '1'
  const afterBreak = logged && (await afterBreakWarning(user.id, entry.createdAt))
  // Just logged, and it mixes dangerously with the day or a listed medicine (H-039).
  const mixing = logged ? await mixingWarning(user.id, entry) : null
  return {
    afterBreak,
    mixing,
    contacts: afterBreak ? (await getServiceSettings()).crisisContacts : [],
    entry: useDefaults(entry),
    when: entryWhen(entry),
    noUse: entry.substance === null,
    alcoholUnits: entry.alcoholUnits,
    choices: trackingChoices(await publishedTracking()),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  if (formData.get('intent') === 'delete') {
    if (!(await deleteEntry(user.id, 'use', params.id ?? ''))) throw new Response('Not found', { status: 404 })
    return redirect('/track?deleted=use')
  }
  const submission = parseWithZod(formData, { schema: trackingForms(await publishedTracking()).UseSchema })
  // "Work it out": the form comes back with the calculator's total, and nothing is saved.
  // Fields that do not make a drink (empty, not numbers, out of range) are a 400: the page says
  // "choose a drink, or type its size and strength".
  if (formData.get('intent') === CALCULATE) {
    const total = calculatorTotalOf(formData)
    return data({ result: { ...submission.reply(), error: undefined }, total }, { status: total === null ? 400 : 200 })
  }
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = await updateUse(user.id, params.id ?? '', submission.value)
  if (!saved) throw new Response('Not found', { status: 404 })
  if (!saved.ok)
    return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 400 })
  const next = `/track/use/${params.id}?saved=1`
  return redirect(saved.selfHarmWords ? supportFirst(next) : next)
}

export default function UseEntryPage() {
  const { entry, when, noUse, alcoholUnits, choices, afterBreak, mixing, contacts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const form = useFormReply('use-form', actionData?.result ?? null, entry)
  return (
    <section className="narrow">
      <h1>{noUse ? 'A day with no use' : 'Use diary entry'}</h1>
      <p className="entry-when">{when}</p>
      {(search.get('logged') || search.get('saved')) && !actionData ? (
        <p className="notice" role="status">
          Saved{alcoholUnits !== null ? `: ${alcoholUnitsText(alcoholUnits)} of alcohol` : ''}.
        </p>
      ) : null}
      {mixing && !actionData ? <MixingWarning rows={mixing} /> : null}
      {afterBreak && !actionData ? <UseAfterBreakWarning contacts={contacts} /> : null}
      {noUse ? null : (
        <Form method="post" {...form.props}>
          <FormError id={form.errorId} errors={form.errors} />
          <UseFields
            field={form.field}
            choices={choices}
            total={(actionData as { total?: number | null } | undefined)?.total}
          />
          <button type="submit" className="button">
            Save changes
          </button>
        </Form>
      )}
      <Form method="post" className="delete-form">
        <button type="submit" name="intent" value="delete" className="button button-danger">
          Delete this entry
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}
